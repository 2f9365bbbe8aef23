// How help reads: text reflowed to the terminal's width, broken only between
// words, and the same text as a manual page's roff. One source for both, so
// `verdict <command> --help` and verdict(1) cannot say different things.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace verdict::cli {

/// The width help is wrapped to: the terminal's, when standard output is one, else $COLUMNS, else 80; never under 40
/// nor over 120.
std::size_t help_width();

/// `text` reflowed into lines of at most `width` characters, each indented by `indent` spaces, breaking only at
/// spaces (a word longer than a line stands alone); a blank line separates paragraphs.
std::string wrap_words(std::string_view text, std::size_t width, std::size_t indent = 0);

/// The start of an option's help, for a completion menu: up to its first "; " or " (", at most 70 characters.
std::string short_help(std::string_view text);

/// `text` as running text in roff: backslashes and hyphens escaped, no line starting with a control character, and
/// paragraphs as .PP.
std::string roff_text(std::string_view text);

}  // namespace verdict::cli
