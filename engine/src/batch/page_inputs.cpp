#include "batch/page_inputs.hpp"

#include "batch/content_hash.hpp"

namespace verdict {
namespace {

void add_optional(content_hash& h, const std::optional<std::string>& text) { h.add(text ? "1" + *text : std::string("0")); }

void add_shown_facts(content_hash& h, const tool& t) {
    h.add(t.id).add(t.name).add(t.vendor.value_or("")).add(t.category).add(t.tagline).add(t.description).add(t.updated);
    h.add(static_cast<std::uint64_t>(t.pricing.entry));
    add_optional(h, t.pricing.notes);
    add_optional(h, t.licence.name);
    h.add(static_cast<std::uint64_t>(t.licence.open_weights ? 1 + *t.licence.open_weights : 0));
    h.add(static_cast<std::uint64_t>(t.licence.open_source ? 1 + *t.licence.open_source : 0));
    h.add(static_cast<std::uint64_t>(t.licence.commercial_use ? 1 + static_cast<int>(*t.licence.commercial_use) : 0));
}

void add_seat(content_hash& h, const seat_review& s) {
    h.add(s.seat).add(static_cast<std::uint64_t>(s.shadow)).add(s.persona_name).add(s.persona_version).add(s.failure);
    h.add(s.base.value_or(-1)).add(s.threshold.value_or(-1));
    for (const std::string& line : s.log) h.add(line);
    if (!s.result) {
        h.add(std::string_view("no result"));
        return;
    }
    h.add(static_cast<std::uint64_t>(s.result->verdict)).add(s.result->score).add(s.result->quote);
    for (const reason& r : s.result->reasons) h.add(r.rule).add(r.points).add(r.fact).add(r.value).add(r.why);
}

}  // namespace

std::string review_fingerprint(const tool_review& r) {
    content_hash h;
    add_shown_facts(h, *r.subject);
    for (const seat_review& s : r.seats) add_seat(h, s);
    for (const std::string& p : r.unreadable) h.add(p);
    return h.hex();
}

std::string tool_fingerprint(const std::string& review, const community_score& community) {
    content_hash h;
    h.add(review).add(static_cast<std::uint64_t>(community.voters)).add(static_cast<std::uint64_t>(community.ship));
    add_optional(h, community.latest_date);
    return h.hex();
}

std::string site_fingerprint(const panel_config& config, const site_settings& site) {
    content_hash h;
    h.add(site.name).add(site.tagline).add(site.description).add(site.base_url);
    if (site.action) h.add(site.action->eyebrow).add(site.action->heading).add(site.action->text).add(site.action->link_label).add(site.action->link_href);
    h.add(VERDICT_VERSION).add(page_renderer_version).add(config.rule_set);
    h.add(static_cast<std::uint64_t>(config.quorum));
    for (const seat_config& s : config.seats) h.add(s.id).add(static_cast<std::uint64_t>(s.shadow));
    h.add(static_cast<std::uint64_t>(config.community.min_voters)).add(static_cast<std::uint64_t>(config.community.disagreement_points));
    return h.hex();
}

}  // namespace verdict
