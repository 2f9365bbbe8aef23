// Widths count code points, not bytes, so quotes with curly quotes and dashes wrap where a reader expects.
#include "reports/text/text_layout.hpp"

#include <algorithm>

namespace verdict {

std::size_t display_width(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::string out(text);
    for (std::size_t w = display_width(text); w < width; ++w) out += ' ';
    return out;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent, std::size_t first_column) {
    std::string out;
    std::size_t column = first_column;
    bool line_empty = true;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;   // runs of spaces collapse
        if (!line_empty && column + 1 + display_width(word) > width) {
            out += "\n";
            out += indent;
            column = display_width(indent);
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++column;
        }
        out += word;
        column += display_width(word);
        line_empty = false;
    }
    return out;
}

std::vector<std::string> table_lines(const std::vector<std::vector<std::string>>& rows, std::string_view indent, const std::vector<column_align>& align) {
    std::vector<std::size_t> width;
    for (const auto& row : rows) {
        width.resize(std::max(width.size(), row.size()));
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
    }
    std::vector<std::string> lines;
    for (const auto& row : rows) {
        std::string line(indent);
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool right = c < align.size() && align[c] == column_align::right;
            const bool last = c + 1 == row.size();
            if (last && !right && row[c].empty()) break;
            if (c > 0) line += "  ";
            if (right) line += std::string(width[c] - display_width(row[c]), ' ') + row[c];
            else line += last ? row[c] : pad_right(row[c], width[c]);
        }
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace verdict
