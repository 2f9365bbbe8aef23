// The lock is an flock() on a file in the state's folder: the kernel drops it when
// the process dies, however it dies, so a killed run never leaves the folder
// locked. Temporaries are recognised by the exact name write_file_atomically
// gives them, so clearing them can never touch a file someone else put there.
#include "batch/output_folder.hpp"

#include "state/legacy_state.hpp"
#include "state/state_database.hpp"
#include "reports/site_layout.hpp"
#include "support/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace verdict {
namespace {

bool is_temporary_name(const std::string& name) {
    const std::size_t mark = name.rfind(".tmp-");
    if (name.size() < 2 || name[0] != '.' || mark == std::string::npos || mark < 2 || mark + 5 >= name.size()) return false;
    return name.find_first_not_of("0123456789", mark + 5) == std::string::npos;
}

// Files but no state: a folder someone else made. The state's folder alone (its lock) is what a run refused
// earlier may have left.
bool holds_foreign_files(const std::filesystem::path& dir, const std::filesystem::path& state_file) {
    std::error_code ec;
    if (std::filesystem::exists(state_file, ec) || has_legacy_state(dir)) return false;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().filename() != state_folder_name) return true;
    return false;
}

// The temporaries in `folder`, and with `in_subfolders` in the folders one level down too, where a Markdown category
// page is written (category/<slug>/_index.md). A folder's entries carry their type, so telling the subfolders apart
// costs no call per page.
std::size_t clear_temporaries_in(const std::filesystem::path& folder, bool in_subfolders) {
    std::size_t cleared = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        if (in_subfolders && entry.is_directory(ec)) cleared += clear_temporaries_in(entry.path(), false);
        else if (is_temporary_name(entry.path().filename().string()) && ::unlink(entry.path().c_str()) == 0) ++cleared;
    }
    return cleared;
}

}  // namespace

output_folder::output_folder(std::filesystem::path dir, const std::filesystem::path& state_file, bool refuse_foreign) : dir_(std::move(dir)) {
    std::error_code ec;
    if (refuse_foreign && holds_foreign_files(dir_, state_file)) {
        error_ = dir_.generic_string() + " is not empty and has no state (" + display_path(state_file) + ")" +
                 ": it was not made by verdict batch, so nothing in it may be replaced or deleted (use --force to write into it anyway)";
        return;
    }
    for (const std::filesystem::path& folder : {dir_, dir_ / state_folder_name}) {
        std::filesystem::create_directories(folder, ec);
        if (ec) {
            error_ = "cannot create " + folder.generic_string() + ": " + ec.message();
            cannot_write_ = true;
            return;
        }
    }
    pages_.emplace(dir_);
    lock_fd_ = ::open((dir_ / state_folder_name / lock_file_name).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0) {
        error_ = "cannot write in " + dir_.generic_string() + ": " + std::strerror(errno);
        cannot_write_ = true;
    } else if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0)
        error_ = errno == EWOULDBLOCK ? "another verdict batch is writing to " + dir_.generic_string() + "; wait for it to finish"
                                      : "cannot lock " + dir_.generic_string() + ": " + std::strerror(errno);
}

output_folder::~output_folder() {
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

std::string output_folder::make_page_folders() const {
    std::error_code ec;
    for (const char* sub : page_folders) {
        std::filesystem::create_directories(dir_ / sub, ec);
        if (ec) return "cannot create " + (dir_ / sub).generic_string() + ": " + ec.message();
    }
    return "";
}

std::size_t output_folder::clear_temporaries(bool in_page_folders) const {
    std::size_t cleared = clear_temporaries_in(dir_, false);
    if (in_page_folders)
        for (const char* sub : page_folders) cleared += clear_temporaries_in(dir_ / sub, true);
    return cleared;
}

std::optional<std::uint64_t> output_folder::size_of(const std::string& relative) const {
    return pages_ ? pages_->file_size(relative) : std::nullopt;
}

std::optional<std::int64_t> output_folder::folder_changed_ns(const std::string& relative) const {
    return pages_ ? pages_->folder_changed_ns(relative) : std::nullopt;
}

// The file system's own clock, not the process's: a network file system stamps changes with its server's time.
std::optional<std::int64_t> output_folder::clock_now() const {
    struct stat info;
    if (lock_fd_ < 0 || ::futimens(lock_fd_, nullptr) != 0 || ::fstat(lock_fd_, &info) != 0) return std::nullopt;
    return std::int64_t{info.st_ctim.tv_sec} * 1'000'000'000 + info.st_ctim.tv_nsec;
}

}  // namespace verdict
