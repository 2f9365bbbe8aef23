// A folder held open while many files inside it are looked up. Each lookup
// then walks only the path relative to the folder, not the folder's own path
// again: a batch checks every page of the site, and an output folder deep in
// the file system would otherwise cost a dentry lookup per level per page.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace verdict {

class open_folder {
public:
    /// Opens `dir`; when it cannot be opened, every lookup finds nothing.
    explicit open_folder(const std::filesystem::path& dir);
    ~open_folder();
    open_folder(const open_folder&) = delete;
    open_folder& operator=(const open_folder&) = delete;

    /// The size of the regular file at `relative`; nullopt when there is none.
    std::optional<std::uint64_t> file_size(const std::string& relative) const;
    /// The change time (ctime, in nanoseconds since 1970) of the folder at `relative`, or of this folder itself when
    /// `relative` is empty; nullopt when there is no folder there (a symbolic link is not one).
    std::optional<std::int64_t> folder_changed_ns(const std::string& relative) const;

private:
    int fd_ = -1;
};

}  // namespace verdict
