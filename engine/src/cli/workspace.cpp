// The catalog is validated against the panel's seat ids, so the panel comes first;
// without a usable panel there is nothing to review with, and loading stops there.
#include "cli/workspace.hpp"

namespace verdict::cli {

std::unique_ptr<panel> load_panel(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir, problem_list& problems) {
    auto config = load_panel_config(catalog_dir, persona_dir, problems);
    return config ? std::make_unique<panel>(std::move(*config), problems) : nullptr;
}

workspace load_workspace(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir) {
    workspace ws;
    ws.seats = load_panel(catalog_dir, persona_dir, ws.problems);
    if (ws.seats) ws.tools = load_catalog(catalog_dir, ws.seats->config().seat_ids(), ws.problems);
    return ws;
}

}  // namespace verdict::cli
