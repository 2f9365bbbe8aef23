// Writing output files: one error boundary for file I/O on the way out.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace verdict {

/// Writes `bytes` to `path` under a temporary name in the same folder and renames it into place, so a reader
/// sees the old file or the new one, never part of one. An existing file keeps its permissions; a symbolic link
/// keeps pointing where it did, at the new file; a device or pipe (/dev/stdout) is written in place. Returns an
/// empty string on success, otherwise why it failed (the temporary is removed and the old file left as it was).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// A file's text, piece by piece: each call appends the next piece to its argument and returns true, or returns
/// false when the text is done.
using text_pieces = std::function<bool(std::string&)>;

/// As above, with the text written piece by piece as `next` yields it, so that a large file is never held whole.
std::string write_file_atomically(const std::filesystem::path& path, const text_pieces& next);

/// `first_line` and a newline, then the pieces `next` yields: a file of a header line and one line per record.
text_pieces after_header(std::string first_line, text_pieces next);

/// The whole text `next` yields, for a caller that needs it at once.
std::string gathered(const text_pieces& next);

}  // namespace verdict
