// Plain lines rather than JSON: a manifest of 150,000 pages reads in a few
// milliseconds, and a damaged one names the line at fault. Paths come last
// on their line, so a path with spaces still reads back whole; a path that
// could escape the output folder is refused, since deleting stale files
// trusts these paths. Claims live in a file of their own, so that claiming
// the pages a run is about to write costs those pages, not the whole site.
#include "batch/manifest.hpp"

#include "support/text_file.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

namespace verdict {
namespace {

constexpr std::string_view header = "verdict-manifest 1";
constexpr std::size_t max_manifest_bytes = std::size_t{1} << 30;

// 16 lower-case hex digits.
bool read_hash(std::string_view text, std::uint64_t& value) {
    if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string_view::npos) return false;
    return std::from_chars(text.data(), text.data() + text.size(), value, 16).ec == std::errc();
}

void append_hash(std::string& out, std::uint64_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4) out += digits[(value >> shift) & 0xF];
}

bool is_safe_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\0') != std::string_view::npos) return false;
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

// "<key> <content> <size> <path>"; false when the line does not have that shape.
bool read_line(std::string_view line, std::string& path, manifest_entry& entry) {
    if (line.size() < 36 || line[16] != ' ' || line[33] != ' ') return false;
    const std::size_t size_end = line.find(' ', 34);
    if (size_end == std::string_view::npos || !read_hash(line.substr(0, 16), entry.key) || !read_hash(line.substr(17, 16), entry.content)) return false;
    const auto [end, error] = std::from_chars(line.data() + 34, line.data() + size_end, entry.size);
    path = std::string(line.substr(size_end + 1));
    return error == std::errc() && end == line.data() + size_end && is_safe_path(path);
}

problem damaged(const std::string& shown, std::size_t line, std::string expected, std::string_view found) {
    return {shown, "line " + std::to_string(line), std::move(expected), "\"" + std::string(found.substr(0, 120)) + "\"",
            "run with --force to rebuild the folder"};
}

// Marks each page the claims file lists as unknown; false (with a problem) when it is damaged.
bool apply_claims(const std::filesystem::path& dir, manifest& m, problem_list& problems) {
    const std::filesystem::path file = dir / claims_file_name;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return true;
    const auto text = read_text_file(file, max_manifest_bytes, problems);
    if (!text) return false;
    std::string_view rest = *text;
    for (std::size_t line = 1; !rest.empty(); ++line) {
        const std::string_view path = take_line(rest);
        if (!is_safe_path(path)) {
            problems.push_back(damaged(display_path(file), line, "the path of a page inside the folder", path));
            return false;
        }
        m.files[std::string(path)] = unknown_entry;
    }
    return true;
}

}  // namespace

std::string claims_text(const std::vector<std::string_view>& paths) {
    std::string out;
    for (std::string_view path : paths) out.append(path).append("\n");
    return out;
}

std::optional<manifest> read_manifest(const std::filesystem::path& dir, problem_list& problems) {
    const std::filesystem::path file = dir / manifest_file_name;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return std::nullopt;
    const auto text = read_text_file(file, max_manifest_bytes, problems);
    if (!text) return std::nullopt;
    const std::string shown = display_path(file);
    std::string_view rest = *text;
    if (rest.empty()) {
        problems.push_back({shown, "line 1", "\"" + std::string(header) + "\"", "an empty file", "run with --force to rebuild the folder"});
        return std::nullopt;
    }
    manifest m;
    for (std::size_t line = 1; !rest.empty(); ++line) {
        const std::string_view current = take_line(rest);
        std::string path;
        manifest_entry entry;
        const bool ok = line == 1 ? current == header : read_line(current, path, entry);
        if (!ok) {
            problems.push_back(damaged(shown, line, line == 1 ? "\"" + std::string(header) + "\"" : "\"<key> <content> <size> <path>\"", current));
            return std::nullopt;
        }
        if (line > 1) m.files[path] = std::move(entry);
    }
    return apply_claims(dir, m, problems) ? std::optional(std::move(m)) : std::nullopt;
}

std::string manifest_text(std::vector<manifest_line> lines) {
    std::sort(lines.begin(), lines.end(), [](const manifest_line& a, const manifest_line& b) { return a.first < b.first; });
    std::string out(header);
    out += '\n';
    out.reserve(out.size() + lines.size() * 96);
    for (const auto& [path, entry] : lines) {
        append_hash(out, entry.key);
        out += ' ';
        append_hash(out, entry.content);
        out += ' ';
        out += std::to_string(entry.size);
        out += ' ';
        out += path;
        out += '\n';
    }
    return out;
}

}  // namespace verdict
