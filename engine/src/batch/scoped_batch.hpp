// A batch run after only some tool files changed: it makes the pages those
// tools reach (tool_scope.hpp) from the tools those pages show, and takes the
// rest of the site as the last run left it.
//
// It runs only when the last run left all it needs, and the change keeps the
// site's shape: every page in place, every tool file recorded and reviewed
// without a failure, the pairs recorded, and each changed tool still readable,
// with its id, category and date. Otherwise it writes nothing, and the caller
// runs the whole batch.
#pragma once

#include "batch/batch_run.hpp"
#include "panel/panel.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// Runs `request` (whose inputs are stamped) over the scope of `changed` tool files of `catalog_dir`, with what the last
/// run recorded in `out`'s state; nullopt, with nothing written, when the last run did not leave what a scoped run needs.
std::optional<batch_summary> run_scoped_batch(const panel& seats, const site_settings& site, const std::filesystem::path& catalog_dir,
                                              const std::vector<std::string>& changed, batch_request request, batch_output& out, file_writer& writer,
                                              progress& report);

}  // namespace verdict
