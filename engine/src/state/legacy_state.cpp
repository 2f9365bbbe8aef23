// The manifest's lines were "<key> <content> <size> <path>", the hashes as 16
// hex digits, after a header line; the claims one path per line. Both are
// read whole before anything is written, so a damaged file changes nothing.
#include "state/legacy_state.hpp"

#include "batch/manifest.hpp"
#include "state/state_database.hpp"
#include "support/text_file.hpp"

#include <charconv>
#include <vector>

namespace verdict {
namespace {

constexpr const char* manifest_name = ".verdict-manifest";
constexpr const char* claims_name = ".verdict-claims";
constexpr std::string_view header = "verdict-manifest 1";

// 16 lower-case hex digits.
bool read_hash(std::string_view text, std::uint64_t& value) {
    if (text.size() != 16 || text.find_first_not_of("0123456789abcdef") != std::string_view::npos) return false;
    return std::from_chars(text.data(), text.data() + text.size(), value, 16).ec == std::errc();
}

// "<key> <content> <size> <path>"; false when the line does not have that shape.
bool read_line(std::string_view line, std::string_view& path, manifest_entry& entry) {
    if (line.size() < 36 || line[16] != ' ' || line[33] != ' ') return false;
    const std::size_t size_end = line.find(' ', 34);
    if (size_end == std::string_view::npos || !read_hash(line.substr(0, 16), entry.key) || !read_hash(line.substr(17, 16), entry.content)) return false;
    const auto [end, error] = std::from_chars(line.data() + 34, line.data() + size_end, entry.size);
    path = line.substr(size_end + 1);
    return error == std::errc() && end == line.data() + size_end && is_safe_page_path(path);
}

std::string damaged(const std::filesystem::path& file, std::size_t line, const std::string& expected, std::string_view found) {
    return to_string(problem{display_path(file), "line " + std::to_string(line), expected, "\"" + std::string(found.substr(0, 120)) + "\"",
                             "run with --force to rebuild the folder"});
}

struct legacy_pages {
    std::vector<std::pair<std::string, manifest_entry>> listed;
    std::vector<std::string> claimed;
};

// The manifest's and the claims' pages; false with `refusal` when either is damaged.
bool read_legacy(const std::filesystem::path& dir, legacy_pages& pages, std::string& refusal) {
    problem_list problems;
    const std::filesystem::path manifest_file = dir / manifest_name;
    bool empty = true;
    const bool read = for_each_line(manifest_file, problems, [&](std::string_view line, std::size_t number) {
        empty = false;
        std::string_view path;
        manifest_entry entry;
        if (number == 1 ? line != header : !read_line(line, path, entry)) {
            refusal = damaged(manifest_file, number, number == 1 ? "\"" + std::string(header) + "\"" : "\"<key> <content> <size> <path>\"", line);
            return false;
        }
        if (number > 1) pages.listed.emplace_back(path, entry);
        return true;
    });
    if (read && empty) refusal = damaged(manifest_file, 1, "\"" + std::string(header) + "\"", "");
    if (!read && refusal.empty()) refusal = problems.empty() ? display_path(manifest_file) + ": cannot be read" : to_string(problems.front());
    if (!refusal.empty()) return false;
    const std::filesystem::path claims_file = dir / claims_name;
    std::error_code ec;
    if (!std::filesystem::exists(claims_file, ec)) return true;
    const bool claims_read = for_each_line(claims_file, problems, [&](std::string_view path, std::size_t number) {
        if (!is_safe_page_path(path)) {
            refusal = damaged(claims_file, number, "the path of a page inside the folder", path);
            return false;
        }
        pages.claimed.emplace_back(path);
        return true;
    });
    if (!claims_read && refusal.empty()) refusal = problems.empty() ? display_path(claims_file) + ": cannot be read" : to_string(problems.front());
    return refusal.empty();
}

}  // namespace

bool has_legacy_state(const std::filesystem::path& site_dir) {
    std::error_code ec;
    return std::filesystem::exists(site_dir / manifest_name, ec);
}

bool import_legacy_state(const std::filesystem::path& site_dir, state_database& state, bool force, std::string& refusal) {
    if (!has_legacy_state(site_dir)) return true;
    legacy_pages pages;
    if (!read_legacy(site_dir, pages, refusal)) {
        if (!force) return false;
        refusal.clear();
        pages = {};
    }
    sqlite_transaction t(state.db());
    page_rows rows(state);
    for (const auto& [path, entry] : pages.listed) rows.set(path, entry);
    for (const std::string& path : pages.claimed) rows.set(path, unknown_entry);
    // Claims mean the old engine was stopped while writing pages: the next run must clear its temporaries.
    if (!pages.claimed.empty()) state.begin_run("");
    t.commit();
    std::error_code ec;
    for (const char* name : {manifest_name, claims_name, ".verdict-reviews", ".verdict-inputs", ".verdict-pairs", ".verdict-lock"})
        std::filesystem::remove(site_dir / name, ec);
    return true;
}

}  // namespace verdict
