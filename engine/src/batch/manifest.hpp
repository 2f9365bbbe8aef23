// The manifest in a batch's output folder: every file the engine wrote there,
// what it was made from, and what it holds. It is how a run knows what it
// may skip, and the only list of files it may ever delete.
#pragma once

#include "support/problem.hpp"

#include <cstdint>
#include <filesystem>
#include <unordered_map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

struct manifest_entry {
    std::uint64_t key = 0;      ///< Hash of everything the file was made from.
    std::uint64_t content = 0;  ///< Hash of its bytes.
    std::uint64_t size = 0;
};

/// What the manifest holds for a file a run is about to write: the engine's, made from nothing known.
inline constexpr manifest_entry unknown_entry{0, 0, 0};

/// One line of a manifest being written: a path (owned elsewhere) and its entry.
using manifest_line = std::pair<std::string_view, manifest_entry>;

struct manifest {
    std::unordered_map<std::string, manifest_entry> files;   ///< By path relative to the output folder.
};

/// The manifest's file name in an output folder.
inline constexpr const char* manifest_file_name = ".verdict-manifest";

/// The claims' file name: the pages a run was about to write, one path per line, until its manifest is written.
inline constexpr const char* claims_file_name = ".verdict-claims";

/// Reads `<dir>/.verdict-manifest`, with every page `<dir>/.verdict-claims` lists as the engine's but made from
/// nothing known: nullopt when there is no manifest; a problem (and nullopt) when either file is damaged.
std::optional<manifest> read_manifest(const std::filesystem::path& dir, problem_list& problems);

/// The claims' text: each path on a line of its own.
std::string claims_text(const std::vector<std::string_view>& paths);

/// The manifest's text: a header line, then one line per file, "<key> <content> <size> <path>", in path order, the
/// hashes as 16 hex digits.
std::string manifest_text(std::vector<manifest_line> lines);

}  // namespace verdict
