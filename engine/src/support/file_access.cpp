// stat(2), opendir(3) and readdir(3) rather than std::filesystem: they report
// errno for the very call that failed, where a directory_iterator throws from
// its increment in the middle of a loop, and is_directory() with an
// error_code cannot tell a missing folder from one behind a loop.
#include "support/file_access.hpp"

#include "support/text_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>

namespace verdict {

std::string reason_of(int error_number) {
    switch (error_number) {
    case ENOENT: return "no such file or folder";
    case EACCES:
    case EPERM: return "permission denied";
    case ELOOP: return "a loop of symbolic links";
    case ENOTDIR: return "a path through something that is not a folder";
    case EISDIR: return "a folder";
    case EIO: return "an I/O error";
    case ENAMETOOLONG: return "a name too long for the file system";
    case EMFILE:
    case ENFILE: return "too many open files";
    case ENOMEM: return "not enough memory";
    default: break;
    }
    std::string text = std::strerror(error_number);
    if (!text.empty() && text.front() >= 'A' && text.front() <= 'Z') text.front() = static_cast<char>(text.front() - 'A' + 'a');
    return text;
}

path_state probe_path(const std::filesystem::path& path) {
    struct stat info;
    if (::stat(path.c_str(), &info) == 0) {
        if (S_ISREG(info.st_mode)) return {path_kind::file, ""};
        if (S_ISDIR(info.st_mode)) return {path_kind::folder, ""};
        return {path_kind::other, ""};
    }
    const int error = errno;
    if (error != ENOENT) return {path_kind::unreachable, reason_of(error)};
    // stat follows links: a link whose target is gone looks missing, though something is there that the user made.
    if (::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode)) return {path_kind::unreachable, "a symbolic link to nothing"};
    return {path_kind::missing, ""};
}

std::string found_at(const path_state& state, bool expected_folder) {
    switch (state.kind) {
    case path_kind::missing: return expected_folder ? "no such folder" : "no such file";
    case path_kind::file: return "a file";
    case path_kind::folder: return "a folder";
    case path_kind::other: return "something that is neither a file nor a folder (a pipe, socket or device)";
    case path_kind::unreachable: return state.reason;
    }
    return state.reason;
}

problem unreadable_problem(const std::filesystem::path& path, std::string expected, std::string found) {
    problem p{display_path(path), "", std::move(expected), std::move(found), ""};
    p.fatal = true;
    return p;
}

std::vector<std::filesystem::path> list_folder(const std::filesystem::path& dir, const std::string& expected, problem_list& problems) {
    const path_state state = probe_path(dir);
    if (state.kind != path_kind::folder) {
        problems.push_back(unreadable_problem(dir, expected, found_at(state, true)));
        return {};
    }
    DIR* stream = ::opendir(dir.c_str());
    if (!stream) {
        problems.push_back(unreadable_problem(dir, expected, reason_of(errno)));
        return {};
    }
    // Sorted by name before the paths are made: paths compare part by part, which costs more than the sort itself
    // for a folder of thousands of tool files. Within one folder the two orders are the same.
    std::vector<std::string> names;
    int error = 0;
    for (;;) {
        errno = 0;
        const dirent* entry = ::readdir(stream);
        if (!entry) {
            error = errno;
            break;
        }
        if (entry->d_name[0] != '.') names.emplace_back(entry->d_name);
    }
    ::closedir(stream);
    if (error != 0) {
        problems.push_back(unreadable_problem(dir, expected, reason_of(error) + " while listing it"));
        return {};
    }
    std::sort(names.begin(), names.end());
    std::vector<std::filesystem::path> entries;
    entries.reserve(names.size());
    for (const std::string& name : names) entries.push_back(dir / name);
    return entries;
}

std::vector<std::filesystem::path> list_optional_folder(const std::filesystem::path& dir, const std::string& expected, problem_list& problems) {
    if (probe_path(dir).kind == path_kind::missing) return {};
    return list_folder(dir, expected, problems);
}

}  // namespace verdict
