// Escaping runs over every character of catalog text on every page, so it
// copies runs of plain text in one append and stops only at the five
// characters that need a reference.
#include "reports/html/html_escape.hpp"

#include "support/display_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace verdict::html {
namespace {

// For each byte, 0 when it stands for itself, else the index of its character reference in `references`: one
// table load per byte instead of five comparisons.
constexpr std::string_view references[] = {"", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
constexpr std::array<std::uint8_t, 256> reference_index = [] {
    std::array<std::uint8_t, 256> index{};
    index['&'] = 1;
    index['<'] = 2;
    index['>'] = 3;
    index['"'] = 4;
    index['\''] = 5;
    return index;
}();

// The earliest occurrence of any of `names` in `text` from `from`, preferring the longest name at a position.
std::pair<std::size_t, std::size_t> next_name(std::string_view text, std::size_t from, const std::vector<std::string>& names) {
    std::size_t best = std::string_view::npos;
    std::size_t length = 0;
    for (const std::string& name : names) {
        if (name.empty()) continue;
        const std::size_t at = text.find(name, from);
        if (at < best || (at == best && at != std::string_view::npos && name.size() > length)) {
            best = at;
            length = name.size();
        }
    }
    return {best, length};
}

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::uint8_t reference = reference_index[static_cast<unsigned char>(text[i])];
        if (reference == 0) continue;
        out.append(text.substr(run, i - run));
        out.append(references[reference]);
        run = i + 1;
    }
    out.append(text.substr(run));
}

void append_text(std::string& out, std::string_view text) {
    if (is_printable(text)) append_escaped(out, text);   // nearly every fragment: no copy
    else append_escaped(out, printable_text(text));
}

void append_bdi(std::string& out, std::string_view text) {
    out.append("<bdi>");
    append_text(out, text);
    out.append("</bdi>");
}

void append_with_names(std::string& out, std::string_view sentence, const std::vector<std::string>& names) {
    std::size_t from = 0;
    for (;;) {
        const auto [at, length] = next_name(sentence, from, names);
        if (at == std::string_view::npos) break;
        append_text(out, sentence.substr(from, at - from));
        append_bdi(out, sentence.substr(at, length));
        from = at + length;
    }
    append_text(out, sentence.substr(from));
}

}  // namespace verdict::html
