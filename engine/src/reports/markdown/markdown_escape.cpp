// Escaping every punctuation mark would keep pages safe but unreadable as raw
// text, so only what starts syntax is escaped. Beyond CommonMark's own
// characters: "{" (Hugo runs shortcodes "{{< >}}" before Markdown and reads
// "{#id}" after a heading as attributes), and the ":" of "://", the "." of
// "www." and the "@" of an address (the linkify extension Hugo enables by
// default turns those into links; a backslash in the source stops it, and
// renders as nothing).
#include "reports/markdown/markdown_escape.hpp"

#include "support/display_text.hpp"

#include <algorithm>
#include <array>

namespace verdict {
namespace {

bool is_blank(char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Escaped wherever they stand, and escaped only where what surrounds them would make syntax (needs_escape).
constexpr std::string_view always_escaped = "\\`*_[]<>#|~!{";
constexpr std::string_view sometimes_escaped = "&:.@";

// "&amp;", "&#38;", "&#x26;": an ampersand a renderer would read as a character reference. "R&D" stays as it is.
bool starts_entity(std::string_view text, std::size_t at) {
    std::size_t i = at + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
        if (i < text.size() && lower(text[i]) == 'x') ++i;
    }
    const std::size_t first = i;
    while (i < text.size() && i - first < 32 && is_alnum(text[i])) ++i;
    return i > first && i < text.size() && text[i] == ';';
}

// The "." of a "www." that starts a word.
bool ends_www(std::string_view text, std::size_t dot) {
    if (dot < 3 || (dot > 3 && is_alnum(text[dot - 4]))) return false;
    return lower(text[dot - 3]) == 'w' && lower(text[dot - 2]) == 'w' && lower(text[dot - 1]) == 'w';
}

bool needs_escape(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (always_escaped.find(c) != std::string_view::npos) return true;
    switch (c) {
    case '&': return starts_entity(text, i);
    case ':': return text.substr(i + 1, 2) == "//";
    case '.': return ends_www(text, i);
    case '@': return i > 0 && is_alnum(text[i - 1]);
    default: return false;
    }
}

// A "-" that with what follows could only be a thematic break or a setext underline: "---", "- - -".
bool only_dashes(std::string_view text) {
    for (char c : text)
        if (c != '-' && !is_blank(c)) return false;
    return true;
}

// At the start of a line, what would open a block: a list marker ("-", "+", "1.", "1)" before a blank or the end),
// a definition (":" likewise), a setext underline or thematic break ("=", "---"). "-5" and "2026.11" stay as they are.
// Returns where the escape goes, or npos.
std::size_t block_marker_at(std::string_view text, std::size_t first) {
    const char c = text[first];
    const bool marker_alone = first + 1 == text.size() || is_blank(text[first + 1]);
    if (c == '=' || ((c == '-' || c == '+' || c == ':') && marker_alone) || (c == '-' && only_dashes(text.substr(first)))) return first;
    std::size_t end = first;
    while (end < text.size() && is_digit(text[end])) ++end;
    const bool ordered = end > first && end - first <= 9 && end < text.size() && (text[end] == '.' || text[end] == ')') &&
                         (end + 1 == text.size() || is_blank(text[end + 1]));
    return ordered ? end : std::string_view::npos;
}

// How each byte is copied: as it is, as a blank to collapse, or after a look at whether it needs a backslash. A
// space is copied as it is (spaces in a row render as one), so that prose is copied in long runs.
enum class byte_kind : unsigned char { plain, blank, syntax };

constexpr auto byte_kinds = [] {
    std::array<byte_kind, 256> kinds{};
    for (std::size_t c = 0; c < 0x20; ++c) kinds[c] = byte_kind::blank;
    kinds[0x7F] = byte_kind::blank;
    for (std::string_view set : {always_escaped, sometimes_escaped})
        for (char c : set) kinds[static_cast<unsigned char>(c)] = byte_kind::syntax;
    return kinds;
}();

byte_kind kind_of(char c) { return byte_kinds[static_cast<unsigned char>(c)]; }

// The end of the run from `at` that is copied as it is, four bytes a step where it can: this scan is most of the time
// a page takes to render.
std::size_t plain_run(std::string_view text, std::size_t at) {
    const char* p = text.data();
    while (at + 4 <= text.size() && kind_of(p[at]) == byte_kind::plain && kind_of(p[at + 1]) == byte_kind::plain &&
           kind_of(p[at + 2]) == byte_kind::plain && kind_of(p[at + 3]) == byte_kind::plain)
        at += 4;
    while (at < text.size() && kind_of(p[at]) == byte_kind::plain) ++at;
    return at;
}

// Runs of plain text are appended whole: the loop only stops at blanks and syntax characters.
void append_escaped(std::string& out, std::string_view text, md_at where) {
    std::size_t i = 0;
    while (i < text.size() && is_blank(text[i])) ++i;
    const std::size_t start = out.size();
    if (i < text.size() && where == md_at::line_start) {
        const std::size_t marker = block_marker_at(text, i);
        if (marker != std::string_view::npos) {
            out.append(text, i, marker - i);
            out += '\\';
            out += text[marker];
            i = marker + 1;
        }
    }
    while (i < text.size()) {
        const std::size_t run_end = plain_run(text, i);
        out.append(text, i, run_end - i);
        if ((i = run_end) == text.size()) break;
        if (is_blank(text[i])) {
            while (i < text.size() && is_blank(text[i])) ++i;
            if (out.back() != ' ') out += ' ';
            continue;
        }
        if (needs_escape(text, i)) out += '\\';
        out += text[i++];
    }
    while (out.size() > start && out.back() == ' ') out.pop_back();
}

// Hugo reads the page's source for shortcodes ("{{<", "{{%") and the summary divider before any Markdown, code spans
// included, so text holding either cannot go in a code span.
bool hugo_reads(std::string_view text) {
    return text.find("{{") != std::string_view::npos || text.find("<!--more-->") != std::string_view::npos;
}

std::size_t longest_backtick_run(std::string_view text) {
    std::size_t longest = 0;
    for (std::size_t at = text.find('`'); at != std::string_view::npos;) {
        const std::size_t end = std::min(text.find_first_not_of('`', at), text.size());
        longest = std::max(longest, end - at);
        at = text.find('`', end);
    }
    return longest;
}

}  // namespace

void append_markdown_text(std::string& out, std::string_view text, md_at where) {
    if (has_bidi_controls(text)) append_escaped(out, balance_bidi(text), where);
    else append_escaped(out, text, where);
}

// Inside a code span nothing is syntax and no backslash escapes, so the span must be fenced by more backticks than any
// run in the text, and padded where the text would touch its fence; a table cell turns "\|" back into "|" before it
// reads the span.
void append_code_span(std::string& out, std::string_view text) {
    const std::string shown = printable_text(text);
    const std::size_t first = shown.find_first_not_of(' ');
    if (first == std::string::npos) return;
    if (hugo_reads(shown)) {
        append_markdown_text(out, text, md_at::line_start);
        return;
    }
    const std::string_view body = std::string_view(shown).substr(first, shown.find_last_not_of(' ') - first + 1);
    const std::string fence(longest_backtick_run(body) + 1, '`');
    const bool pad = body.front() == '`' || body.back() == '`';
    out += fence;
    if (pad) out += ' ';
    for (char c : body) {
        if (c == '|') out += '\\';
        out += c;
    }
    if (pad) out += ' ';
    out += fence;
}

}  // namespace verdict
