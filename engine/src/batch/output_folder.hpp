// A batch's output folder: held by one run at a time, its page folders made,
// and the temporaries an interrupted run left behind cleared away.
#pragma once

#include "support/open_folder.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

class output_folder {
public:
    /// Creates `dir` and its state folder when missing and locks it, unless `refuse_foreign` and it already holds
    /// files but its state (`state_file`) does not exist: then it is left exactly as it was (not even a lock file is
    /// added). On failure, `error` says why and the folder is not usable.
    output_folder(std::filesystem::path dir, const std::filesystem::path& state_file, bool refuse_foreign);
    ~output_folder();
    output_folder(const output_folder&) = delete;
    output_folder& operator=(const output_folder&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    const std::string& error() const { return error_; }
    /// The error is that the folder could not be made or written to, rather than that it must not be.
    bool cannot_write() const { return cannot_write_; }

    /// Creates the page folders (category/, compare/, tools/); an empty string on success, else why not. A category
    /// page's own folder in Markdown is made when the page is written (disk_writer).
    std::string make_page_folders() const;
    /// Deletes the temporaries of interrupted writes (".<name>.tmp-<pid>") in the folder itself, and in the page
    /// folders and their subfolders too when `in_page_folders`, and returns how many there were. Listing the page
    /// folders costs as much as a small change's pages: only a run interrupted while writing pages can have left
    /// temporaries there.
    std::size_t clear_temporaries(bool in_page_folders) const;
    /// The size of `relative`, or nullopt when it is not a regular file.
    std::optional<std::uint64_t> size_of(const std::string& relative) const;
    /// The change time of the folder `relative` ("" for the output folder itself); nullopt when it is not a folder.
    std::optional<std::int64_t> folder_changed_ns(const std::string& relative) const;
    /// The time the folder's file system gives a change made now, taken by touching the lock; nullopt when it cannot
    /// be taken. Any change made later has a change time at least this one.
    std::optional<std::int64_t> clock_now() const;

private:
    std::filesystem::path dir_;
    std::optional<open_folder> pages_;   ///< Opened once the folder exists.
    int lock_fd_ = -1;
    std::string error_;
    bool cannot_write_ = false;
};

/// The lock's file name in an output folder's state folder.
inline constexpr const char* lock_file_name = "lock";

}  // namespace verdict
