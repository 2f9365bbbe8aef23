// The no-op fast path: a batch whose every input file is as the last complete
// run stamped it can make no page differently, so it checks sizes and times
// instead of reading, validating and reviewing the whole catalog again.
#pragma once

#include "batch/manifest.hpp"
#include "support/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// A file's size and the time its inode last changed (written, or its permissions or owner changed) when a run
/// read it.
struct file_stamp {
    std::uint64_t size = 0;
    std::int64_t changed_ns = 0;
    bool operator==(const file_stamp&) const = default;
};

/// The stamp of `file` now; nullopt when it is not a regular file.
std::optional<file_stamp> stamp_of(const std::filesystem::path& file);

/// What a complete run was made from: every input file as stamped before it was read, and a hash of everything
/// else it depended on (engine version, formats, shard, folders), kept in the state's inputs table.
struct input_stamps {
    std::string environment;
    std::map<std::string, file_stamp> files;   ///< By path as the run was given it.
    bool operator==(const input_stamps&) const = default;
};

/// The stamps of the last complete run; nullopt when there are none (the run then reads every input).
std::optional<input_stamps> read_input_stamps(state_database& state);

/// Records `stamps` in place of `held`, the stamps the state holds (read_input_stamps() at the run's start), inside
/// the caller's transaction, writing only the rows that differ. nullopt `stamps` clears them, so that the next run
/// reads every input; nullopt `held` (rows of an unfinished run, or none) writes every row again.
void record_input_stamps(state_database& state, const std::optional<input_stamps>& stamps, const std::optional<input_stamps>& held);

/// Stamps every file of `catalog_dir` a batch reads: panel.json, comparisons.json, tools/*.json and votes/*.csv.
/// Taken before the files are read, so a file changed during the run is seen as changed by the next one. A folder
/// that cannot be listed, and anything but a file where a file is listed, is a fatal problem. Stamped on `jobs` threads.
std::map<std::string, file_stamp> stamp_catalog(const std::filesystem::path& catalog_dir, std::size_t jobs, problem_list& problems);

/// Adds the stamps of `files` (the personas' plugins and scripts).
void stamp_files(const std::vector<std::filesystem::path>& files, std::map<std::string, file_stamp>& stamps);

/// The tool files whose stamps differ from those `recorded` holds, when nothing else changed: `recorded` was made in
/// `now`'s environment, the catalog holds the same files, and every other file is as stamped there. `now` holds the
/// catalog's stamps as they stand, and any other file `recorded` lists (a persona's) is stamped again. Empty when
/// nothing changed at all; nullopt when anything but the contents of the tool files of `catalog_dir` did.
std::optional<std::vector<std::string>> changed_tool_files(const input_stamps& recorded, const input_stamps& now, const std::filesystem::path& catalog_dir);

/// How many of the files `stamps` list are tool files of `catalog_dir`.
std::size_t tool_file_count(const input_stamps& stamps, const std::filesystem::path& catalog_dir);

}  // namespace verdict
