// git does the reading: `git archive` writes the revision's files as a tar
// file and `tar` unpacks it. Nothing else of the repository is read, and
// nothing is written but the scratch folder. The revision is resolved to its
// commit once, so both steps read the same tree even while a branch moves.
#include "diff/revision_catalog.hpp"

#include "support/child_process.hpp"
#include "support/text_file.hpp"

#include <system_error>

namespace verdict {
namespace {

std::string without_newline(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

// What `program` said, or that it could not be run at all.
std::string says(const std::string& program, const program_result& r) {
    if (r.exit_code == 127 && r.err.empty()) return program + " could not be run (is it installed?)";
    const std::string said = without_newline(r.err.empty() ? r.out : r.err);
    return said.empty() ? program + " exited " + std::to_string(r.exit_code) : said;
}

// git on the repository at `where`, deaf to a GIT_DIR or GIT_WORK_TREE verdict inherited (as in a git hook), and
// taking paths as they are spelt, not as patterns.
program_result git(const std::filesystem::path& where, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"git", "--literal-pathspecs", "-C", where.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, {}, {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR"});
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
}

}  // namespace

std::optional<std::string> commit_named(const std::filesystem::path& catalog_dir, const std::string& revision) {
    if (revision.empty() || revision.front() == '-') return std::nullopt;
    const program_result commit = git(catalog_dir, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"});
    if (commit.exit_code != 0) return std::nullopt;
    return without_newline(commit.out);
}

revision_catalog::revision_catalog(const std::filesystem::path& catalog_dir, const std::string& revision)
    : scratch_("revision"), tree_(scratch_.path() / "tree"), revision_(revision) {
    const std::string where = "revision " + revision + ": ";
    if (revision.empty() || revision.front() == '-') throw revision_error(where + "expected a git revision, found \"" + revision + "\"");
    const program_result top = git(catalog_dir, {"rev-parse", "--show-toplevel", "--show-prefix"});
    if (top.exit_code != 0)
        throw revision_error(where + "expected the catalog folder " + display_path(catalog_dir) + " in a git repository, found: " + says("git", top));
    const std::size_t newline = top.out.find('\n');
    work_tree_ = top.out.substr(0, newline);
    const std::string prefix = without_newline(newline == std::string::npos ? "" : top.out.substr(newline + 1));
    const program_result commit = git(work_tree_, {"rev-parse", "--verify", "--quiet", revision + "^{commit}"});
    if (commit.exit_code != 0) throw revision_error(where + "expected a commit of the catalog's git repository, found nothing named \"" + revision + "\"");
    commit_ = without_newline(commit.out);
    const program_result short_name = git(work_tree_, {"rev-parse", "--short", commit_});
    label_ = revision + " (" + (short_name.exit_code == 0 ? without_newline(short_name.out) : commit_) + ")";
    std::filesystem::create_directories(tree_);
    if (const auto missing = take(prefix.empty() ? "." : prefix))
        throw revision_error(where + "expected the catalog folder " + (prefix.empty() ? std::string(".") : prefix) + " in commit " + commit_ +
                             ", found nothing there (" + *missing + ")");
    catalog_prefix_ = prefix;
    catalog_ = (tree_ / prefix).lexically_normal();
}

std::optional<std::string> revision_catalog::take(const std::string& path_in_repository) const {
    const std::filesystem::path archive = scratch_.path() / "take.tar";
    const program_result packed = git(work_tree_, {"archive", "--format=tar", "-o", archive.string(), commit_, "--", path_in_repository});
    if (packed.exit_code != 0) return says("git", packed);
    const program_result unpacked = run_program({"tar", "-xf", archive.string(), "-C", tree_.string()}, {});
    std::error_code ignored;
    std::filesystem::remove(archive, ignored);
    if (unpacked.exit_code != 0) throw revision_error("revision " + revision_ + ": unpacking " + path_in_repository + ": " + says("tar", unpacked));
    return std::nullopt;
}

void revision_catalog::take_seat_sources(panel_config& config) const {
    for (seat_config& seat : config.seats) {
        if (std::filesystem::path(seat.written).is_absolute()) continue;
        const std::filesystem::path in_repository = (catalog_prefix_ / seat.written).lexically_normal();
        if (seat.source != (tree_ / in_repository).lexically_normal()) continue;   // a stock persona's name: found by the program
        std::error_code ec;
        const bool inside = in_repository.empty() || *in_repository.begin() != "..";
        if (inside && seat.kind == persona_kind::script && !std::filesystem::exists(seat.source, ec)) take(in_repository.generic_string());
        if (!std::filesystem::exists(seat.source, ec)) seat.source = (work_tree_ / in_repository).lexically_normal();
    }
}

std::string revision_catalog::shown(std::string text) const {
    for (const std::string& form : {tree_.generic_string(), display_path(tree_)}) replace_all(text, form + "/", revision_ + ":");
    return text;
}

}  // namespace verdict
