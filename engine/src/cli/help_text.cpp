#include "cli/help_text.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace verdict::cli {
namespace {

std::vector<std::string_view> paragraphs_of(std::string_view text) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        const std::size_t end = text.find("\n\n");
        out.push_back(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
    }
    return out;
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at < text.size()) {
        at = text.find_first_not_of(" \n\t", at);
        if (at == std::string_view::npos) break;
        const std::size_t end = std::min(text.find_first_of(" \n\t", at), text.size());
        out.push_back(text.substr(at, end - at));
        at = end;
    }
    return out;
}

}  // namespace

std::size_t help_width() {
    std::size_t width = 80;
    winsize size{};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) width = size.ws_col;
    else if (const char* columns = std::getenv("COLUMNS")) width = static_cast<std::size_t>(std::max(0L, std::strtol(columns, nullptr, 10)));
    return std::clamp<std::size_t>(width == 0 ? 80 : width, 40, 120);
}

std::string wrap_words(std::string_view text, std::size_t width, std::size_t indent) {
    std::string out;
    for (const std::string_view paragraph : paragraphs_of(text)) {
        if (!out.empty()) out += "\n";
        std::size_t column = 0;
        for (const std::string_view word : words_of(paragraph)) {
            if (column > 0 && column + 1 + word.size() > width) {
                out += "\n";
                column = 0;
            }
            if (column == 0) {
                out.append(indent, ' ');
                column = indent;
            } else {
                out += ' ';
                ++column;
            }
            out.append(word);
            column += word.size();
        }
        out += "\n";
    }
    return out;
}

std::string short_help(std::string_view text) {
    std::string out(text.substr(0, std::min({text.find("; "), text.find(" ("), text.size()})));
    if (out.size() > 70) out = out.substr(0, out.rfind(' ', 67)) + "...";
    return out;
}

std::string roff_text(std::string_view text) {
    std::string out;
    for (const std::string_view paragraph : paragraphs_of(text)) {
        if (!out.empty()) out += ".PP\n";
        bool line_start = true;
        for (const std::string_view word : words_of(paragraph)) {
            if (!line_start) out += ' ';
            // A line of roff starting with . or ' is a request: the zero-width \& keeps it text.
            if (line_start && (word.front() == '.' || word.front() == '\'')) out += "\\&";
            for (const char c : word) {
                if (c == '\\') out += "\\e";
                else if (c == '-') out += "\\-";
                else out += c;
            }
            line_start = false;
        }
        out += "\n";
    }
    return out;
}

}  // namespace verdict::cli
