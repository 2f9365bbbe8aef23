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

}  // namespace

batch_output::batch_output(const std::filesystem::path& dir, const std::filesystem::path& state_file, bool force)
    : folder(dir, state_file.empty() ? state_database::file_of(dir) : state_file, !force) {
    refusal = folder.error();
    cannot_write = folder.cannot_write();
    if (!refusal.empty()) return;
    const std::filesystem::path file = state_file.empty() ? state_database::file_of(dir) : state_file;
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

}  // namespace verdict
