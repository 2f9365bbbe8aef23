// A state kept outside its folder (--state) names the folder it is the state
// of: one state shared by two folders would take each folder's pages for the
// other's stale ones, and delete them.
#include "batch/batch_output.hpp"

#include "support/text_file.hpp"

namespace verdict {
namespace {

std::string absolute_of(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::weakly_canonical(std::filesystem::absolute(dir, ec), ec).generic_string();
}

// Empty when `state` (kept in `file`) may be the state of `dir`, recording `dir` as its folder; otherwise why not.
std::string claim_folder(state_database& state, const std::filesystem::path& file, const std::filesystem::path& dir, bool force) {
    const std::string folder = absolute_of(dir);
    const std::optional<std::string> recorded = state.meta("site_folder");
    if (recorded == folder) return "";
    if (recorded && !force)
        return display_path(file) + " is the state of " + *recorded + ", not of " + folder +
               ": give each site folder a state of its own, or run with --force to make it this folder's (every page is made again)";
    sqlite_transaction t(state.db());
    state.set_meta("site_folder", folder);
    t.commit();
    return "";
}

bool is_there(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

std::filesystem::path state_file_of(const std::filesystem::path& dir, const std::filesystem::path& state_file) {
    return state_file.empty() ? state_database::file_of(dir) : state_file;
}

}  // namespace

batch_output::batch_output(const std::filesystem::path& dir, const std::filesystem::path& state_file, bool force)
    : made_folder(!is_there(dir)), made_state(!is_there(state_file_of(dir, state_file))), folder(dir, state_file_of(dir, state_file), !force) {
    refusal = folder.error();
    cannot_write = folder.cannot_write();
    if (!refusal.empty()) return;
    const std::filesystem::path file = state_file_of(dir, state_file);
    state = state_database::open(dir, file, force, refusal, cannot_write);
    if (!state || state_file.empty()) return;
    try {
        refusal = claim_folder(*state, file, dir, force);
    } catch (const sqlite_error& e) {
        refusal = "cannot record the folder in its state: " + std::string(e.what());
        cannot_write = !e.damaged();
    }
    if (!refusal.empty()) state.reset();
}

void batch_output::discard() {
    // Only a folder this run made: a state begun in an existing folder may hold what it converted from an earlier
    // engine's files, which are gone.
    if (!made_folder) return;
    const std::filesystem::path file = state ? state->file() : std::filesystem::path();
    state.reset();
    if (made_state && !file.empty()) state_database::remove(file);
    std::error_code ec;
    // Each is removed only when empty: whatever else appeared in the folder meanwhile is not the run's to delete.
    for (const std::filesystem::path& made : {folder.dir() / state_folder_name / lock_file_name, folder.dir() / state_folder_name, folder.dir()})
        std::filesystem::remove(made, ec);
}

}  // namespace verdict
