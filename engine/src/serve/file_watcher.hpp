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

    /// What changed in one burst.
    struct burst {
        std::vector<std::filesystem::path> paths;
        bool overflowed = false;   ///< More changed than the system could queue: anything may have changed.
    };

    /// Waits for changes until `stop` says so: the next burst (one that has gone quiet for `settle`), or nullopt when
    /// stopped. `stop` is asked at least every `poll`.
    template <class Stop>
    std::optional<burst> next(Stop stop, std::chrono::milliseconds settle = std::chrono::milliseconds(60),
                              std::chrono::milliseconds poll = std::chrono::milliseconds(100)) {
        burst changed;
        while (!stop()) {
            const bool any = wait_and_read(changed.paths.empty() && !changed.overflowed ? poll : settle, changed);
            if (!any && (!changed.paths.empty() || changed.overflowed)) return changed;
        }
        return std::nullopt;
    }

private:
    // Waits up to `timeout` for events and adds them to `changed`; false when none came.
    bool wait_and_read(std::chrono::milliseconds timeout, burst& changed);

    int fd_ = -1;
    std::map<int, std::filesystem::path> folders_;   // by watch descriptor
};

}  // namespace verdict::serve
