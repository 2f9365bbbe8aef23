// The manifest of a batch's output folder, the pages table of its state: every
// file the engine wrote there, what it was made from, and what it holds. It is
// how a run knows what it may skip, and the only list of files it may ever
// delete.
#pragma once

#include "state/state_database.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verdict {

struct manifest_entry {
    std::uint64_t key = 0;      ///< Hash of everything the file was made from.
    std::uint64_t content = 0;  ///< Hash of its bytes.
    std::uint64_t size = 0;
    bool operator==(const manifest_entry&) const = default;
};

/// What the manifest holds for a file a run is about to write: the engine's, made from nothing known.
inline constexpr manifest_entry unknown_entry{0, 0, 0};

/// A manifest as read from the folder's state, with every page a killed run claimed as the engine's but made from
/// nothing known. Entries are found by path, but paths are not held: a site of 150,000 pages would spend more on
/// them than on everything else the manifest knows.
class manifest {
public:
    /// The entry of `path`; null when the manifest does not list it. `hint` is a position to try first.
    const manifest_entry* find(std::string_view path, std::size_t hint = std::string_view::npos) const;
    std::size_t size() const { return entries_.size(); }
    /// True when the last run was interrupted after it claimed pages and before it recorded them.
    bool has_claims() const { return has_claims_; }
    /// Where `entry` (from find()) stands among the entries, from 0 to size() - 1.
    std::size_t position(const manifest_entry* entry) const { return static_cast<std::size_t>(entry - entries_.data()); }

    /// The paths of the entries not marked in `accounted` (by position), in path order, read again from the state.
    std::vector<std::string> paths_not_in(const std::vector<bool>& accounted) const;

private:
    friend manifest read_manifest(state_database& state);
    friend manifest read_manifest(state_database& state, const std::vector<std::string>& paths);
    void add(std::string_view path, const manifest_entry& entry);
    void grow_slots();

    state_database* state_ = nullptr;
    std::vector<manifest_entry> entries_;
    std::vector<std::uint64_t> path_hashes_;   ///< By entry.
    std::vector<std::uint32_t> slots_;         ///< Open addressing by path hash: an entry's position + 1, or 0.
    bool has_claims_ = false;
};

/// The pages table of `state`.
manifest read_manifest(state_database& state);

/// The entries of `paths` in the pages table of `state`, looked up one by one: for a run that plans a few pages of
/// a large site. Its paths_not_in() finds only among them.
manifest read_manifest(state_database& state, const std::vector<std::string>& paths);

/// How many pages the pages table of `state` lists.
std::size_t page_count(state_database& state);

/// Calls `each` with every page the state lists, in path order, until it returns false.
void for_each_manifest_file(state_database& state, const std::function<bool(std::string_view path, const manifest_entry& entry)>& each);

/// Changes rows of the pages table, inside the caller's transaction.
class page_rows {
public:
    explicit page_rows(state_database& state);
    /// Lists `path` with `entry`, in place of what it listed.
    void set(std::string_view path, const manifest_entry& entry);
    /// Lists `path` no more.
    void remove(std::string_view path);

private:
    sqlite_statement set_;
    sqlite_statement remove_;
};

/// True when `path` is relative, inside the folder, and names no "." or ".." part: deleting stale files trusts the
/// paths the state lists, and a path that could escape the folder is never one the engine wrote.
bool is_safe_page_path(std::string_view path);

}  // namespace verdict
