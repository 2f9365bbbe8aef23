// Everything a command works on: the panel configuration, the loaded panel and
// the catalog, loaded once, with every problem found on the way.
#pragma once

#include "catalog/catalog.hpp"
#include "panel/panel.hpp"
#include "panel/panel_config.hpp"
#include "support/problem.hpp"

#include <filesystem>
#include <memory>
#include <optional>

namespace verdict::cli {

struct workspace {
    std::unique_ptr<panel> seats;    ///< Null when the panel configuration has problems.
    catalog tools;                   ///< Empty when the panel configuration has problems.
    problem_list problems;           ///< Bad input found while loading.

    /// A panel to review with and at least one tool to review: otherwise a command has nothing to work on.
    bool usable() const { return seats && !tools.tools.empty(); }
};

/// Whether `catalog_dir` looks like a catalog: a folder holding panel.json or tools/. Otherwise a problem naming it,
/// which suggests --catalog.
bool check_catalog_folder(const std::filesystem::path& catalog_dir, problem_list& problems);

/// Loads `<catalog_dir>/panel.json` and its seats' personas from `persona_dir`, in the host `host` chooses (this
/// process by default); null when the catalog folder or the configuration has problems.
std::unique_ptr<panel> load_panel(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, problem_list& problems,
                                  const host_options& host = {});

/// Loads `<catalog_dir>/panel.json`, its seats' personas from `persona_dir`, and `<catalog_dir>/tools/`. A catalog
/// without a single usable tool is a problem: every command that loads one has nothing to work on.
workspace load_workspace(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, const host_options& host = {});

}  // namespace verdict::cli
