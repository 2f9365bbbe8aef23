// verdict review: the panel's review of one or more tools, or one tool's page.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "cli/workspace.hpp"
#include "compare/comparison.hpp"
#include "reports/json/review_json.hpp"
#include "reports/page_renderers.hpp"
#include "reports/text/review_text.hpp"

namespace verdict::cli {
namespace {

// A page shows one tool with its community vote; the votes are read only for pages.
std::string tool_page(const workspace& ws, const tool_review& review, const option_parser& p, context& ctx, exit_code& status) {
    const community_votes votes = load_votes_reporting(ws, p, ctx, status);
    const site_context site = site_context_of(ws, p, ctx, status);
    return render_tool_page(make_page_tool(review, votes, ws.seats->config().community), site, p.format());
}

}  // namespace

exit_code run_review(const std::vector<std::string>& args, context& ctx) {
    option_parser p("review", "[options] (<tool-id>... | --all)",
                    "Reviews tools with the panel: each seat's verdict, score, quote and the reasons behind the score,\n"
                    "then the panel's ship % over the seats that voted. As html or md, one tool's full panel page,\n"
                    "with its community vote and pricing.",
                    ctx);
    p.add()("all", "review every tool of the catalog (text or json)");
    p.add_format({"text", "json", "html", "md"});
    p.add_output();
    p.add_positional("tool-id", "<tool-id>...", "ids of the tools to review (catalog/tools/<id>.json)");
    p.add_persona_options();
    p.add_example("verdict review claw-code", "each seat's verdict, score, quote and reasons on one tool, then the panel's ship %");
    p.add_example("verdict review --all --format json", "every tool's review, as an array of review documents (docs/schema/review.schema.json)");
    p.add_example("verdict review claw-code --format html -o claw-code.html", "the tool's full panel page, written whole or not at all");
    if (auto stop = p.parse(args)) return *stop;
    const bool all = p.values().count("all") > 0;
    const std::size_t ids = p.positionals("tool-id").size();
    const bool page = p.format() == "html" || p.format() == "md";
    if (all == (ids > 0)) {
        report_error(ctx, "expected tool ids or --all, found " + std::string(all ? "both" : "neither") + "; see verdict review --help");
        return exit_code::bad_input;
    }
    if (page && ids != 1) {
        report_error(ctx, "--format " + p.format() + ": expected one tool id, found " + (all ? "--all" : std::to_string(ids)) +
                              "; a page shows one tool");
        return exit_code::bad_input;
    }
    exit_code status = exit_code::ok;
    workspace ws = load_workspace_reporting(p, ctx, status);
    if (!ws.usable()) return status;
    std::vector<tool_review> reviews = review_tools(*ws.seats, chosen_tools(p, ws, ctx, status));
    report_seat_failures(*ws.seats, reviews, ctx, status);
    if (reviews.empty()) return status;
    const std::string out = page ? tool_page(ws, reviews.front(), p, ctx, status) : documents_text(reviews, all || ids > 1, p.format(), review_to_json, write_review_text);
    return worst(status, write_page(p, ctx, out));
}

}  // namespace verdict::cli
