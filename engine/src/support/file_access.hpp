// The one place where file-system errors become words. Everything that looks
// at or lists an input asks here, so a symbolic-link loop, a permission or an
// I/O error reads the same wherever it happens, names its path, and never
// escapes as an exception that would end a run as an "internal error".
#pragma once

#include "support/problem.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace verdict {

/// A plain reason for the errno value `error_number`: "permission denied", "a loop of symbolic links", ...
std::string reason_of(int error_number);

enum class path_kind {
    missing,      ///< Nothing there (a symbolic link to nothing counts as broken, not missing).
    file,         ///< A regular file.
    folder,
    other,        ///< A pipe, socket or device.
    unreachable,  ///< It cannot be looked at: `reason` says why.
};

struct path_state {
    path_kind kind = path_kind::missing;
    std::string reason;   ///< For unreachable: why, e.g. "permission denied".
};

/// What is at `path`, following symbolic links. Never throws.
path_state probe_path(const std::filesystem::path& path);

/// What `state` is, in words, as the "found" of a problem: "no such folder", "a file", "a loop of symbolic links".
std::string found_at(const path_state& state, bool expected_folder);

/// A problem about `path` itself rather than its contents: it is missing, unreadable or the wrong kind. Such a
/// problem is fatal, so that a run can refuse to go on before it writes anything.
problem unreadable_problem(const std::filesystem::path& path, std::string expected, std::string found);

/// The entries of the folder `dir` whose names do not start with a dot, in name order. When `dir` is missing, not a
/// folder, or cannot be listed to the end, none, with a problem naming it; `expected` says what it should be, e.g.
/// "a readable folder of tool files (<id>.json)".
std::vector<std::filesystem::path> list_folder(const std::filesystem::path& dir, const std::string& expected, problem_list& problems);

/// As list_folder(), but a missing folder is an empty one: for folders a catalog may leave out (votes/, fixtures/).
std::vector<std::filesystem::path> list_optional_folder(const std::filesystem::path& dir, const std::string& expected, problem_list& problems);

}  // namespace verdict
