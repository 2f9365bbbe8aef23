// What the review and page commands (review, explain, compare, index, test, stats) share: loading
// the workspace, finding tools by id, loading the community vote, reporting
// problems and seats that failed, and writing a page to a file or to standard
// output.
#pragma once

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "community/community_votes.hpp"
#include "panel/tool_review.hpp"
#include "reports/json/review_json.hpp"
#include "reports/site_context.hpp"

#include <sstream>

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

/// The tools asked for, in the order asked, or every tool with --all; an id the catalog lacks is reported with a
/// suggestion, and `status` becomes bad_input.
std::vector<const tool*> chosen_tools(const option_parser& p, const workspace& ws, context& ctx, exit_code& status);

/// The votes under the catalog's votes/; every bad row is reported, and `status` becomes bad_input.
community_votes load_votes_reporting(const workspace& ws, const option_parser& p, context& ctx, exit_code& status);

/// The site settings of `p`'s catalog folder; a problem with them is reported, and `status` becomes bad_input.
site_settings load_site_settings_reporting(const option_parser& p, context& ctx, exit_code& status);

/// The site around a page one command makes: the catalog's site settings and the links of its comparisons, so the
/// page links what the batch's copy of it links.
site_context site_context_of(const workspace& ws, const option_parser& p, context& ctx, exit_code& status);

/// Reports each distinct seat failure once, then why any seat of `seats` was stopped for the rest of the run; `status`
/// becomes at least `failed` when there was a failure.
void report_seat_failures(const panel& seats, const std::vector<tool_review>& reviews, context& ctx, exit_code& status);

/// Every tool of the workspace reviewed by its panel, in catalog order, each seat failure reported.
std::vector<tool_review> review_every_tool(const workspace& ws, context& ctx, exit_code& status);

/// Several documents as one output: as JSON, an array of `to_json` of each (or the one document when `as_array` is
/// false); as text, `write_text` of each in turn, separated by a blank line.
template <class T, class ToJson, class WriteText>
std::string documents_text(const std::vector<T>& items, bool as_array, const std::string& format, ToJson to_json, WriteText write_text) {
    if (format == "json") {
        nlohmann::ordered_json documents = nlohmann::ordered_json::array();
        for (const T& each : items) documents.push_back(to_json(each));
        return dump_json(as_array ? documents : documents.at(0));
    }
    std::ostringstream out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out << "\n\n";
        write_text(out, items[i]);
    }
    return out.str();
}

/// Writes `page` to the -o file (atomically) or to standard output; an unwritable file is reported and fails.
exit_code write_page(const option_parser& p, context& ctx, const std::string& page);

}  // namespace verdict::cli
