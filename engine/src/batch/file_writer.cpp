#include "batch/file_writer.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace verdict {
namespace {

// Makes the missing folder `path` would go in, one level only: a Markdown category page is the one page in a folder of
// its own (category/<slug>/_index.md), while a missing output or page folder is not this writer's to make up.
bool made_folder_of(const std::filesystem::path& path) {
    std::error_code ec;
    return !std::filesystem::exists(path.parent_path(), ec) && std::filesystem::create_directory(path.parent_path(), ec);
}

}  // namespace

// The folder is looked for only when a write fails: every other page of a batch pays nothing for it.
std::string disk_writer::write(const std::filesystem::path& path, std::string_view bytes) {
    std::string failure = write_file_atomically(path, bytes);
    if (!failure.empty() && made_folder_of(path)) failure = write_file_atomically(path, bytes);
    return failure;
}

// A folder emptied by deleting its one page (a Markdown category page's) goes with it; a folder that holds anything
// else stays, as rmdir() leaves any folder that is not empty.
std::string disk_writer::remove(const std::filesystem::path& path) {
    if (::unlink(path.c_str()) == 0) {
        ::rmdir(path.parent_path().c_str());
        return "";
    }
    if (errno == ENOENT) return "";
    return "cannot delete " + path.generic_string() + ": " + std::strerror(errno);
}

}  // namespace verdict
