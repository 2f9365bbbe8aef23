// A catalog as it was at a git revision: the catalog folder and the persona
// scripts its panel seats, taken from the revision into a scratch folder at
// the same places relative to one another, so the old panel file's relative
// paths still resolve. The working tree is never touched.
#pragma once

#include "panel/panel_config.hpp"
#include "support/scratch_folder.hpp"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace verdict {

/// Why a revision's catalog could not be taken: the message names the revision and what git said.
class revision_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The commit `revision` names in the git repository holding `catalog_dir`; nullopt when the folder is in none, or
/// the repository has no such commit (a new one without commits). Cheap, so a caller can tell when the revision moved.
std::optional<std::string> commit_named(const std::filesystem::path& catalog_dir, const std::string& revision);

class revision_catalog {
public:
    /// Takes the folder `catalog_dir`, which must be in a git work tree, as it was at `revision` (anything
    /// `git rev-parse` takes: a branch, a tag, HEAD~1, a commit). Throws revision_error.
    revision_catalog(const std::filesystem::path& catalog_dir, const std::string& revision);

    /// The catalog folder as it was at the revision.
    const std::filesystem::path& catalog_dir() const { return catalog_; }
    /// "HEAD~1 (0551a39)": the revision as given, and the commit it named.
    const std::string& label() const { return label_; }

    /// Takes from the revision each script `config` seats, when the revision has it. Any other seat source the old
    /// panel file names by a path (a plugin: shared libraries are built, not committed) is pointed at the working tree.
    void take_seat_sources(panel_config& config) const;

    /// `text` with each path into the scratch folder shown as git shows a file of a revision: "HEAD~1:scripts/x.lua".
    std::string shown(std::string text) const;

private:
    /// Unpacks `path_in_repository` of the commit into the scratch tree; what git said when the commit has no such path.
    std::optional<std::string> take(const std::string& path_in_repository) const;

    scratch_folder scratch_;
    std::filesystem::path work_tree_;   ///< The repository's top folder.
    std::filesystem::path tree_;        ///< The revision's files, under the scratch folder.
    std::filesystem::path catalog_prefix_;   ///< The catalog folder, relative to the repository's top folder.
    std::filesystem::path catalog_;
    std::string revision_;
    std::string commit_;
    std::string label_;
};

}  // namespace verdict
