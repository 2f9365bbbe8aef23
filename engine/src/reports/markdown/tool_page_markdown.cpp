// A tool's full panel page: the same introduction as on its comparisons, then
// the panel, the comparisons it is in, community and pricing in detail, then
// every seat's review with its receipt, a table that adds up from the base to
// the score, so a reader can check the arithmetic and see which fact moved the
// verdict. The tool's name is the front matter's title alone, which a site's
// layout prints as the page's one heading of the first level.
#include "reports/markdown/markdown_pages.hpp"

#include "compare/page_wording.hpp"
#include "reports/markdown/markdown_blocks.hpp"
#include "reports/markdown/tool_front_matter.hpp"
#include "reports/markdown/yaml_front_matter.hpp"
#include "reports/number_format.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

void write_front_matter(std::string& out, const page_tool& t) {
    yaml_front_matter fm(out);
    fm.text("title", t.subject().name);
    fm.text("description", tool_description(t));
    fm.text("page_kind", "tool");
    fm.open_map("tool");
    append_tool_data(fm, t);
    fm.close();
    fm.open_list("seats");
    for (const seat_review& s : t.review->seats) {
        fm.item();
        fm.text("seat", s.seat);
        fm.boolean("shadow", s.shadow);
        fm.text("state", name_of(state_of(&s)));
        fm.text("persona_name", s.persona_name);
        fm.text("persona_version", s.persona_version);
        fm.number_or_null("score", s.result ? std::optional<double>(s.result->score) : std::nullopt);
        fm.number_or_null("threshold", s.threshold);
    }
    fm.close();
    fm.text("rule_set", t.review->verdict.rule_set);
    fm.date("data_date", data_date_of(t));
    fm.finish();
}

void write_panel(std::string& out, const panel_verdict& v, const std::vector<std::string>& shadows) {
    append_heading(out, 2, "Panel verdict");
    append_fact(out, "Panel ship", panel_pct_text(v) + " (" + panel_detail(v) + ")");
    append_fact(out, "Mean score", mean_score_text(v));
    append_fact(out, "Votes", std::to_string(v.ship) + " ship, " + std::to_string(v.skip) + " skip, " + std::to_string(v.abstain) +
                                  " abstained, " + std::to_string(v.failed) + " failed; quorum " + std::to_string(v.quorum));
    if (!v.missing.empty()) append_fact(out, "Did not vote", seat_list(v.missing));
    if (!shadows.empty()) append_fact(out, "Shadow seats", seat_list(shadows) + " (" + std::string(shadow_note) + ")");
    out += '\n';
}

// "- [vs Claude Haiku](../compare/claude-haiku-vs-claw-code.md)" for each comparison the tool is in. A page made with no
// site around it knows of none, and has no such section.
void write_comparisons(std::string& out, const page_tool& t, const site_context& site, const std::string& page) {
    const auto& comparisons = site.links.comparisons_of(t.subject().id);
    if (comparisons.empty() && !site.links.category(t.subject().category)) return;
    append_heading(out, 2, "Compared with");
    if (comparisons.empty()) append_paragraph(out, no_comparisons);
    for (const site_links::comparison_link& c : comparisons) {
        out += "- ";
        append_link(out, "vs " + c.partner->name, relative_link(page, comparison_page_path(c.slug, "md")));
        out += '\n';
    }
    if (!comparisons.empty()) out += '\n';
}

void write_community(std::string& out, const page_tool& t) {
    append_heading(out, 2, community_heading);
    append_fact(out, "Community ship", community_pct_text(t.community) + " (" + community_detail(t.community) + ")");
    if (t.community.latest_date) append_fact(out, "Latest vote", *t.community.latest_date);
    out += '\n';
    append_paragraph(out, disagreement_sentence(t));
}

void write_pricing(std::string& out, const page_tool& t) {
    append_heading(out, 2, pricing_heading);
    for (const pricing_row& row : pricing_rows(t)) append_fact(out, row.label, row.value);
    out += '\n';
}

// From the base, each reason's points, to the score. Rule ids and facts are code, so they read as the rules spell
// them, as raw text too, where escaped prose would be strewn with backslashes.
void write_receipt(std::string& out, const review& r, double base) {
    append_table_row(out, {"Points", "Rule", "Fact", "Why"});
    append_table_rule(out, 4);
    append_table_row(out, {format_number(base), "base", "", ""});
    for (const reason& each : r.reasons)
        append_table_row(out, {format_points(each.points), md_code{each.rule}, md_code{each.fact + " = " + each.value}, each.why});
    append_table_row(out, {format_number(r.score), "score", "", ""});
    out += '\n';
}

void write_seat(std::string& out, const seat_review& s) {
    append_heading(out, 3, seat_title(s.seat) + ": " + std::string(label_of(state_of(&s))) + (s.shadow ? " (" + std::string(shadow_note) + ")" : ""));
    std::string line = s.persona_name.empty() ? "" : s.persona_name + " " + s.persona_version;
    if (s.result) line += (line.empty() ? "" : " · ") + std::string("score ") + format_number(s.result->score);
    if (s.threshold) line += (line.empty() ? "" : " · ") + std::string("threshold ") + format_number(*s.threshold);
    append_paragraph(out, line);
    if (!s.result) {
        append_lines(out, s.failure);
        return;
    }
    append_quote(out, s.result->quote);
    write_receipt(out, *s.result, s.base.value_or(0));
}

}  // namespace

std::string render_tool_page_markdown(const page_tool& t, const site_context& site) {
    const std::string page = tool_page_path(t.subject().id, "md");
    std::string out;
    out.reserve(16384);
    write_front_matter(out, t);
    append_tool_summary(out, t, site.links, page);
    write_panel(out, t.review->verdict, t.review->shadow_seats());
    append_changes(out, {&t});
    write_comparisons(out, t, site, page);
    write_community(out, t);
    write_pricing(out, t);
    append_heading(out, 2, "Reviews by seat");
    for (const seat_review& s : t.review->seats) write_seat(out, s);
    append_footer(out, t.review->verdict.rule_set, data_date_of(t));
    return out;
}

}  // namespace verdict
