// In memory an entry is found by a 64-bit hash of its path. Two paths of one
// folder sharing a hash is about as likely as a disk's undetected error; if it
// happens, the second is taken for the first, its page is made again every
// run, and the first is never taken for stale.
#include "batch/manifest.hpp"

#include "batch/content_hash.hpp"

#include <algorithm>

namespace verdict {
namespace {

std::uint64_t path_hash(std::string_view path) { return hash_of(path); }

}  // namespace

bool is_safe_page_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\0') != std::string_view::npos) return false;
    for (std::size_t start = 0; start <= path.size();) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

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

void manifest::add(std::string_view path, const manifest_entry& entry) {
    if (find(path)) return;
    entries_.push_back(entry);
    path_hashes_.push_back(path_hash(path));
    if (entries_.size() * 2 > slots_.size()) grow_slots();   // at most half full: short probes
    else {
        std::size_t slot = path_hashes_.back() & (slots_.size() - 1);
        while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
        slots_[slot] = static_cast<std::uint32_t>(entries_.size());
    }
}

std::vector<std::string> manifest::paths_not_in(const std::vector<bool>& accounted) const {
    std::vector<std::string> out;
    // The folder is locked by this run, so the state holds the pages it read.
    for_each_manifest_file(*state_, [&](std::string_view path, const manifest_entry&) {
        const manifest_entry* found = find(path);
        if (found && !accounted[position(found)]) out.emplace_back(path);
        return true;
    });
    return out;
}

manifest read_manifest(state_database& state) {
    manifest m;
    m.state_ = &state;
    for_each_manifest_file(state, [&m](std::string_view path, const manifest_entry& entry) {
        m.add(path, entry);
        return true;
    });
    m.has_claims_ = state.interrupted();
    return m;
}

manifest read_manifest(state_database& state, const std::vector<std::string>& paths) {
    manifest m;
    m.state_ = &state;
    sqlite_statement row(state.db(), "SELECT input_hash, bytes_hash, size FROM pages WHERE path = ?");
    for (const std::string& path : paths) {
        row.bind(1, path);
        if (row.step() && is_safe_page_path(path)) m.add(path, {row.bits(0), row.bits(1), static_cast<std::uint64_t>(row.integer(2))});
        row.reset();
    }
    m.has_claims_ = state.interrupted();
    return m;
}

std::size_t page_count(state_database& state) { return static_cast<std::size_t>(state.db().integer_of("SELECT count(*) FROM pages")); }

void for_each_manifest_file(state_database& state, const std::function<bool(std::string_view path, const manifest_entry& entry)>& each) {
    sqlite_statement rows(state.db(), "SELECT path, input_hash, bytes_hash, size FROM pages ORDER BY path");
    while (rows.step()) {
        const std::string_view path = rows.text(0);
        if (!is_safe_page_path(path)) continue;   // never the engine's: not a page to skip, replace or delete
        if (!each(path, {rows.bits(1), rows.bits(2), static_cast<std::uint64_t>(rows.integer(3))})) {
            rows.reset();
            return;
        }
    }
}

page_rows::page_rows(state_database& state)
    : set_(state.db(), "INSERT INTO pages (path, input_hash, bytes_hash, size) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (path) DO UPDATE SET input_hash = excluded.input_hash, bytes_hash = excluded.bytes_hash, size = excluded.size"),
      remove_(state.db(), "DELETE FROM pages WHERE path = ?") {}

void page_rows::set(std::string_view path, const manifest_entry& entry) {
    set_.bind(1, path).bind_bits(2, entry.key).bind_bits(3, entry.content).bind(4, static_cast<std::int64_t>(entry.size)).run();
}

void page_rows::remove(std::string_view path) { remove_.bind(1, path).run(); }

}  // namespace verdict
