// Watches folders for files written, created, moved or removed (inotify), and
// hands over each burst of changes at once: an editor's save is several
// events (a temporary file, a rename), and a checkout is hundreds.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

namespace verdict::serve {

class file_watcher {
public:
    /// Throws std::system_error when the system refuses a watcher.
    file_watcher();
    ~file_watcher();
    file_watcher(const file_watcher&) = delete;
    file_watcher& operator=(const file_watcher&) = delete;

    /// Watches each of `folders` that exists, stops watching those no longer listed; a folder watched already stays.
    void watch(const std::vector<std::filesystem::path>& folders);

    /// Waits for changes until `stop` says so: the paths changed in the next burst (one that has gone quiet for
    /// `settle`), or nullopt when stopped. `stop` is asked at least every `poll`.
    template <class Stop>
    std::optional<std::vector<std::filesystem::path>> next(Stop stop, std::chrono::milliseconds settle = std::chrono::milliseconds(60),
                                                            std::chrono::milliseconds poll = std::chrono::milliseconds(100)) {
        std::vector<std::filesystem::path> changed;
        while (!stop()) {
            const bool any = wait_and_read(changed.empty() ? poll : settle, changed);
            if (!any && !changed.empty()) return changed;
        }
        return std::nullopt;
    }

private:
    // Waits up to `timeout` for events and adds their paths to `changed`; false when none came.
    bool wait_and_read(std::chrono::milliseconds timeout, std::vector<std::filesystem::path>& changed);

    int fd_ = -1;
    std::map<int, std::filesystem::path> folders_;   // by watch descriptor
};

}  // namespace verdict::serve
