// A tool's own page: the full panel review behind the figures every
// comparison shows. Each seat's receipt is a table that adds up from the base
// to the score in the order the rules ran, so a reader can check it by eye.
#include "compare/page_wording.hpp"
#include "reports/html/html_document.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_pages.hpp"
#include "reports/html/html_parts.hpp"
#include "reports/html/structured_data.hpp"
#include "reports/number_format.hpp"
#include "reports/site_layout.hpp"

#include <algorithm>

namespace verdict {
namespace {

using namespace html;

void append_group(std::string& out, std::string_view label, std::string_view text) {
    out.append("<div><dt>");
    out.append(label);
    out.append("</dt>");
    append_element(out, "dd", text);
    out.append("</div>\n");
}

void append_panel(std::string& out, const panel_verdict& v, const std::vector<std::string>& shadows) {
    open_section(out, "panel", "Panel verdict");
    out.append("<dl class=\"groups\">\n");
    append_group(out, "Panel ship", panel_pct_text(v) + " · " + panel_detail(v));
    append_group(out, "Mean score", mean_score_text(v));
    append_group(out, "Seats", std::to_string(v.ship) + " ship · " + std::to_string(v.skip) + " skip · " + std::to_string(v.abstain) +
                                   " abstained · " + std::to_string(v.failed) + " failed");
    append_group(out, "Quorum", plural(v.quorum, "voting seat"));
    if (!v.missing.empty()) append_group(out, "Did not vote", seat_list(v.missing));
    if (!shadows.empty()) append_group(out, "Shadow seats", seat_list(shadows) + " (" + std::string(shadow_note) + ")");
    out.append("</dl>\n");
    close_section(out);
}

void append_reason_row(std::string& out, const reason& r) {
    out.append("<tr><th scope=\"row\"><code>");
    append_text(out, r.rule);
    out.append("</code><span class=\"fact\">");
    append_text(out, r.fact + " = " + r.value);
    out.append("</span></th><td class=\"num\">");
    out.append(format_points(r.points));
    out.append("</td>");
    append_element(out, "td", r.why);
    out.append("</tr>\n");
}

void append_receipt(std::string& out, const seat_review& s) {
    const review& r = *s.result;
    out.append("<table class=\"receipt\">\n<caption>How the score adds up</caption>\n<thead><tr><th scope=\"col\">Rule and fact</th>"
               "<th scope=\"col\" class=\"num\">Points</th><th scope=\"col\">Why</th></tr></thead>\n<tbody>\n");
    out.append("<tr><th scope=\"row\">Base</th><td class=\"num\">").append(format_number(s.base.value_or(0)));
    out.append("</td><td>The persona's score before any rule.</td></tr>\n");
    for (const reason& each : r.reasons) append_reason_row(out, each);
    out.append("</tbody>\n<tfoot><tr><th scope=\"row\">Score</th><td class=\"num\">").append(format_number(r.score));
    out.append("</td><td>");
    if (s.threshold) out.append("Ships at ").append(format_number(*s.threshold)).append(" or above.");
    out.append("</td></tr></tfoot>\n</table>\n");
}

void append_log(std::string& out, const std::vector<std::string>& log) {
    if (log.empty()) return;
    out.append("<ul class=\"note\" aria-label=\"Persona log\">\n");
    for (const std::string& line : log) append_element(out, "li class=\"mono\"", line);
    out.append("</ul>\n");
}

// A failure keeps its lines, a script's traceback, which the element's pre-wrap shows apart: each line is made
// printable on its own, so only its newlines survive of the message's control characters.
void append_failure(std::string& out, std::string_view failure) {
    out.append("<p class=\"failure\">");
    for (std::size_t start = 0; start <= failure.size();) {
        const std::size_t end = std::min(failure.find('\n', start), failure.size());
        if (start > 0) out.push_back('\n');
        append_text(out, failure.substr(start, end - start));
        start = end + 1;
    }
    out.append("</p>\n");
}

void append_seat(std::string& out, const seat_review& s, const std::vector<std::string>& names) {
    out.append(s.shadow ? "<article class=\"card seat seat-shadow\">\n<div class=\"seat-title\">" : "<article class=\"card seat\">\n<div class=\"seat-title\">");
    append_element(out, "h3", seat_title(s.seat));
    append_badge(out, state_of(&s));
    if (s.shadow) out.append("<span class=\"tag\">Shadow</span>");
    out.append("</div>\n");
    if (!s.persona_name.empty()) append_element(out, "p class=\"note\"", "Persona " + s.persona_name + " " + s.persona_version);
    if (s.shadow) append_element(out, "p class=\"note\"", shadow_sentence);
    if (!s.result) {
        append_failure(out, s.failure);
        out.append("</article>\n");
        return;
    }
    out.append("<p class=\"cell-head\">");
    append_score_line(out, s, true);
    out.append("</p>\n<blockquote><p>“");
    append_with_names(out, s.result->quote, names);
    out.append("”</p></blockquote>\n");
    append_log(out, s.log);
    append_receipt(out, s);
    out.append("</article>\n");
}

void append_community(std::string& out, const page_tool& t) {
    open_section(out, "community", community_heading);
    out.append("<dl class=\"groups\">\n");
    append_group(out, "Community ship", community_pct_text(t.community) + " · " + community_detail(t.community));
    append_group(out, "Panel ship", panel_pct_text(t.review->verdict));
    out.append("</dl>\n");
    if (t.sharp_disagreement) {
        out.append("<p class=\"flag\" role=\"note\"><span aria-hidden=\"true\">⚠ </span>");
        append_with_names(out, disagreement_sentence(t), name_forms(t));
        out.append("</p>\n");
    }
    close_section(out);
}

void append_pricing_row(std::string& out, std::string_view label, const std::string& value) {
    out.append("<tr><th scope=\"row\">");
    out.append(label);
    out.append("</th>");
    append_element(out, "td dir=\"auto\"", value);
    out.append("</tr>\n");
}

void append_pricing(std::string& out, const page_tool& t) {
    open_section(out, "pricing", pricing_heading);
    out.append("<table>\n<tbody>\n");
    for (const pricing_row& row : pricing_rows(t)) append_pricing_row(out, row.label, row.value);
    out.append("</tbody>\n</table>\n");
    close_section(out);
}

// Every comparison the tool appears in, and its category's page with the rest of its field.
void append_comparisons(std::string& out, const page_tool& t, const site_links& links, const std::string& root,
                        const site_links::category_link* category) {
    const auto& comparisons = links.comparisons_of(t.subject().id);
    if (comparisons.empty() && !category) return;
    open_section(out, "comparisons", "Compared with");
    if (!comparisons.empty()) {
        out.append("<ul class=\"links\">\n");
        for (const site_links::comparison_link& c : comparisons) {
            out.append("<li><a href=\"");
            append_escaped(out, root + comparison_page_path(c.slug, "html"));
            out.append("\">vs ");
            append_bdi(out, c.partner->name);
            out.append("</a></li>\n");
        }
        out.append("</ul>\n");
    } else {
        append_element(out, "p class=\"note\"", no_comparisons);
        out.append("\n");
    }
    if (category) {
        out.append("<p class=\"more\"><a href=\"");
        append_escaped(out, root + category_page_path(category->slug, "html"));
        out.append("\">Every tool and comparison in ");
        append_bdi(out, category->title);
        out.append("</a></p>\n");
    }
    close_section(out);
}

}  // namespace

std::string render_tool_page_html(const page_tool& t, const site_context& site) {
    std::string out;
    out.reserve(32 * 1024);
    page_head head;
    head.title = t.subject().name;
    head.path = tool_page_path(t.subject().id, "html");
    head.description = tool_description(t);
    head.article = true;
    const auto category = site.links.category(t.subject().category);
    if (category) head.crumbs.push_back({category->title, category_page_path(category->slug, "html")});
    head.structured_data = tool_structured_data(t, site.settings, head.path);
    open_page(out, head, site.settings);
    out.append("<header class=\"masthead\">\n");
    append_tool_intro(out, t, "h1");
    out.append("</header>\n<div class=\"card summary\">\n");
    append_tool_figures(out, t);
    append_description(out, t);
    out.append("</div>\n");
    append_panel(out, t.review->verdict, t.review->shadow_seats());
    append_changes(out, {&t}, root_of(head.path));
    append_comparisons(out, t, site.links, root_of(head.path), category ? &*category : nullptr);
    open_section(out, "seats", "Reviews by seat");
    const std::vector<std::string> names = name_forms(t);
    for (const seat_review& s : t.review->seats) append_seat(out, s, names);
    close_section(out);
    append_community(out, t);
    append_pricing(out, t);
    close_page(out, site.settings, t.review->verdict.rule_set, data_date_of(t));
    return out;
}

}  // namespace verdict
