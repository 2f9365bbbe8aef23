// The comparison page, in the order a reader decides: first the answer (both
// panel figures and the pick with its reason, in view without scrolling on a
// phone and a desktop), then the two tools and their figures side by side,
// each seat's verdict on both, the pricing read, how the panel splits, the
// community against the panel, and last the pick with the rule that made it.
// On a phone each pair stacks, so every cell names its tool.
#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "reports/html/html_document.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_pages.hpp"
#include "reports/html/html_parts.hpp"
#include "reports/html/structured_data.hpp"
#include "reports/site_layout.hpp"

#include <algorithm>
#include <cstdlib>

namespace verdict {
namespace {

using namespace html;

const std::string& tool_name(const comparison& c, std::size_t k) { return c.tools[k].subject().name; }

std::vector<std::string> names_of(const comparison& c) {
    std::vector<std::string> names = name_forms(c.tools[0]);
    for (std::string& form : name_forms(c.tools[1])) names.push_back(std::move(form));
    return names;
}

// The answer first: both tools' panel ship %, the pick and why, and the way to each section below.
void append_verdict(std::string& out, const comparison& c, const std::vector<std::string>& names) {
    out.append("<section class=\"verdict\" aria-labelledby=\"verdict\">\n<h2 id=\"verdict\" class=\"visually-hidden\">The verdict</h2>\n"
               "<dl class=\"verdict-tools\">\n");
    for (std::size_t k = 0; k < 2; ++k) {
        out.append("<div><dt><a href=\"#tool-").append(std::to_string(k)).append("\">");
        append_bdi(out, tool_name(c, k));
        out.append("</a></dt><dd><span class=\"figure\">");
        out.append(panel_pct_text(c.tools[k].review->verdict));
        out.append("</span> panel ship</dd><dd>");
        append_ship_bar(out, c.tools[k].review->verdict);
        out.append("</dd></div>\n");
    }
    out.append("</dl>\n<p class=\"verdict-pick\"><strong>");
    if (c.choice.winner) {
        out.append("The pick: ");
        append_bdi(out, tool_name(c, *c.choice.winner));
    } else {
        out.append("A tie");
    }
    out.append(".</strong> ");
    append_with_names(out, c.choice.reason, names);
    out.append("</p>\n<nav class=\"jump\" aria-label=\"Sections\">Jump to <a href=\"#scorecard\">the scorecard</a> · "
               "<a href=\"#pricing\">pricing</a> · <a href=\"#split\">the split</a> · <a href=\"#community\">the community</a> · "
               "<a href=\"#pick\">the pick</a></nav>\n</section>\n");
}

void append_masthead(std::string& out, const comparison& c, const std::vector<std::string>& names) {
    out.append("<header class=\"masthead\">\n<p class=\"eyebrow\">AI tool comparison</p>\n<h1>");
    append_bdi(out, tool_name(c, 0));
    out.append(" vs ");
    append_bdi(out, tool_name(c, 1));
    out.append("</h1>\n</header>\n");
    append_verdict(out, c, names);
    out.append("<p class=\"lead\">");
    out.append(comparison_lead);
    out.append("</p>\n");
}

void append_tool_cards(std::string& out, const comparison& c, const std::string& root) {
    out.append("<div class=\"pair\">\n");
    for (std::size_t k = 0; k < 2; ++k) {
        const page_tool& t = c.tools[k];
        out.append("<article class=\"card\" aria-labelledby=\"tool-").append(std::to_string(k)).append("\">\n");
        append_tool_intro(out, t, k == 0 ? "h2 id=\"tool-0\"" : "h2 id=\"tool-1\"");
        append_tool_figures(out, t);
        append_description(out, t, "more-" + std::to_string(k));
        out.append("<p class=\"more\"><a href=\"");
        append_escaped(out, root);
        append_escaped(out, tool_page_path(t.subject().id, "html"));
        out.append("\">Every seat's review of ");
        append_bdi(out, t.subject().name);
        out.append("</a></p>\n</article>\n");
    }
    out.append("</div>\n");
}

void append_cell(std::string& out, const comparison& c, const scorecard_cell& cell, std::size_t k, bool paired, const std::vector<std::string>& names) {
    out.append("<div class=\"card\">\n<p class=\"cell-head\"><span class=\"who\">");
    append_bdi(out, tool_name(c, k));
    if (paired) out.append(" · ").append(seat_title(cell.seat));   // the row pairs two seats: say which this one is
    out.append("</span> ");
    append_badge(out, cell.state);
    if (cell.state == cell_state::ship || cell.state == cell_state::skip) {
        out.append(" ");
        append_score_line(out, *cell.review, false);
    }
    out.append("</p>\n");
    if (cell.review && cell.review->result) {
        out.append("<blockquote><p>“");
        append_with_names(out, cell.review->result->quote, names);
        out.append("”</p></blockquote>\n");
    } else if (cell.review) {
        append_element(out, "p class=\"failure\"", first_line(cell.review->failure));
        out.append("\n");
    }
    out.append("</div>\n");
}

void append_scorecard(std::string& out, const comparison& c, const std::vector<std::string>& names) {
    open_section(out, "scorecard", scorecard_heading);
    for (const scorecard_row& row : c.scorecard) {
        out.append("<div class=\"seat\">\n<div class=\"seat-title\">");
        append_element(out, "h3", row_title(row));
        if (row.disagree) out.append("<span class=\"tag\">Split verdict</span>");
        out.append("</div>\n<div class=\"pair\">\n");
        for (std::size_t k = 0; k < 2; ++k) append_cell(out, c, row.cells[k], k, row.paired(), names);
        out.append("</div>\n</div>\n");
    }
    close_section(out);
}

void append_table_head(std::string& out, const comparison& c, std::string_view corner) {
    out.append("<thead><tr><th scope=\"col\">");
    out.append(corner);
    out.append("</th>");
    for (std::size_t k = 0; k < 2; ++k) {
        out.append("<th scope=\"col\">");
        append_bdi(out, tool_name(c, k));
        out.append("</th>");
    }
    out.append("</tr></thead>\n");
}

void append_table_row(std::string& out, std::string_view label, const std::string& left, const std::string& right) {
    out.append("<tr><th scope=\"row\">");
    out.append(label);
    out.append("</th>");
    append_element(out, "td dir=\"auto\"", left);
    append_element(out, "td dir=\"auto\"", right);
    out.append("</tr>\n");
}

void append_pricing(std::string& out, const comparison& c) {
    const auto left = pricing_rows(c.tools[0]);
    const auto right = pricing_rows(c.tools[1]);
    open_section(out, "pricing", pricing_heading);
    out.append("<table>\n");
    append_table_head(out, c, "Pricing");
    out.append("<tbody>\n");
    for (std::size_t i = 0; i < left.size(); ++i) append_table_row(out, left[i].label, left[i].value, right[i].value);
    out.append("</tbody>\n</table>\n");
    close_section(out);
}

// One group of the split: its label, naming the tool when the group is about one, and its seats.
void append_group(std::string& out, std::string_view label, const std::string* name, const std::vector<std::string>& seats) {
    out.append("<div><dt>");
    out.append(label);
    if (name) append_bdi(out, *name);
    out.append("</dt>");
    append_element(out, "dd", seat_list(seats));
    out.append("</div>\n");
}

void append_not_comparable(std::string& out, const comparison& c, const std::vector<std::string>& names) {
    if (c.split.not_comparable.empty()) return;
    out.append("<h3>Not comparable</h3>\n<ul>\n");
    for (const std::string& sentence : not_comparable_sentences(c)) {
        out.append("<li>");
        append_with_names(out, sentence, names);
        out.append("</li>\n");
    }
    out.append("</ul>\n");
}

void append_split(std::string& out, const comparison& c, const std::vector<std::string>& names) {
    open_section(out, "split", split_heading);
    out.append("<dl class=\"groups\">\n");
    append_group(out, "Ship both", nullptr, c.split.ship_both);
    append_group(out, "Ship only ", &tool_name(c, 0), c.split.ship_only[0]);
    append_group(out, "Ship only ", &tool_name(c, 1), c.split.ship_only[1]);
    append_group(out, "Skip both", nullptr, c.split.skip_both);
    out.append("</dl>\n");
    append_not_comparable(out, c, names);
    close_section(out);
}

// "+20 points", "0 points", "−20 points": the sign says which way the community leans, with a true minus sign (U+2212),
// which a hyphen only looks like; zero leans neither way.
std::string gap_text(const page_tool& t) {
    if (!t.community_gap) return "—";
    const int gap = *t.community_gap;
    return (gap > 0 ? "+" : gap < 0 ? "−" : "") + plural(std::abs(gap), "point");
}

void append_community(std::string& out, const comparison& c, const std::vector<std::string>& names) {
    const page_tool& a = c.tools[0];
    const page_tool& b = c.tools[1];
    open_section(out, "community", community_heading);
    out.append("<table>\n");
    append_table_head(out, c, "Vote");
    out.append("<tbody>\n");
    append_table_row(out, "Community ship", community_pct_text(a.community), community_pct_text(b.community));
    append_table_row(out, "Voters", community_detail(a.community), community_detail(b.community));
    append_table_row(out, "Panel ship", panel_pct_text(a.review->verdict), panel_pct_text(b.review->verdict));
    append_table_row(out, "Community minus panel", gap_text(a), gap_text(b));
    out.append("</tbody>\n</table>\n");
    for (const page_tool& t : c.tools) {
        if (!t.sharp_disagreement) continue;
        out.append("<p class=\"flag\" role=\"note\"><span aria-hidden=\"true\">⚠ </span>");
        append_with_names(out, disagreement_sentence(t), names);
        out.append("</p>\n");
    }
    out.append("<p class=\"note\">A gap of ").append(plural(c.disagreement_points, "point"));
    out.append(" or more either way counts as a sharp disagreement.</p>\n");
    close_section(out);
}

void append_pick(std::string& out, const comparison& c, const std::vector<std::string>& names) {
    open_section(out, "pick", pick_heading);
    out.append("<div class=\"pick\">\n<p class=\"eyebrow\">The pick</p>\n<p class=\"pick-name\">");
    if (c.choice.winner) append_bdi(out, tool_name(c, *c.choice.winner));
    else out.append("A tie");
    out.append("</p>\n<p>");
    append_with_names(out, c.choice.reason, names);
    out.append("</p>\n<p class=\"note\">");
    if (c.choice.winner) {   // a tie has no deciding rule: the reason says what was level
        out.append("Decided by: <strong>");
        append_escaped(out, label_of(c.choice.decided_by));
        out.append("</strong>. ");
    }
    append_escaped(out, pick_rule_text);
    out.append("</p>\n</div>\n");
    close_section(out);
}

}  // namespace

std::string render_comparison_html(const comparison& c, const site_context& site) {
    std::string out;
    out.reserve(32 * 1024);
    page_head head;
    head.title = c.title();
    head.names = names_of(c);
    const std::vector<std::string>& names = head.names;   // every sentence and quote of the page isolates them
    head.path = comparison_page_path(comparison_slug(c.tools[0].subject().id, c.tools[1].subject().id), "html");
    head.description = comparison_description(c);
    head.article = true;
    if (const auto category = site.links.category(c.tools[0].subject().category))
        head.crumbs.push_back({category->title, category_page_path(category->slug, "html")});
    head.structured_data = comparison_structured_data(c, site.settings, head.path);
    open_page(out, head, site.settings);
    append_masthead(out, c, names);
    append_tool_cards(out, c, root_of(head.path));
    append_scorecard(out, c, names);
    append_pricing(out, c);
    append_split(out, c, names);
    append_community(out, c, names);
    append_pick(out, c, names);
    append_changes(out, {&c.tools[0], &c.tools[1]}, root_of(head.path));
    close_page(out, site.settings, c.rule_set, c.data_date);
    return out;
}

}  // namespace verdict
