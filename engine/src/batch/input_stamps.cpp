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
#include "support/text_file.hpp"

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

}  // namespace

// The environment is what says the rows are a complete run's: it is cleared before a run writes a page, and set
// again only when the run ends with no failure.
std::optional<input_stamps> read_input_stamps(state_database& state) {
    std::optional<std::string> environment = state.meta("inputs_environment");
    if (!environment) return std::nullopt;
    input_stamps stamps{std::move(*environment), {}};
    sqlite_statement rows(state.db(), "SELECT path, size, changed_ns FROM inputs");
    while (rows.step()) stamps.files.emplace(rows.text(0), file_stamp{static_cast<std::uint64_t>(rows.integer(1)), rows.integer(2)});
    return stamps;
}

void record_input_stamps(state_database& state, const std::optional<input_stamps>& stamps, const std::optional<input_stamps>& held) {
    if (!stamps || !held) {
        state.set_meta("inputs_environment", std::nullopt);
        state.db().exec("DELETE FROM inputs");
        if (!stamps) return;
    }
    static const std::map<std::string, file_stamp> none;
    const std::map<std::string, file_stamp>& recorded = held ? held->files : none;
    sqlite_statement remove(state.db(), "DELETE FROM inputs WHERE path = ?");
    for (const auto& [path, stamp] : recorded)
        if (!stamps->files.count(path)) remove.bind(1, path).run();
    sqlite_statement set(state.db(), "INSERT INTO inputs (path, size, changed_ns) VALUES (?, ?, ?) "
                                     "ON CONFLICT (path) DO UPDATE SET size = excluded.size, changed_ns = excluded.changed_ns");
    for (const auto& [path, stamp] : stamps->files) {
        const auto found = recorded.find(path);
        if (found == recorded.end() || found->second != stamp) set.bind(1, path).bind(2, static_cast<std::int64_t>(stamp.size)).bind(3, stamp.changed_ns).run();
    }
    state.set_meta("inputs_environment", stamps->environment);
}

std::map<std::string, file_stamp> stamp_catalog(const std::filesystem::path& catalog_dir, std::size_t jobs, problem_list& problems) {
    const std::vector<std::filesystem::path> files = catalog_files(catalog_dir, problems);
    // A stamp is a path lookup in the kernel, most of a no-op's time: taken on every thread.
    std::vector<std::optional<file_stamp>> found(files.size());
    in_parallel(files.size(), jobs, [&](std::size_t i) { found[i] = stamp_of(files[i]); });
    std::map<std::string, file_stamp> stamps;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (found[i]) {
            stamps.emplace(files[i].generic_string(), *found[i]);
            continue;
        }
        // What is missing is said by what reads it, which knows whether it must be there. Anything else in a
        // catalog file's place has no stamp, so the no-op could not see it.
        const path_state state = probe_path(files[i]);
        if (state.kind != path_kind::missing) problems.push_back(unreadable_problem(files[i], "a readable file", found_at(state, false)));
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
    // Both are ordered by path: one walk through each, rather than a lookup per file.
    auto was = recorded.files.begin();
    // The files recorded but not stamped now: the personas' files, and catalog files since removed.
    auto same_as_recorded_up_to = [&](const std::string* path) {
        for (; was != recorded.files.end() && (!path || was->first < *path); ++was)
            if (stamp_of(was->first) != was->second) return false;
        return true;
    };
    for (const auto& [path, stamp] : now.files) {
        if (!same_as_recorded_up_to(&path)) return std::nullopt;
        if (was == recorded.files.end() || was->first != path) return std::nullopt;   // never seen by the last run
        if (was->second != stamp) {
            if (!is_tool_file(path, tools_folder)) return std::nullopt;
            changed.push_back(path);
        }
        ++was;
    }
    if (!same_as_recorded_up_to(nullptr)) return std::nullopt;
    return changed;
}

std::size_t tool_file_count(const input_stamps& stamps, const std::filesystem::path& catalog_dir) {
    const std::string tools_folder = tools_folder_of(catalog_dir);
    std::size_t count = 0;
    for (const auto& [path, stamp] : stamps.files) count += is_tool_file(path, tools_folder);
    return count;
}

}  // namespace verdict
