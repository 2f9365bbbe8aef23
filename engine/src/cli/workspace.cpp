// The catalog is validated against the panel's seat ids, so the panel comes first;
// without a usable panel there is nothing to review with, and loading stops there.
#include "cli/workspace.hpp"

#include "support/file_access.hpp"
#include "support/text_file.hpp"

namespace verdict::cli {

bool check_catalog_folder(const std::filesystem::path& catalog_dir, problem_list& problems) {
    const path_state state = probe_path(catalog_dir);
    std::string found = found_at(state, true);
    if (state.kind == path_kind::folder) {
        const path_kind panel = probe_path(catalog_dir / "panel.json").kind;
        const path_kind tools = probe_path(catalog_dir / "tools").kind;
        if (panel != path_kind::missing || tools != path_kind::missing) return true;
        found = "a folder with neither";
    }
    problem p = unreadable_problem(catalog_dir, "a catalog folder (panel.json, tools/)", std::move(found));
    p.hint = "give the catalog's folder with --catalog DIR";
    problems.push_back(std::move(p));
    return false;
}

std::unique_ptr<panel> load_panel(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, problem_list& problems,
                                  const host_options& host) {
    if (!check_catalog_folder(catalog_dir, problems)) return nullptr;
    auto config = load_panel_config(catalog_dir, persona_dir, problems);
    return config ? std::make_unique<panel>(std::move(*config), problems, host) : nullptr;
}

workspace load_workspace(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, const host_options& host) {
    workspace ws;
    ws.seats = load_panel(catalog_dir, persona_dir, ws.problems, host);
    if (!ws.seats) return ws;
    ws.tools = load_catalog(catalog_dir, ws.seats->config().seat_ids(), ws.problems);
    if (ws.tools.tools.empty() && !any_fatal(ws.problems)) ws.problems.push_back(no_usable_tools(catalog_dir, ws.tools));
    return ws;
}

}  // namespace verdict::cli
