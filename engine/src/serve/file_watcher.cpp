#include "serve/file_watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

namespace verdict::serve {
namespace {

// What an editor's save, a copy, a checkout or a removal does to a file in a watched folder.
constexpr std::uint32_t watched_events = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF |
                                         IN_MOVE_SELF;

}  // namespace

file_watcher::file_watcher() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "cannot watch the catalog's files (inotify)");
}

file_watcher::~file_watcher() { ::close(fd_); }

void file_watcher::watch(const std::vector<std::filesystem::path>& folders) {
    for (auto it = folders_.begin(); it != folders_.end();) {
        if (std::find(folders.begin(), folders.end(), it->second) == folders.end()) {
            inotify_rm_watch(fd_, it->first);
            it = folders_.erase(it);
        } else {
            ++it;
        }
    }
    for (const std::filesystem::path& folder : folders) {
        // Watching a folder again is harmless: it keeps its descriptor. One that is missing now is watched once made.
        const int wd = inotify_add_watch(fd_, folder.c_str(), watched_events | IN_ONLYDIR);
        if (wd >= 0) folders_[wd] = folder;
    }
}

bool file_watcher::wait_and_read(std::chrono::milliseconds timeout, burst& changed) {
    pollfd waiting{fd_, POLLIN, 0};
    if (::poll(&waiting, 1, static_cast<int>(timeout.count())) <= 0) return false;
    alignas(inotify_event) char buffer[16384];
    bool any = false;
    for (;;) {
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n <= 0) break;
        for (char* at = buffer; at < buffer + n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(at);
            at += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                changed.overflowed = any = true;
                continue;
            }
            const auto folder = folders_.find(event->wd);
            if (folder == folders_.end()) continue;
            any = true;
            // A folder itself moved or removed: what it held changed, as the folder's own path says.
            changed.paths.push_back(event->len > 0 ? folder->second / event->name : folder->second);
            if (event->mask & IN_IGNORED) folders_.erase(folder);
        }
    }
    return any;
}

}  // namespace verdict::serve
