#include "batch/review_spill.hpp"

#include "support/write_all.hpp"
#include "workers/wire_codec.hpp"

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace verdict {
namespace {

// An unnamed file in the temporary folder, written only at its end; where its file system cannot make one, a named
// one removed at once.
int open_unnamed() {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
    if (ec) return -1;
    int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_APPEND | O_CLOEXEC, 0600);
    if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR)) return fd;
    std::string name = (dir / ".reviews-XXXXXX").string();
    fd = ::mkostemp(name.data(), O_APPEND | O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
    return fd;
}

// Reads all of `bytes` from `offset`, going on after a short read or an interrupted call; false on an error or at the
// end of the file.
bool read_all(int fd, std::string& bytes, std::uint64_t offset) {
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::pread(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

review_spill::review_spill() : fd_(open_unnamed()) {}

review_spill::~review_spill() {
    if (fd_ >= 0) ::close(fd_);
}

void review_spill::put(std::size_t index, const tool& subject, const tool_review& review) {
    if (fd_ < 0) return;
    const std::size_t start = pending_.bytes().size();
    encode(pending_, subject);
    encode(pending_, review);
    pending_places_.emplace_back(index, place{start, pending_.bytes().size() - start});
}

void review_spill::flush() {
    if (fd_ >= 0 && !pending_places_.empty()) {
        if (write_all(fd_, pending_.bytes())) {
            for (auto& [index, at] : pending_places_) {
                if (index >= places_.size()) places_.resize(index + 1);
                places_[index] = {end_ + at.offset, at.size};
            }
            end_ += pending_.bytes().size();
        } else if (::ftruncate(fd_, static_cast<off_t>(end_)) != 0) {   // the next flush appends where this one began
            stop_using();
        }
    }
    pending_.clear();
    pending_places_.clear();
}

void review_spill::clear() {
    places_.clear();
    pending_.clear();
    pending_places_.clear();
    end_ = 0;
    if (fd_ >= 0 && ::ftruncate(fd_, 0) != 0) stop_using();
}

void review_spill::stop_using() {
    // A file whose end is not known is not used again: the tools it would have held are reviewed again instead.
    ::close(fd_);
    fd_ = -1;
    places_.clear();
}

bool review_spill::take(std::size_t index, tool& subject, tool_review& review) const {
    if (!holds(index)) return false;
    std::string bytes(places_[index].size, '\0');
    if (!read_all(fd_, bytes, places_[index].offset)) return false;
    try {
        wire_reader in(bytes);
        subject = decode_tool(in);
        review = decode_tool_review(in);
        return in.done();
    } catch (const wire_error&) {
        return false;
    }
}

}  // namespace verdict
