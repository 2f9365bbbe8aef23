// A catalog's schema/ folder holds copies of the schemas the engine applies,
// for editors' tools (a JSON language server checking a file as it is typed).
// The engine never reads them: it applies the schemas it was built with. A
// copy that says otherwise would have an editor's tool pass a file that lint
// then refuses, or the other way round, so lint holds the copies to them.
#pragma once

#include "support/problem.hpp"

#include <filesystem>

namespace verdict {

/// Checks `<catalog_dir>/schema/`, when there is one: a readable folder whose `*.json` files are readable JSON, and
/// whose copies of the engine's schemas (tool, panel, comparisons and fixtures `.schema.json`) are the ones the
/// engine applies.
void check_schema_copies(const std::filesystem::path& catalog_dir, problem_list& problems);

}  // namespace verdict
