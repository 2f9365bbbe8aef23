#include "batch/file_writer.hpp"

#include "support/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace verdict {

std::string disk_writer::write(const std::filesystem::path& path, std::string_view bytes) { return write_file_atomically(path, bytes); }

std::string disk_writer::remove(const std::filesystem::path& path) {
    if (::unlink(path.c_str()) == 0 || errno == ENOENT) return "";
    return "cannot delete " + path.generic_string() + ": " + std::strerror(errno);
}

}  // namespace verdict
