// Plain lines rather than JSON: a manifest of 150,000 pages reads in a few
// milliseconds, and a damaged one names the line at fault. Paths come last
// on their line, so a path with spaces still reads back whole; a path that
// could escape the output folder is refused, since deleting stale files
// trusts these paths. Claims live in a file of their own, so that claiming
// the pages a run is about to write costs those pages, not the whole site.
//
// In memory an entry is found by a 64-bit hash of its path. Two paths of one
// folder sharing a hash is about as likely as a disk's undetected error; if
// it happens, the manifest reads as damaged (one path listed twice), and the
// run asks for --force rather than guess which entry is whose.
#include "batch/manifest.hpp"

#include "batch/content_hash.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <vector>

namespace verdict {
namespace {

constexpr std::string_view header = "verdict-manifest 1";

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
bool read_line(std::string_view line, std::string_view& path, manifest_entry& entry) {
    if (line.size() < 36 || line[16] != ' ' || line[33] != ' ') return false;
    const std::size_t size_end = line.find(' ', 34);
    if (size_end == std::string_view::npos || !read_hash(line.substr(0, 16), entry.key) || !read_hash(line.substr(17, 16), entry.content)) return false;
    const auto [end, error] = std::from_chars(line.data() + 34, line.data() + size_end, entry.size);
    path = line.substr(size_end + 1);
    return error == std::errc() && end == line.data() + size_end && is_safe_path(path);
}

problem damaged(const std::filesystem::path& file, std::size_t line, std::string expected, std::string_view found) {
    return {display_path(file), "line " + std::to_string(line), std::move(expected), "\"" + std::string(found.substr(0, 120)) + "\"",
            "run with --force to rebuild the folder"};
}

std::uint64_t path_hash(std::string_view path) { return hash_of(path); }

// Calls `each` with every file of the manifest in `dir`; false with a problem when it is missing or damaged.
bool read_lines(const std::filesystem::path& dir, problem_list& problems, const std::function<bool(std::string_view, const manifest_entry&, std::size_t)>& each) {
    const std::filesystem::path file = dir / manifest_file_name;
    bool empty = true;
    bool damage = false;
    const bool read = for_each_line(file, problems, [&](std::string_view line, std::size_t number) {
        empty = false;
        std::string_view path;
        manifest_entry entry;
        const bool ok = number == 1 ? line == header : read_line(line, path, entry);
        if (!ok) {
            problems.push_back(damaged(file, number, number == 1 ? "\"" + std::string(header) + "\"" : "\"<key> <content> <size> <path>\"", line));
            damage = true;
            return false;
        }
        return number == 1 || each(path, entry, number);
    });
    if (read && empty) problems.push_back({display_path(file), "line 1", "\"" + std::string(header) + "\"", "an empty file", "run with --force to rebuild the folder"});
    return read && !empty && !damage;
}

}  // namespace

const manifest_entry* manifest::find(std::string_view path, std::size_t hint) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t hash = path_hash(path);
    if (hint < path_hashes_.size() && path_hashes_[hint] == hash) return &entries_[hint];
    for (std::size_t slot = hash & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
        const std::uint32_t held = slots_[slot];
        if (held == 0) return nullptr;
        if (path_hashes_[held - 1] == hash) return &entries_[held - 1];
    }
}

void manifest::grow_slots() {
    std::vector<std::uint32_t> slots(std::max<std::size_t>(1024, slots_.size() * 2), 0);
    for (std::size_t i = 0; i < path_hashes_.size(); ++i) {
        std::size_t slot = path_hashes_[i] & (slots.size() - 1);
        while (slots[slot] != 0) slot = (slot + 1) & (slots.size() - 1);
        slots[slot] = static_cast<std::uint32_t>(i + 1);
    }
    slots_ = std::move(slots);
}

bool manifest::add(std::string_view path, const manifest_entry& entry, bool replace) {
    if (const manifest_entry* found = find(path)) {
        if (replace) entries_[position(found)] = entry;
        return replace;
    }
    entries_.push_back(entry);
    path_hashes_.push_back(path_hash(path));
    if (entries_.size() * 2 > slots_.size()) grow_slots();   // at most half full: short probes
    else {
        std::size_t slot = path_hashes_.back() & (slots_.size() - 1);
        while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
        slots_[slot] = static_cast<std::uint32_t>(entries_.size());
    }
    return true;
}

std::vector<std::string> manifest::paths_not_in(const std::vector<bool>& accounted) const {
    std::vector<bool> taken(entries_.size(), false);
    std::vector<std::string> out;
    auto take = [&](std::string_view path) {
        const manifest_entry* found = find(path);
        if (!found || accounted[position(found)] || taken[position(found)]) return;
        taken[position(found)] = true;
        out.emplace_back(path);
    };
    // The folder is locked by this run, so the manifest on disk is the one it read; a claim may be the only record of
    // a page a killed run had begun.
    problem_list ignored;
    read_lines(dir_, ignored, [&](std::string_view path, const manifest_entry&, std::size_t) {
        take(path);
        return true;
    });
    for (const std::string& path : claimed_) take(path);
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<manifest> read_manifest(const std::filesystem::path& dir, problem_list& problems) {
    std::error_code ec;
    if (!std::filesystem::exists(dir / manifest_file_name, ec)) return std::nullopt;
    manifest m;
    m.dir_ = dir;
    bool twice = false;
    const bool read = read_lines(dir, problems, [&](std::string_view path, const manifest_entry& entry, std::size_t number) {
        if (m.add(path, entry, false)) return true;
        problems.push_back(damaged(dir / manifest_file_name, number, "each path once", path));
        twice = true;
        return false;
    });
    if (!read || twice) return std::nullopt;
    const std::filesystem::path claims = dir / claims_file_name;
    if (!std::filesystem::exists(claims, ec)) return m;
    m.has_claims_ = true;
    bool damage = false;
    const bool claims_read = for_each_line(claims, problems, [&](std::string_view path, std::size_t number) {
        if (!is_safe_path(path)) {
            problems.push_back(damaged(claims, number, "the path of a page inside the folder", path));
            damage = true;
            return false;
        }
        m.add(path, unknown_entry, true);
        m.claimed_.emplace_back(path);
        return true;
    });
    return damage || !claims_read ? std::nullopt : std::optional(std::move(m));
}

bool for_each_manifest_file(const std::filesystem::path& dir, problem_list& problems,
                            const std::function<bool(std::string_view path, const manifest_entry& entry)>& each) {
    return read_lines(dir, problems, [&](std::string_view path, const manifest_entry& entry, std::size_t) { return each(path, entry); });
}

std::string write_manifest(file_writer& writer, const std::filesystem::path& dir, const manifest_lines& next) {
    std::string path;
    manifest_entry entry;
    return writer.write_streamed(dir / manifest_file_name, after_header(std::string(header), [&](std::string& out) {
        if (!next(path, entry)) return false;
        append_hash(out, entry.key);
        out += ' ';
        append_hash(out, entry.content);
        out += ' ';
        out += std::to_string(entry.size);
        out += ' ';
        out += path;
        out += '\n';
        return true;
    }));
}

std::string rewrite_manifest(file_writer& writer, const std::filesystem::path& dir, const std::function<const manifest_entry*(std::string_view path)>& changed,
                             const std::vector<std::pair<std::string, manifest_entry>>& added) {
    const std::filesystem::path file = dir / manifest_file_name;
    problem_list problems;
    const std::optional<std::string> text = read_text_file(file, std::numeric_limits<std::size_t>::max(), problems);
    if (!text) return problems.empty() ? display_path(file) + ": cannot be read" : to_string(problems.front());
    std::string_view rest = *text;
    take_line(rest);   // the header, which write_manifest() writes again
    std::size_t next_added = 0;
    return write_manifest(writer, dir, [&](std::string& path, manifest_entry& entry) {
        if (!rest.empty()) {
            std::string_view listed;
            if (!read_line(take_line(rest), listed, entry)) return false;   // this run read it whole before
            path = listed;
            if (const manifest_entry* now = changed(listed)) entry = *now;
            return true;
        }
        if (next_added == added.size()) return false;
        path = added[next_added].first;
        entry = added[next_added++].second;
        return true;
    });
}

std::string write_claims(file_writer& writer, const std::filesystem::path& dir, const std::function<bool(std::string& path)>& next) {
    std::string path;
    return writer.write_streamed(dir / claims_file_name, [&](std::string& out) {
        if (!next(path)) return false;
        out.append(path).append("\n");
        return true;
    });
}

}  // namespace verdict
