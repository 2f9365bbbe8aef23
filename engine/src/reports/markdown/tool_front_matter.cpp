// Prices and states are written with their catalog names ("free",
// "restricted"), as in the JSON pages; the labels pages print sit beside them
// only where the label is not a plain spelling of the name.
#include "reports/markdown/tool_front_matter.hpp"

#include "compare/page_wording.hpp"
#include "reports/number_format.hpp"

namespace verdict {
namespace {

void append_pricing(yaml_front_matter& fm, const tool& t) {
    fm.open_map("pricing");
    fm.text("entry", name_of(t.pricing.entry));
    fm.text("entry_label", entry_label(t.pricing.entry));
    fm.text_or_null("notes", t.pricing.notes);
    fm.text("licence", licence_label(t));
    if (t.licence.commercial_use) fm.text("commercial_use", name_of(*t.licence.commercial_use));
    else fm.null("commercial_use");
    fm.close();
}

void append_panel(yaml_front_matter& fm, const panel_verdict& v) {
    fm.open_map("panel");
    fm.number_or_null("ship_pct", v.ship_pct);
    fm.text("fraction", std::to_string(v.ship) + "/" + std::to_string(v.voting()));
    fm.number("ship", v.ship);
    fm.number("skip", v.skip);
    fm.number("abstain", v.abstain);
    fm.number("failed", v.failed);
    fm.number_or_null("mean_score", v.mean_score ? std::optional<double>(round_to_tenth(*v.mean_score)) : std::nullopt);
    fm.close();
}

void append_community(yaml_front_matter& fm, const page_tool& t) {
    fm.open_map("community");
    fm.number_or_null("ship_pct", t.community.ship_pct);
    fm.number("voters", t.community.voters);
    fm.number("ship", t.community.ship);
    fm.text_or_null("latest_vote_date", t.community.latest_date);
    fm.number_or_null("gap_points", t.community_gap);
    fm.close();
}

// An unreadable tool's facts beside its id and name: the category when its file gave one, and null for the rest, never
// the placeholder's defaults.
void append_unknown_facts(yaml_front_matter& fm, const tool& t) {
    fm.text_or_null("category", t.category.empty() ? std::nullopt : std::optional(t.category));
    fm.null("vendor");
    fm.null("tagline");
    fm.open_map("pricing");
    for (const char* key : {"entry", "entry_label", "notes", "licence", "commercial_use"}) fm.null(key);
    fm.close();
}

}  // namespace

void append_tool_data(yaml_front_matter& fm, const page_tool& t) {
    const tool& subject = t.subject();
    fm.text("id", subject.id);
    fm.text("name", subject.name);
    if (t.unreadable()) {
        append_unknown_facts(fm, subject);
    } else {
        fm.text("category", subject.category);
        if (subject.vendor) fm.text("vendor", *subject.vendor);
        else fm.null("vendor");
        fm.text("tagline", subject.tagline);
        append_pricing(fm, subject);
    }
    append_panel(fm, t.review->verdict);
    append_community(fm, t);
    if (t.unreadable()) fm.text_list("problems", t.review->unreadable);
}

}  // namespace verdict
