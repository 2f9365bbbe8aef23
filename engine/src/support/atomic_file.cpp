// POSIX calls rather than std::ofstream: they report errno for every step, and
// a temporary opened with O_EXCL can never clobber another writer's file. The
// temporary starts with a dot and carries the process id, so it is hidden from
// listings and two processes never share one.
//
// There is no fsync: it costs about a third of a millisecond a file, which a
// batch of 150,000 pages cannot pay, and renaming over an existing file
// already orders the data before the rename on ext4 (auto_da_alloc). A crash
// can lose the newest version of a page, never leave a torn one.
#include "support/atomic_file.hpp"

#include "support/write_all.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace verdict {
namespace {

std::string failure(const char* step, const std::filesystem::path& path) {
    return std::string(step) + " " + path.generic_string() + ": " + std::strerror(errno);
}

// A device, a pipe or a terminal (such as /dev/stdout) is written in place: there is no file to replace.
std::string write_in_place(const std::filesystem::path& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) return failure("cannot open", path);
    std::string error = write_all(fd, bytes) ? "" : failure("cannot write", path);
    if (::close(fd) != 0 && error.empty()) error = failure("cannot write", path);
    return error;
}

// Why a new file could not be made beside `path`, in the words of the folder that holds it.
std::string folder_failure(const std::filesystem::path& path) {
    const int cause = errno;
    const std::filesystem::path folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    const std::string start = "cannot write " + path.generic_string() + ": ";
    if (cause == ENOENT) return start + "its folder " + folder.generic_string() + " does not exist; create it first";
    if (cause == ENOTDIR) return start + folder.generic_string() + " is not a folder";
    if (cause == EACCES || cause == EPERM || cause == EROFS)
        return start + "no permission to create files in its folder " + folder.generic_string() + " (" + std::strerror(cause) + ")";
    return start + std::strerror(cause) + " (creating a file in " + folder.generic_string() + ")";
}

std::string replace_file(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
    const std::filesystem::path temporary = path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return folder_failure(path);
    std::string error;
    if (mode != 0 && ::fchmod(fd, mode) != 0) error = failure("cannot keep the permissions of", path);
    if (error.empty() && !write_all(fd, bytes)) error = failure("cannot write", path);
    if (::close(fd) != 0 && error.empty()) error = failure("cannot write", path);
    if (error.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) error = failure("cannot replace", path);
    if (!error.empty()) ::unlink(temporary.c_str());
    return error;
}

std::string write_through(const std::filesystem::path& path, std::string_view bytes) {
    if (!path.has_filename()) return "cannot write " + path.generic_string() + ": expected a file name, found a folder";
    struct stat info;
    if (::stat(path.c_str(), &info) != 0) return replace_file(path, bytes, 0);   // a new file (or a dangling link's place)
    if (S_ISDIR(info.st_mode)) return "cannot write " + path.generic_string() + ": expected a file, found a folder";
    if (!S_ISREG(info.st_mode)) return write_in_place(path, bytes);
    std::error_code ec;
    const std::filesystem::path real = std::filesystem::canonical(path, ec);   // replace what a link points at, not the link
    return replace_file(ec ? path : real, bytes, info.st_mode & 07777);
}

}  // namespace

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    return write_through(path, bytes);
}

}  // namespace verdict
