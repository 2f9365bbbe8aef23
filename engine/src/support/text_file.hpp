// Reading input files: one error boundary for file I/O on the way in.
#pragma once

#include "support/problem.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace verdict {

/// The file's bytes, or nullopt with a problem when it cannot be read or is larger than `max_bytes`.
std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes, problem_list& problems);

/// Calls `each` with every line of `path`, numbered from 1 and without its newline, until it returns false. The file
/// is read a block at a time, so a large one is never held whole. False, with a problem, when it cannot be read.
bool for_each_line(const std::filesystem::path& path, problem_list& problems, const std::function<bool(std::string_view, std::size_t)>& each);

/// `path` as messages show it: relative to the working directory when it is inside it, with forward slashes.
std::string display_path(const std::filesystem::path& path);

}  // namespace verdict
