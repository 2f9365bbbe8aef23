// The manifest in a batch's output folder: every file the engine wrote there,
// what it was made from, and what it holds. It is how a run knows what it
// may skip, and the only list of files it may ever delete.
#pragma once

#include "batch/file_writer.hpp"
#include "support/problem.hpp"

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
};

/// What the manifest holds for a file a run is about to write: the engine's, made from nothing known.
inline constexpr manifest_entry unknown_entry{0, 0, 0};

/// The manifest's file name in an output folder.
inline constexpr const char* manifest_file_name = ".verdict-manifest";

/// The claims' file name: the pages a run was about to write, one path per line, until its manifest is written.
inline constexpr const char* claims_file_name = ".verdict-claims";

/// A manifest as read from a folder, with every page its claims list as the engine's but made from nothing known.
/// Entries are found by path, but paths are not held: a site of 150,000 pages would spend more on them than on
/// everything else the manifest knows.
class manifest {
public:
    /// The entry of `path`; null when the manifest does not list it. A manifest lists its files in the order of the
    /// plan that wrote it, so a run planning the same pages finds each at its own position: `hint`, tried first.
    const manifest_entry* find(std::string_view path, std::size_t hint = std::string_view::npos) const;
    std::size_t size() const { return entries_.size(); }
    /// True when the folder holds claims: the last run was interrupted before it wrote its manifest.
    bool has_claims() const { return has_claims_; }
    /// Where `entry` (from find()) stands among the entries, from 0 to size() - 1.
    std::size_t position(const manifest_entry* entry) const { return static_cast<std::size_t>(entry - entries_.data()); }

    /// The paths of the entries not marked in `accounted` (by position), in path order, read again from the folder.
    std::vector<std::string> paths_not_in(const std::vector<bool>& accounted) const;

private:
    friend std::optional<manifest> read_manifest(const std::filesystem::path& dir, problem_list& problems);
    /// Adds `path`'s entry; false when the path is listed already and `replace` is false.
    bool add(std::string_view path, const manifest_entry& entry, bool replace);
    void grow_slots();

    std::filesystem::path dir_;
    std::vector<manifest_entry> entries_;
    std::vector<std::uint64_t> path_hashes_;   ///< By entry.
    std::vector<std::uint32_t> slots_;         ///< Open addressing by path hash: an entry's position + 1, or 0.
    std::vector<std::string> claimed_;         ///< The claims' paths, which no longer need be on disk when read again.
    bool has_claims_ = false;
};

/// Reads `<dir>/.verdict-manifest` and `<dir>/.verdict-claims`: nullopt when there is no manifest; a problem (and
/// nullopt) when either file is damaged.
std::optional<manifest> read_manifest(const std::filesystem::path& dir, problem_list& problems);

/// Calls `each` with every file `<dir>/.verdict-manifest` lists, until it returns false; false with a problem when the
/// file is missing or damaged. Claims are not read: this is for a folder with none.
bool for_each_manifest_file(const std::filesystem::path& dir, problem_list& problems,
                            const std::function<bool(std::string_view path, const manifest_entry& entry)>& each);

/// Yields the next file of a manifest being written: sets its path and entry and returns true, or returns false when
/// there are no more.
using manifest_lines = std::function<bool(std::string& path, manifest_entry& entry)>;

/// Writes `<dir>/.verdict-manifest` through `writer`: a header line, then "<key> <content> <size> <path>" per file in
/// the order `next` yields them, the hashes as 16 hex digits. Written piece by piece, never held whole.
std::string write_manifest(file_writer& writer, const std::filesystem::path& dir, const manifest_lines& next);

/// Writes `<dir>/.verdict-manifest` again through `writer`: each file it lists, in its order, with the entry `changed`
/// gives it (null: the entry it has), then the files of `added`.
std::string rewrite_manifest(file_writer& writer, const std::filesystem::path& dir, const std::function<const manifest_entry*(std::string_view path)>& changed,
                             const std::vector<std::pair<std::string, manifest_entry>>& added);

/// Writes `<dir>/.verdict-claims` through `writer`: each path `next` yields on a line of its own.
std::string write_claims(file_writer& writer, const std::filesystem::path& dir, const std::function<bool(std::string& path)>& next);

}  // namespace verdict
