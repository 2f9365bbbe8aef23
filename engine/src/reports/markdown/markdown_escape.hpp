// Catalog and persona text as Markdown that renders as exactly that text: no
// link, image, raw HTML, heading or list can come out of a tool's description,
// whichever CommonMark renderer (or Hugo, with its shortcodes and linkify)
// reads the page.
#pragma once

#include <string>
#include <string_view>

namespace verdict {

/// Where escaped text lands: at the start of a line (a paragraph, a table cell, a list item), where a leading "- ",
/// "+ ", "1. ", ": ", "=" or "---" would start a block, or after other text on the line.
enum class md_at { line_start, inline_text };

/// Appends `text` with its bidi controls balanced, each run of newlines, tabs or other control characters turned
/// into one space (none where a space is already), its ends trimmed, and Markdown syntax backslash-escaped.
void append_markdown_text(std::string& out, std::string_view text, md_at where = md_at::inline_text);

/// Appends `text` as a code span in a table cell, for what a reader should see exactly as the catalog or a rule spells
/// it (a rule id, a fact): control characters as spaces (printable_text), ends trimmed, "|" escaped for the table, and
/// fenced by more backticks than any run in it. Text that Hugo would read inside a code span (a shortcode, the summary
/// divider) is escaped as append_markdown_text() does instead.
void append_code_span(std::string& out, std::string_view text);

}  // namespace verdict
