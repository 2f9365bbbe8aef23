// Writing output files: one error boundary for file I/O on the way out.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace verdict {

/// Writes `bytes` to `path` under a temporary name in the same folder and renames it into place, so a reader
/// sees the old file or the new one, never part of one. An existing file keeps its permissions; a symbolic link
/// keeps pointing where it did, at the new file; a device or pipe (/dev/stdout) is written in place. Returns an
/// empty string on success, otherwise why it failed (the temporary is removed and the old file left as it was).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace verdict
