// The blocks the Markdown pages are built from. Labels and markup are ours;
// every piece of text they are given is escaped (markdown_escape.hpp), so a
// caller never writes catalog or persona text into a page by itself.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_links.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace verdict {

/// "## text" and a blank line.
void append_heading(std::string& out, int level, std::string_view text);

/// `text` as a paragraph of its own; nothing when it is blank.
void append_paragraph(std::string& out, std::string_view text);

/// "- **label:** text", one item of a list (both escaped); the list ends at the next blank line.
void append_fact(std::string& out, std::string_view label, std::string_view text);

/// "> “quote”" as a paragraph of its own.
void append_quote(std::string& out, std::string_view quote);

/// Lines of `text` (a failure with a script's traceback) kept apart by hard line breaks, as one paragraph.
void append_lines(std::string& out, std::string_view text);

/// A table cell shown as a code span (append_code_span), e.g. a rule id; other cells are text, escaped.
struct md_code {
    std::string_view text;
};
using table_cell = std::variant<std::string_view, md_code>;

/// One table row, "| a | `b` |"; the cells' "|" are escaped with the rest.
void append_table_row(std::string& out, std::initializer_list<table_cell> cells);

/// The row under a table's header, `columns` wide.
void append_table_rule(std::string& out, std::size_t columns);

/// "[text](destination)": the text escaped, the destination (a page path of ours) percent-encoded.
void append_link(std::string& out, std::string_view text, std::string_view destination);

/// append_link() as a paragraph of its own.
void append_link_paragraph(std::string& out, std::string_view text, std::string_view destination);

/// A tool as every page introduces it under its name: category and vendor, tagline, panel ship %, community and entry
/// price, then its description; when its catalog file could not be read, the notice and the file's problems instead
/// of the facts it does not know. The category links its page in `links`, relative to `page` (the path of the page
/// being written, site_layout.hpp).
void append_tool_summary(std::string& out, const page_tool& t, const site_links& links, std::string_view page);

/// "## What changed": each tool's last changes of its seats' verdicts and scores, one list item each, under the tool's
/// name when the page shows more than one tool; nothing when none of them has a change.
void append_changes(std::string& out, const std::vector<const page_tool*>& tools);

/// A rule, then "Rule set … · catalog data as of …".
void append_footer(std::string& out, const std::string& rule_set, const std::string& data_date);

}  // namespace verdict
