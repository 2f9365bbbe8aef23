// What the review and page commands (review, compare, index) share: loading
// the workspace, finding tools by id, loading the community vote, reporting
// problems and seats that failed, and writing a page to a file or to standard
// output.
#pragma once

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "community/community_votes.hpp"
#include "panel/tool_review.hpp"

#include <string>
#include <vector>

namespace verdict::cli {

/// Reports each problem; `status` becomes bad_input when there is one.
void report_problems(const problem_list& problems, context& ctx, exit_code& status);

/// The panel and catalog of `p`'s catalog folder, every problem reported; `status` is bad_input after any problem,
/// else ok. Without a usable panel, `seats` is null and the command has nothing to review with.
workspace load_workspace_reporting(const option_parser& p, context& ctx, exit_code& status);

/// The tool `id`, or null after reporting that the catalog lacks it (with a suggestion) or left it out.
const tool* find_tool_or_report(const workspace& ws, const option_parser& p, const std::string& id, context& ctx);

/// The votes under the catalog's votes/; every bad row is reported, and `status` becomes bad_input.
community_votes load_votes_reporting(const workspace& ws, const option_parser& p, context& ctx, exit_code& status);

/// Reports each distinct seat failure once; `status` becomes at least `failed` when there was one.
void report_seat_failures(const std::vector<tool_review>& reviews, context& ctx, exit_code& status);

/// Writes `page` to the -o file (atomically) or to standard output; an unwritable file is reported and fails.
exit_code write_page(const option_parser& p, context& ctx, const std::string& page);

}  // namespace verdict::cli
