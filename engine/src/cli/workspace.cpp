// The catalog is validated against the panel's seat ids, so the panel comes first;
// without a usable panel there is nothing to review with, and loading stops there.
#include "cli/workspace.hpp"

namespace verdict::cli {

workspace load_workspace(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir) {
    workspace ws;
    auto config = load_panel_config(catalog_dir, persona_dir, ws.problems);
    if (!config) return ws;
    const std::vector<std::string> seat_ids = config->seat_ids();
    ws.seats = std::make_unique<panel>(std::move(*config), ws.problems);
    ws.tools = load_catalog(catalog_dir, seat_ids, ws.problems);
    return ws;
}

}  // namespace verdict::cli
