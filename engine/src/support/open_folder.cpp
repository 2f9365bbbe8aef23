#include "support/open_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace verdict {

open_folder::open_folder(const std::filesystem::path& dir) : fd_(::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}

open_folder::~open_folder() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<std::uint64_t> open_folder::file_size(const std::string& relative) const {
    struct stat info;
    if (fd_ < 0 || ::fstatat(fd_, relative.c_str(), &info, 0) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return static_cast<std::uint64_t>(info.st_size);
}

std::optional<std::int64_t> open_folder::folder_changed_ns(const std::string& relative) const {
    struct stat info;
    const int flags = AT_SYMLINK_NOFOLLOW | (relative.empty() ? AT_EMPTY_PATH : 0);
    if (fd_ < 0 || ::fstatat(fd_, relative.c_str(), &info, flags) != 0 || !S_ISDIR(info.st_mode)) return std::nullopt;
    return std::int64_t{info.st_ctim.tv_sec} * 1'000'000'000 + info.st_ctim.tv_nsec;
}

}  // namespace verdict
