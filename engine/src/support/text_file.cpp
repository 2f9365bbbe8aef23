// Reads whole files at once: inputs are small, and a size cap keeps a
// mistaken multi-gigabyte file from exhausting memory before parsing starts.
// POSIX calls rather than streams, so that a failure is reported with the
// errno of the call that failed, never a stale one.
#include "support/text_file.hpp"

#include "support/file_access.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace verdict {

// Lexical only: asking the file system (std::filesystem::proximate) costs a readlink per path component, and a
// batch shows the path of every one of its tool files.
std::string display_path(const std::filesystem::path& path) {
    const std::filesystem::path normal = path.lexically_normal();
    if (normal.is_relative()) return normal.generic_string();
    static const std::filesystem::path working_dir = [] {
        std::error_code ec;
        return std::filesystem::current_path(ec);
    }();
    const std::filesystem::path relative = normal.lexically_relative(working_dir);
    if (relative.empty() || *relative.begin() == "..") return normal.generic_string();
    return relative.generic_string();
}

namespace {

// Closes a descriptor on every way out of a read.
class file_descriptor {
public:
    explicit file_descriptor(int fd) : fd_(fd) {}
    ~file_descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    file_descriptor(const file_descriptor&) = delete;
    file_descriptor& operator=(const file_descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

// Why `path` cannot be opened: a missing file, a link to nothing, a loop, a permission.
std::string open_failure(const std::filesystem::path& path, int error) {
    return error == ENOENT ? found_at(probe_path(path), false) : reason_of(error);
}

}  // namespace

std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes, problem_list& problems) {
    auto unreadable = [&](std::string found) {
        problems.push_back(unreadable_problem(path, "a readable file", std::move(found)));
        return std::nullopt;
    };
    // Non-blocking, so that a named pipe in the file's place is refused below instead of waiting for a writer.
    const file_descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) return unreadable(open_failure(path, errno));
    struct stat info;
    if (::fstat(fd.get(), &info) != 0) return unreadable(reason_of(errno));
    if (!S_ISREG(info.st_mode)) return unreadable(found_at({S_ISDIR(info.st_mode) ? path_kind::folder : path_kind::other, ""}, false));
    const auto size = static_cast<std::uint64_t>(info.st_size);
    if (size > max_bytes) {
        problems.push_back({display_path(path), "", "a file of at most " + std::to_string(max_bytes) + " bytes", std::to_string(size) + " bytes", ""});
        return std::nullopt;
    }
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    for (;;) {
        if (got == bytes.size()) bytes.resize(got + 4096);   // a file that grew since fstat: read on to its end
        const ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return unreadable(reason_of(errno) + " while reading it");
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
        if (got > max_bytes) {
            problems.push_back({display_path(path), "", "a file of at most " + std::to_string(max_bytes) + " bytes", "more bytes than that", ""});
            return std::nullopt;
        }
    }
    bytes.resize(got);
    return bytes;
}

bool for_each_line(const std::filesystem::path& path, problem_list& problems, const std::function<bool(std::string_view, std::size_t)>& each) {
    auto unreadable = [&](std::string found) {
        problems.push_back(unreadable_problem(path, "a readable file", std::move(found)));
        return false;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return unreadable(open_failure(path, errno));
    constexpr std::size_t block = std::size_t{1} << 20;
    std::string pending;   // the part of a line that the last block cut off, then the blocks read
    std::size_t number = 0;
    bool more = true;
    int failed = 0;
    for (std::string buffer(block, '\0'); more;) {
        const ssize_t got = ::read(fd, buffer.data(), block);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            failed = errno;
            break;
        }
        pending.append(buffer.data(), static_cast<std::size_t>(got));
        std::string_view rest = pending;
        const bool last = got == 0;
        // A line longer than a block is passed on in pieces, which no reader takes for a line of its own: a damaged
        // file cannot make the reader hold it whole.
        while (more && !rest.empty() && (last || rest.size() > block || rest.find('\n') != std::string_view::npos)) {
            const std::size_t end = std::min(rest.find('\n'), block);
            more = each(rest.substr(0, end), ++number);
            rest.remove_prefix(std::min(rest.size(), end + (end < rest.size() && rest[end] == '\n')));
        }
        pending.erase(0, pending.size() - rest.size());
        if (last) break;
    }
    ::close(fd);
    if (failed != 0) return unreadable(reason_of(failed) + " while reading it");
    return true;
}

}  // namespace verdict
