// Reads whole files at once: inputs are small, and a size cap keeps a
// mistaken multi-gigabyte file from exhausting memory before parsing starts.
#include "support/text_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
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

std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes, problem_list& problems) {
    const std::string shown = display_path(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        problems.push_back({shown, "", "a readable file", std::filesystem::exists(path, ec) ? "something that is not a file" : "no such file", ""});
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_bytes) {
        problems.push_back({shown, "", "a file of at most " + std::to_string(max_bytes) + " bytes", std::to_string(size) + " bytes", ""});
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in || ec) {
        problems.push_back({shown, "", "a readable file", std::string("a read error (") + std::strerror(errno) + ")", ""});
        return std::nullopt;
    }
    return bytes.str();
}

std::string_view take_line(std::string_view& rest) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
}

bool for_each_line(const std::filesystem::path& path, problem_list& problems, const std::function<bool(std::string_view, std::size_t)>& each) {
    auto unreadable = [&] {
        problems.push_back({display_path(path), "", "a readable file", std::string("a read error (") + std::strerror(errno) + ")", ""});
        return false;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return unreadable();
    constexpr std::size_t block = std::size_t{1} << 20;
    std::string pending;   // the part of a line that the last block cut off, then the blocks read
    std::size_t number = 0;
    bool more = true;
    bool failed = false;
    for (std::string buffer(block, '\0'); more;) {
        const ssize_t got = ::read(fd, buffer.data(), block);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            failed = true;
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
    if (failed) unreadable();
    ::close(fd);
    return !failed;
}

}  // namespace verdict
