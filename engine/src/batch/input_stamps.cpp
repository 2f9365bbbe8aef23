// Size and the nanosecond time of the inode's last change (ctime) are the
// stamp: git's index trusts them too. The change time moves with every write,
// like the modification time, but also with a chmod or a chown, which can make
// a file unreadable without touching its bytes; and no program can set it
// back. The listing check catches files added to the
// catalog, which no stamp could.
#include "batch/input_stamps.hpp"

#include "batch/in_parallel.hpp"
#include "catalog/tool_file.hpp"
#include "community/community_votes.hpp"
#include "support/file_access.hpp"
#include "support/open_folder.hpp"
#include "support/text_file.hpp"

#include <atomic>
#include <charconv>
#include <sys/stat.h>

namespace verdict {

namespace {

file_stamp stamp_from(const struct stat& info) {
    return {static_cast<std::uint64_t>(info.st_size), static_cast<std::int64_t>(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec};
}

}  // namespace

std::optional<file_stamp> stamp_of(const std::filesystem::path& file) {
    struct stat info;
    if (::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
    return stamp_from(info);
}

namespace {

// The files a batch reads from the catalog. A folder that cannot be listed is a problem: stamps taken without its
// files would make the run read a catalog without them.
std::vector<std::filesystem::path> catalog_files(const std::filesystem::path& catalog_dir, problem_list& problems) {
    std::vector<std::filesystem::path> files{catalog_dir / "panel.json", catalog_dir / "comparisons.json", catalog_dir / "site.json"};
    for (const auto& listed : {tool_file_paths(catalog_dir, problems), vote_file_paths(catalog_dir, problems)})
        files.insert(files.end(), listed.begin(), listed.end());
    return files;
}

// "input <size> <changed-ns> <path>" into `stamps`; false when the line has another shape.
bool read_stamp_line(std::string_view line, input_stamps& stamps) {
    if (!line.starts_with("input ")) return false;
    const std::size_t size_end = line.find(' ', 6);
    const std::size_t time_end = size_end == std::string_view::npos ? size_end : line.find(' ', size_end + 1);
    if (time_end == std::string_view::npos) return false;
    file_stamp stamp;
    const auto a = std::from_chars(line.data() + 6, line.data() + size_end, stamp.size);
    const auto b = std::from_chars(line.data() + size_end + 1, line.data() + time_end, stamp.changed_ns);
    if (a.ec != std::errc() || a.ptr != line.data() + size_end || b.ec != std::errc() || b.ptr != line.data() + time_end) return false;
    stamps.files[std::string(line.substr(time_end + 1))] = stamp;
    return true;
}

}  // namespace

std::optional<input_stamps> read_input_stamps(const std::filesystem::path& dir) {
    problem_list ignored;   // a missing or unreadable file only means the run reads every input
    const auto text = read_text_file(dir / input_stamps_file_name, std::size_t{64} << 20, ignored);
    if (!text || !text->starts_with("inputs ")) return std::nullopt;
    std::string_view rest = *text;
    input_stamps stamps{std::string(take_line(rest).substr(7)), {}};
    while (!rest.empty())
        if (!read_stamp_line(take_line(rest), stamps)) return std::nullopt;
    return stamps;
}

std::string input_stamps_text(const input_stamps& stamps) {
    std::string out = "inputs " + stamps.environment + "\n";
    for (const auto& [path, stamp] : stamps.files) out += "input " + std::to_string(stamp.size) + " " + std::to_string(stamp.changed_ns) + " " + path + "\n";
    return out;
}

std::map<std::string, file_stamp> stamp_catalog(const std::filesystem::path& catalog_dir, problem_list& problems) {
    std::map<std::string, file_stamp> stamps;
    for (const std::filesystem::path& file : catalog_files(catalog_dir, problems)) {
        struct stat info;
        if (::stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
            stamps[file.generic_string()] = stamp_from(info);
            continue;
        }
        // What is missing is said by what reads it, which knows whether it must be there. Anything else in a
        // catalog file's place has no stamp, so the no-op could not see it.
        const path_state state = probe_path(file);
        if (state.kind != path_kind::missing) problems.push_back(unreadable_problem(file, "a readable file", found_at(state, false)));
    }
    return stamps;
}

void stamp_files(const std::vector<std::filesystem::path>& files, std::map<std::string, file_stamp>& stamps) {
    for (const std::filesystem::path& file : files)
        if (const auto stamp = stamp_of(file)) stamps[file.generic_string()] = *stamp;
}

namespace {

// The tool files' folder as stamps name it: "<catalog_dir>/tools/".
std::string tools_folder_of(const std::filesystem::path& catalog_dir) { return (catalog_dir / "tools").generic_string() + "/"; }

bool is_tool_file(std::string_view path, std::string_view tools_folder) { return path.starts_with(tools_folder) && path.ends_with(".json"); }

}  // namespace

std::optional<std::vector<std::string>> changed_tool_files(const input_stamps& recorded, const input_stamps& now, const std::filesystem::path& catalog_dir) {
    if (recorded.environment != now.environment) return std::nullopt;
    const std::string tools_folder = tools_folder_of(catalog_dir);
    std::vector<std::string> changed;
    for (const auto& [path, stamp] : now.files) {
        const auto found = recorded.files.find(path);
        if (found == recorded.files.end()) return std::nullopt;   // never seen by the last run
        if (found->second == stamp) continue;
        if (!is_tool_file(path, tools_folder)) return std::nullopt;
        changed.push_back(path);
    }
    for (const auto& [path, stamp] : recorded.files)   // the personas' files, and catalog files since removed
        if (!now.files.count(path) && stamp_of(path) != stamp) return std::nullopt;
    return changed;
}

std::size_t tool_file_count(const input_stamps& stamps, const std::filesystem::path& catalog_dir) {
    const std::string tools_folder = tools_folder_of(catalog_dir);
    std::size_t count = 0;
    for (const auto& [path, stamp] : stamps.files) count += is_tool_file(path, tools_folder);
    return count;
}

std::optional<std::size_t> intact_pages(const std::filesystem::path& dir, std::size_t jobs) {
    std::error_code ec;
    if (std::filesystem::exists(dir / claims_file_name, ec)) return std::nullopt;
    // Checking a size is a path lookup in the kernel, most of a no-op's time: the files are checked a block at a
    // time on every thread, while the manifest is read on one.
    constexpr std::size_t block = 8192;
    std::vector<std::pair<std::string, std::uint64_t>> listed;
    listed.reserve(block);
    std::size_t pages = 0;
    std::atomic<bool> intact = true;
    const open_folder folder(dir);
    auto check_listed = [&] {
        in_parallel(listed.size(), jobs, [&](std::size_t i) {
            if (folder.file_size(listed[i].first) != listed[i].second) intact = false;
        });
        pages += listed.size();
        listed.clear();
        return intact.load();
    };
    problem_list problems;
    const bool read = for_each_manifest_file(dir, problems, [&](std::string_view path, const manifest_entry& entry) {
        listed.emplace_back(path, entry.size);
        return listed.size() < block || check_listed();
    });
    return read && check_listed() ? std::optional(pages) : std::nullopt;
}

}  // namespace verdict
