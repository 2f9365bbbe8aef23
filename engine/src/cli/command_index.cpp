// verdict index: the site's root page, which lists the categories, or with
// --category a category's page, which lists its comparisons of
// catalog/comparisons.json and its tools, each with its panel ship %.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "cli/workspace.hpp"
#include "catalog/comparisons.hpp"
#include "compare/site_index.hpp"
#include "reports/page_renderers.hpp"
#include "support/suggest.hpp"

namespace verdict::cli {
namespace {

// The category `wanted` names, by its name or its page's slug; null after reporting that there is none.
const site_index::category* find_category_or_report(const site_index& index, const std::string& wanted, const option_parser& p, context& ctx) {
    if (const site_index::category* found = index.find_category(wanted)) return found;
    std::vector<std::string> names;
    for (const site_index::category& c : index.categories) names.push_back(category_title(c));
    const std::string hint = did_you_mean(wanted, names);
    report_error(ctx, "--category: no category \"" + wanted + "\" among the tools of " + (p.catalog_dir() / "tools").generic_string() +
                          (hint.empty() ? "" : " (" + hint + ")") + "; expected the name or slug of one of the index's categories");
    return nullptr;
}

}  // namespace

exit_code run_index(const std::vector<std::string>& args, context& ctx) {
    option_parser p("index", "[options]",
                    "Writes the index page, which lists every category with its counts, linking category/<slug>.<ext>;\n"
                    "or with --category, that category's page: every comparison of catalog/comparisons.json with a tool\n"
                    "in it, with both tools' panel ship % and the pick, and every tool in it, linking\n"
                    "../compare/<a>-vs-<b>.<ext> and ../tools/<id>.<ext> as a site lays them out.",
                    ctx);
    p.add()("category", boost::program_options::value<std::string>()->value_name("NAME"), "a category's page, by its name or slug");
    p.add_format(index_formats);
    p.add_output();
    p.add_persona_options();
    p.add_example("verdict index --format html -o index.html", "the site's front page");
    p.add_example("verdict index --category \"Developer Tools\" --format md", "one category's page, as Markdown");
    if (auto stop = p.parse(args)) return *stop;
    exit_code status = exit_code::ok;
    workspace ws = load_workspace_reporting(p, ctx, status);
    if (!ws.usable()) return status;
    problem_list problems;
    const std::vector<comparison_pair> pairs = load_comparisons(p.catalog_dir(), ws.tools, problems);
    report_problems(problems, ctx, status);
    const std::vector<tool_review> reviews = review_every_tool(ws, ctx, status);
    const community_votes votes = load_votes_reporting(ws, p, ctx, status);
    std::vector<page_tool> tools;
    for (const tool_review& r : reviews) tools.push_back(make_page_tool(r, votes, ws.seats->config().community));
    const site_index index = make_index(tools, pairs, ws.seats->config());
    const site_context site{load_site_settings_reporting(p, ctx, status), site_links(index)};
    if (!p.values().count("category")) return worst(status, write_page(p, ctx, render_index(index, site, p.format())));
    const site_index::category* c = find_category_or_report(index, p.values()["category"].as<std::string>(), p, ctx);
    if (!c) return exit_code::bad_input;
    return worst(status, write_page(p, ctx, render_category_page(index, *c, site, p.format())));
}

}  // namespace verdict::cli
