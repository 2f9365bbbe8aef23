#include "batch/folder_stamps.hpp"

#include "batch/in_parallel.hpp"
#include "batch/manifest.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace verdict {

std::string_view folder_of(std::string_view page) {
    const std::size_t slash = page.rfind('/');
    return slash == std::string_view::npos ? std::string_view() : page.substr(0, slash);
}

std::optional<folder_stamps> stamp_folders(const output_folder& folder, const folder_set& folders) {
    // The clock ticks every few milliseconds on Linux: this outlasts any tick but a whole second's. A file system with
    // such a clock gets its stamps from the run after, once its folders are a second old.
    constexpr int waits = 8;
    constexpr std::chrono::milliseconds wait_for(5);
    for (int wait = 0;; ++wait) {
        const std::optional<std::int64_t> now = folder.clock_now();
        if (!now) return std::nullopt;
        folder_stamps stamps;
        bool settled = true;
        for (const std::string& each : folders) {
            const std::optional<std::int64_t> changed = folder.folder_changed_ns(each);
            if (!changed) return std::nullopt;
            settled = settled && *changed < *now;
            stamps.emplace(each, *changed);
        }
        if (settled) return stamps;
        if (wait == waits) return std::nullopt;
        std::this_thread::sleep_for(wait_for);
    }
}

folder_stamps folder_times(const output_folder& folder, const folder_set& folders) {
    folder_stamps times;
    for (const std::string& each : folders)
        if (const std::optional<std::int64_t> changed = folder.folder_changed_ns(each)) times.emplace(each, *changed);
    return times;
}

folder_set listed_page_folders(state_database& state) {
    // Read in a pass of their own rather than with SQL: SQLite has no function that finds a path's last slash, and
    // trimming to it costs ten times more than this whole pass.
    folder_set folders;
    for_each_manifest_file(state, [&folders](std::string_view path, const manifest_entry&) {
        if (const std::string_view holder = folder_of(path); folders.find(holder) == folders.end()) folders.emplace(holder);
        return true;
    });
    return folders;
}

folder_stamps read_folder_stamps(state_database& state) {
    folder_stamps stamps;
    sqlite_statement rows(state.db(), "SELECT path, changed_ns FROM page_folders");
    while (rows.step()) stamps.emplace(rows.text(0), rows.integer(1));
    return stamps;
}

void record_folder_stamps(state_database& state, const std::optional<folder_stamps>& stamps) {
    state.db().exec("DELETE FROM page_folders");
    if (!stamps) return;
    sqlite_statement add(state.db(), "INSERT INTO page_folders (path, changed_ns) VALUES (?, ?)");
    for (const auto& [path, changed_ns] : *stamps) add.bind(1, path).bind(2, changed_ns).run();
}

bool folders_unchanged(const output_folder& folder, const folder_stamps& stamps) {
    if (stamps.empty()) return false;
    for (const auto& [path, changed_ns] : stamps)
        if (folder.folder_changed_ns(path) != changed_ns) return false;
    return true;
}

namespace {

// Records `stamps` on their own. Stamps that cannot be recorded cost the next run only the check of every page, and
// the answer of this one stands.
void keep_stamps(state_database& state, const folder_stamps& stamps) {
    try {
        sqlite_transaction t(state.db());
        record_folder_stamps(state, stamps);
        t.commit();
    } catch (const sqlite_error&) {
        return;
    }
}

}  // namespace

std::optional<std::size_t> intact_pages(state_database& state, const output_folder& folder, std::size_t jobs) {
    if (state.interrupted()) return std::nullopt;
    const folder_stamps held = read_folder_stamps(state);
    if (folders_unchanged(folder, held)) return page_count(state);
    // The folders' times are taken before any page is checked: a page deleted while the pages are checked moves its
    // folder's time past them, and the next run checks again.
    const std::optional<folder_stamps> before = stamp_folders(folder, listed_page_folders(state));
    // Checking a size is a path lookup in the kernel: the files are checked a block at a time on every thread, while
    // the manifest is read on one.
    constexpr std::size_t block = 8192;
    std::vector<std::pair<std::string, std::uint64_t>> listed;
    listed.reserve(block);
    std::size_t pages = 0;
    std::atomic<bool> intact = true;
    auto check_listed = [&] {
        in_parallel(listed.size(), jobs, [&](std::size_t i) {
            if (folder.size_of(listed[i].first) != listed[i].second) intact = false;
        });
        pages += listed.size();
        listed.clear();
        return intact.load();
    };
    bool read = true;
    for_each_manifest_file(state, [&](std::string_view path, const manifest_entry& entry) {
        listed.emplace_back(path, entry.size);
        return listed.size() < block || (read = check_listed());
    });
    if (!read || !check_listed()) return std::nullopt;
    // Every page is in place: the folders' stamps spare the next run this check.
    if (before && *before != held) keep_stamps(state, *before);
    return pages;
}

}  // namespace verdict
