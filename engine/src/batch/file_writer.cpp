#include "batch/file_writer.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace verdict {

std::string file_writer::write_streamed(const std::filesystem::path& path, const text_pieces& next) { return write(path, gathered(next)); }

std::string disk_writer::write(const std::filesystem::path& path, std::string_view bytes) { return write_file_atomically(path, bytes); }

std::string disk_writer::write_streamed(const std::filesystem::path& path, const text_pieces& next) { return write_file_atomically(path, next); }

std::string disk_writer::remove(const std::filesystem::path& path) {
    if (::unlink(path.c_str()) == 0 || errno == ENOENT) return "";
    return "cannot delete " + path.generic_string() + ": " + std::strerror(errno);
}

}  // namespace verdict
