// verdict index: the page listing every comparison of catalog/comparisons.json
// and every tool, each with its panel ship %, linking their pages.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "cli/workspace.hpp"
#include "catalog/comparisons.hpp"
#include "compare/site_index.hpp"
#include "reports/page_renderers.hpp"

namespace verdict::cli {

exit_code run_index(const std::vector<std::string>& args, context& ctx) {
    option_parser p("index", "[options]",
                    "Writes the index page: every comparison listed in catalog/comparisons.json with both tools' panel\n"
                    "ship % and the pick, and every tool, linking compare/<a>-vs-<b>.<ext> and tools/<id>.<ext> as a\n"
                    "site lays them out, relative to the index.",
                    ctx);
    p.add_format(index_formats);
    p.add_output();
    if (auto stop = p.parse(args)) return *stop;
    exit_code status = exit_code::ok;
    workspace ws = load_workspace_reporting(p, ctx, status);
    if (!ws.seats) return status;
    problem_list problems;
    const std::vector<comparison_pair> pairs = load_comparisons(p.catalog_dir(), ws.tools, problems);
    report_problems(problems, ctx, status);
    std::vector<tool_review> reviews;
    reviews.reserve(ws.tools.tools.size());
    for (const tool& t : ws.tools.tools) reviews.push_back(review_tool(*ws.seats, t));
    report_seat_failures(reviews, ctx, status);
    const community_votes votes = load_votes_reporting(ws, p, ctx, status);
    std::vector<page_tool> tools;
    for (const tool_review& r : reviews) tools.push_back(make_page_tool(r, votes, ws.seats->config().community));
    const site_index index = make_index(tools, pairs, ws.seats->config());
    return worst(status, write_page(p, ctx, render_index(index, p.format())));
}

}  // namespace verdict::cli
