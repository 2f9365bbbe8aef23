// POSIX calls rather than std::ofstream: they report errno for every step, and
// a temporary opened with O_EXCL can never clobber another writer's file. The
// temporary starts with a dot and carries the process id, so it is hidden from
// listings and two processes never share one.
#include "support/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace verdict {
namespace {

std::string failure(const char* step, const std::filesystem::path& path) {
    return std::string(step) + " " + path.generic_string() + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

}  // namespace

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    const std::filesystem::path temporary =
        path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return failure("cannot create a temporary file beside", path);
    std::string error;
    if (!write_all(fd, bytes)) error = failure("cannot write", path);
    if (::close(fd) != 0 && error.empty()) error = failure("cannot write", path);
    if (error.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) error = failure("cannot replace", path);
    if (!error.empty()) ::unlink(temporary.c_str());
    return error;
}

}  // namespace verdict
