// Small helpers for laying out plain-text reports.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// Number of characters (UTF-8 code points) in `text`.
std::size_t display_width(std::string_view text);

/// `text` padded with spaces to `width` characters.
std::string pad_right(std::string_view text, std::size_t width);

/// `text` wrapped at spaces so no line passes `width` characters, counting `indent` on every line after the first
/// and `first_column` characters already printed before the first.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent, std::size_t first_column = 0);

enum class column_align { left, right };

/// `rows` as lines of a table after `indent`: each column padded to its widest cell, two spaces apart, left-aligned
/// unless `align` (one entry per column, from the first) says right. A left-aligned last column is not padded, and is
/// left out with its two spaces where it is empty, so no line ends in padding.
std::vector<std::string> table_lines(const std::vector<std::vector<std::string>>& rows, std::string_view indent,
                                     const std::vector<column_align>& align = {});

}  // namespace verdict
