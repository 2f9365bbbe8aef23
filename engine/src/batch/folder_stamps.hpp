// Whether every page is still in place, told by the few folders that hold the
// pages rather than by each of the many pages. A folder's change time (ctime)
// moves whenever an entry in it is created, deleted or renamed, and no program
// can set it back: a folder with the time the last run recorded still holds
// every file that run left there. A page edited in place leaves its folder as
// it was; a run makes it again when what it shows changes, or with --force.
//
// A time is recorded only when it is earlier than the file system's clock at
// the moment it is taken. Otherwise a folder changed again within the same
// tick of that clock would keep the recorded time, and the change would go
// unseen (git calls such index entries racily clean). The run waits a few
// ticks for its own last writes to fall behind; a folder still too recent
// leaves no stamps at all, and the next run checks every page. The times are
// taken before the pages are checked, so that a page deleted during the check
// moves its folder's time past them.
#pragma once

#include "batch/output_folder.hpp"
#include "state/state_database.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace verdict {

/// Folders relative to the output folder, each once; found by a page's folder without making a string of it.
using folder_set = std::set<std::string, std::less<>>;

/// Each recorded folder (relative to the output folder, "" for the folder itself) and its change time.
using folder_stamps = std::map<std::string, std::int64_t>;

/// The folder that holds `page` (a path relative to the output folder): "" for the folder itself.
std::string_view folder_of(std::string_view page);

/// The stamps of `folders` as they stand, each earlier than the file system's clock; nullopt when one is missing, or
/// still too recent after waiting.
std::optional<folder_stamps> stamp_folders(const output_folder& folder, const folder_set& folders);

/// Each of `folders` with its change time as it stands, with no regard to the clock; a missing folder is left out.
folder_stamps folder_times(const output_folder& folder, const folder_set& folders);

/// The folders of the pages the state lists.
folder_set listed_page_folders(state_database& state);

/// The stamps the state holds: empty when it holds none.
folder_stamps read_folder_stamps(state_database& state);

/// Records `stamps` in place of the state's, inside the caller's transaction; nullopt leaves none, so that the next
/// run checks every page.
void record_folder_stamps(state_database& state, const std::optional<folder_stamps>& stamps);

/// True when `stamps` are not empty and every folder they name has the recorded change time.
bool folders_unchanged(const output_folder& folder, const folder_stamps& stamps);

/// How many files the manifest lists, when each is in place and no run was left unfinished: nothing to repair.
/// Nullopt otherwise. When the folders' stamps do not tell, every file's size is checked against the manifest, on
/// `jobs` threads, and the folders' times, taken before the check, are recorded for the next run when every file is
/// in place.
std::optional<std::size_t> intact_pages(state_database& state, const output_folder& folder, std::size_t jobs);

}  // namespace verdict
