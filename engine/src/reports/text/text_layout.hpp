// Small helpers for laying out plain-text reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace verdict {

/// Number of characters (UTF-8 code points) in `text`.
std::size_t display_width(std::string_view text);

/// `text` padded with spaces to `width` characters.
std::string pad_right(std::string_view text, std::size_t width);

/// `text` wrapped at spaces so no line passes `width` characters, counting `indent` on every line after the first
/// and `first_column` characters already printed before the first.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent, std::size_t first_column = 0);

}  // namespace verdict
