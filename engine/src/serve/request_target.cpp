#include "serve/request_target.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace verdict::serve {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// `text` with each %XX decoded (and '+' as a space in a query); nullopt for a '%' not followed by two hex digits.
std::optional<std::string> percent_decoded(std::string_view text, bool query) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+' && query) {
            out += ' ';
        } else if (text[i] != '%') {
            out += text[i];
        } else {
            if (i + 2 >= text.size()) return std::nullopt;
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            out += static_cast<char>(high * 16 + low);
            i += 2;
        }
    }
    return out;
}

}  // namespace

std::string request_target::param(const std::string& name) const {
    const auto found = query.find(name);
    return found == query.end() ? std::string() : found->second;
}

std::variant<request_target, std::string> parse_target(std::string_view target) {
    if (target.empty() || target.front() != '/') return std::string("expected a path starting with \"/\", found \"") + std::string(target.substr(0, 80)) + "\"";
    const std::size_t mark = target.find('?');
    const auto path = percent_decoded(target.substr(0, mark), false);
    if (!path) return std::string("expected %XX escapes of two hex digits in the path");
    for (const char c : *path)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\' || c == '%')
            return std::string("expected a path of plain characters, found ") +
                   (c == '%' ? "one encoded twice" : c == '\\' ? "a backslash" : "a control character");
    if (path->size() > 1 && path->find("//") != std::string::npos) return std::string("expected a path without empty segments, found \"//\"");
    std::size_t start = 1;
    while (start <= path->size()) {
        const std::size_t end = std::min(path->find('/', start), path->size());
        const std::string_view segment = std::string_view(*path).substr(start, end - start);
        if (segment == "." || segment == "..") return std::string("expected a path within the site, found a \"") + std::string(segment) + "\" segment";
        start = end + 1;
    }
    request_target out{*path, {}};
    if (mark == std::string_view::npos) return out;
    std::string_view rest = target.substr(mark + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        const std::size_t eq = pair.find('=');
        const auto name = percent_decoded(pair.substr(0, eq), true);
        const auto value = percent_decoded(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
        if (!name || !value) return std::string("expected %XX escapes of two hex digits in the query");
        out.query[*name] = *value;
    }
    return out;
}

bool allowed_host(std::string_view host, const std::vector<std::string>& names, unsigned short port) {
    std::string_view name = host;
    // "[::1]:8080", "localhost:8080", "localhost": the port is what follows the last ':' outside brackets.
    const std::size_t bracket = host.rfind(']');
    const std::size_t colon = host.rfind(':');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        if (host.substr(colon + 1) != std::to_string(port)) return false;
        name = host.substr(0, colon);
    }
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(names.begin(), names.end(), lower) != names.end();
}

}  // namespace verdict::serve
