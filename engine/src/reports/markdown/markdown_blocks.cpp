// Every block ends with a blank line, so no block can run into the next one
// (a paragraph followed directly by "---" would become a heading) and a page
// reads with even spacing as raw text.
#include "reports/markdown/markdown_blocks.hpp"

#include "compare/page_wording.hpp"
#include "reports/history_wording.hpp"
#include "reports/markdown/markdown_escape.hpp"
#include "reports/site_layout.hpp"

#include <algorithm>

namespace verdict {
namespace {

bool url_safe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
           c == '~' || c == '/';
}

// "Developer Tools · Acme": the category links its page when the site has one. An unreadable file's category is the one
// fact besides the name it may give; a source that names no vendor gets none made up.
void append_origin(std::string& out, const page_tool& t, const site_links& links, std::string_view page) {
    const tool& subject = t.subject();
    const std::size_t before = out.size();
    if (const auto category = links.category(subject.category))
        append_link(out, category->title, relative_link(page, category_page_path(category->slug, "md")));
    else
        append_markdown_text(out, subject.category, md_at::line_start);
    if (subject.vendor && !t.unreadable()) {
        out += " · ";
        append_markdown_text(out, *subject.vendor);
    }
    if (out.size() > before) out += "\n\n";
}

}  // namespace

void append_heading(std::string& out, int level, std::string_view text) {
    out.append(static_cast<std::size_t>(level), '#');
    out += ' ';
    append_markdown_text(out, text);
    out += "\n\n";
}

void append_paragraph(std::string& out, std::string_view text) {
    const std::size_t before = out.size();
    append_markdown_text(out, text, md_at::line_start);
    if (out.size() > before) out += "\n\n";
}

void append_changes(std::string& out, const std::vector<const page_tool*>& tools) {
    if (std::none_of(tools.begin(), tools.end(), [](const page_tool* t) { return !t->changes.empty(); })) return;
    append_heading(out, 2, changes_heading);
    for (const page_tool* t : tools) {
        if (t->changes.empty()) continue;
        if (tools.size() > 1) append_heading(out, 3, t->subject().name);
        for (const recorded_change& c : t->changes) {
            out += "- ";
            append_markdown_text(out, change_line(c));
            out += '\n';
        }
        out += '\n';
    }
}

void append_fact(std::string& out, std::string_view label, std::string_view text) {
    out += "- **";
    append_markdown_text(out, label);
    out += ":** ";
    append_markdown_text(out, text);
    out += '\n';
}

void append_quote(std::string& out, std::string_view quote) {
    out += "> “";
    append_markdown_text(out, quote);
    out += "”\n\n";
}

void append_lines(std::string& out, std::string_view text) {
    const std::size_t first = out.size();
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::size_t before = out.size();
        if (before > first) out += "\\\n";
        const std::size_t line = out.size();
        append_markdown_text(out, text.substr(start, end - start), md_at::line_start);
        if (out.size() == line) out.resize(before);   // a blank line would end the paragraph
        start = end + 1;
    }
    if (out.size() > first) out += "\n\n";
}

void append_table_row(std::string& out, std::initializer_list<table_cell> cells) {
    out += '|';
    for (const table_cell& cell : cells) {
        out += ' ';
        if (const auto* code = std::get_if<md_code>(&cell)) append_code_span(out, code->text);
        else append_markdown_text(out, std::get<std::string_view>(cell), md_at::line_start);
        out += " |";
    }
    out += '\n';
}

void append_table_rule(std::string& out, std::size_t columns) {
    out += '|';
    for (std::size_t i = 0; i < columns; ++i) out += " --- |";
    out += '\n';
}

void append_link(std::string& out, std::string_view text, std::string_view destination) {
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '[';
    append_markdown_text(out, text);
    out += "](";
    for (char c : destination) {
        if (url_safe(c)) {
            out += c;
            continue;
        }
        out += '%';
        out += hex[static_cast<unsigned char>(c) >> 4];
        out += hex[static_cast<unsigned char>(c) & 0xF];
    }
    out += ')';
}

void append_link_paragraph(std::string& out, std::string_view text, std::string_view destination) {
    append_link(out, text, destination);
    out += "\n\n";
}

void append_tool_summary(std::string& out, const page_tool& t, const site_links& links, std::string_view page) {
    const tool& subject = t.subject();
    append_origin(out, t, links, page);
    if (!t.unreadable()) append_paragraph(out, subject.tagline);
    append_fact(out, "Panel ship", panel_pct_text(t.review->verdict) + " (" + panel_detail(t.review->verdict) + ")");
    append_fact(out, "Community", community_pct_text(t.community) + " (" + community_detail(t.community) + ")");
    append_fact(out, "Entry", entry_text(t));
    out += '\n';
    if (!t.unreadable()) {
        append_paragraph(out, subject.description);
        return;
    }
    append_paragraph(out, unreadable_notice);
    for (const std::string& problem : t.review->unreadable) {
        out += "- ";
        append_markdown_text(out, problem, md_at::line_start);
        out += '\n';
    }
    out += '\n';
}

void append_footer(std::string& out, const std::string& rule_set, const std::string& data_date) {
    out += "---\n\n";
    append_markdown_text(out, footer_line(rule_set, data_date), md_at::line_start);
    out += '\n';
}

}  // namespace verdict
