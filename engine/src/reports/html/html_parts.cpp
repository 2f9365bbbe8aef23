// Catalog text that stands as a block gets dir="auto", and inline catalog text
// a <bdi>, so a right-to-left name or tagline reads in its own direction
// without turning the English around it.
#include "reports/html/html_parts.hpp"

#include "compare/page_wording.hpp"
#include "reports/history_wording.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/number_format.hpp"

#include <algorithm>

namespace verdict::html {
namespace {

struct badge_look {
    std::string_view css_class;
    std::string_view symbol;
};

badge_look look_of(cell_state state) {
    switch (state) {
    case cell_state::ship: return {"badge-ship", "✓"};
    case cell_state::skip: return {"badge-skip", "✗"};
    case cell_state::abstain: return {"badge-other", "○"};
    case cell_state::failed: return {"badge-other", "!"};
    case cell_state::not_seated: return {"badge-other", "–"};
    }
    return {"badge-other", "?"};
}

void append_stat(std::string& out, std::string_view label, std::string_view figure, std::string_view detail) {
    out.append("<div class=\"stat\"><dt>");
    out.append(label);
    out.append("</dt><dd class=\"figure\">");
    append_text(out, figure);
    out.append("</dd>");
    if (!detail.empty()) append_element(out, "dd class=\"detail\"", detail);
    out.append("</div>\n");
}

// Descriptions longer than this fold on a phone: about four lines of a 390 px screen.
constexpr std::size_t fold_above = 240;

}  // namespace

void append_element(std::string& out, std::string_view start, std::string_view text) {
    out.push_back('<');
    out.append(start);
    out.push_back('>');
    append_text(out, text);
    out.append("</");
    out.append(start.substr(0, start.find(' ')));
    out.append(">");
}

void open_section(std::string& out, std::string_view id, std::string_view heading) {
    out.append("<section class=\"block\" aria-labelledby=\"");
    out.append(id);
    out.append("\">\n<h2 id=\"");
    out.append(id);
    out.append("\">");
    append_escaped(out, heading);
    out.append("</h2>\n");
}

void close_section(std::string& out) { out.append("</section>\n"); }

void append_badge(std::string& out, cell_state state) {
    const badge_look look = look_of(state);
    out.append("<span class=\"badge ");
    out.append(look.css_class);
    out.append("\"><span aria-hidden=\"true\">");
    out.append(look.symbol);
    out.append("</span> ");
    out.append(label_of(state));
    out.append("</span>");
}

void append_ship_bar(std::string& out, const panel_verdict& v) {
    const std::string label = v.ship_pct ? "Panel ship " + panel_pct_text(v) + ": " + panel_detail(v) : "Panel ship: " + panel_detail(v);
    out.append("<div class=\"bar\" role=\"img\" aria-label=\"");
    append_escaped(out, label);
    out.append("\"><span style=\"width:");
    out.append(std::to_string(v.ship_pct.value_or(0)));
    out.append("%\"></span></div>");
}

void append_score_line(std::string& out, const seat_review& s, bool with_base) {
    out.append("<span class=\"score\">Score ");
    out.append(format_number(s.result->score));
    if (s.threshold) out.append(" · threshold ").append(format_number(*s.threshold));
    if (with_base && s.base) out.append(" · base ").append(format_number(*s.base));
    out.append("</span>");
}

void append_tool_intro(std::string& out, const page_tool& p, std::string_view heading) {
    const tool& t = p.subject();
    if (!t.category.empty()) {   // empty only when an unreadable file gave none
        append_element(out, "p class=\"eyebrow\" dir=\"auto\"", t.category);
        out.append("\n");
    }
    out.append("<");
    out.append(heading);
    out.append(">");
    append_bdi(out, t.name);
    out.append("</");
    out.append(heading.substr(0, heading.find(' ')));
    out.append(">\n");
    if (p.unreadable()) return;
    append_element(out, "p class=\"tagline\" dir=\"auto\"", t.tagline);
    out.append("\n");
}

void append_tool_figures(std::string& out, const page_tool& t) {
    const panel_verdict& v = t.review->verdict;
    out.append("<dl class=\"stats\">\n<div class=\"stat stat-wide\"><dt>Panel ship</dt><dd class=\"figure figure-big\">");
    out.append(panel_pct_text(v));
    out.append("</dd><dd>");
    append_ship_bar(out, v);
    out.append("</dd>");
    append_element(out, "dd class=\"detail\"", panel_detail(v));
    out.append("</div>\n");
    append_stat(out, "Community", community_pct_text(t.community), community_detail(t.community));
    append_stat(out, "Entry", entry_text(t), {});
    out.append("</dl>\n");
}

// The problems go in one element with no white space between its items, which the failure style's pre-wrap would
// show as blank lines. The list's indent, which the failure style's padding takes away, is set on the element, so the
// style sheet, and every page without an unreadable tool, stays as it was.
void append_description(std::string& out, const page_tool& t, std::string_view fold_id) {
    if (!t.unreadable()) {
        const bool fold = !fold_id.empty() && t.subject().description.size() > fold_above;
        if (fold) {
            out.append("<input type=\"checkbox\" class=\"fold-toggle\" id=\"").append(fold_id).append("\">");
        }
        append_element(out, "p class=\"description\" dir=\"auto\"", t.subject().description);
        if (fold) {
            out.append("<label class=\"fold-label\" for=\"").append(fold_id).append("\">Show the full description of ");
            append_bdi(out, t.subject().name);
            out.append("</label>");
        }
        out.append("\n");
        return;
    }
    out.append("<div class=\"description\" role=\"note\">\n<p class=\"flag\">");
    append_escaped(out, unreadable_notice);
    out.append("</p>\n<ul class=\"failure\" style=\"padding-left:2rem\">");
    for (const std::string& problem : t.review->unreadable) append_element(out, "li", problem);
    out.append("</ul>\n</div>\n");
}

std::vector<std::string> name_forms(const page_tool& t) {
    std::vector<std::string> forms{t.subject().name};
    std::string balanced = t.name_in_text();
    if (balanced != forms.front()) forms.push_back(std::move(balanced));
    return forms;
}

std::string_view first_line(std::string_view text) { return text.substr(0, text.find('\n')); }

void append_changes(std::string& out, const std::vector<const page_tool*>& tools, const std::string& root) {
    if (std::none_of(tools.begin(), tools.end(), [](const page_tool* t) { return !t->changes.empty(); })) return;
    open_section(out, "changes", changes_heading);
    for (const page_tool* t : tools) {
        if (t->changes.empty()) continue;
        if (tools.size() > 1) {
            out.append("<h3>");
            append_bdi(out, t->subject().name);
            out.append("</h3>\n");
        }
        out.append("<ul class=\"changes\">\n");
        for (const recorded_change& c : t->changes) {
            append_element(out, "li dir=\"auto\"", change_line(c));
            out.append("\n");
        }
        out.append("</ul>\n");
    }
    out.append("<p class=\"more\"><a href=\"");
    append_escaped(out, root + "changes.atom");
    out.append("\" type=\"application/atom+xml\">Every change of a verdict, as a feed</a></p>\n");
    close_section(out);
}

}  // namespace verdict::html
