// verdict compare: one comparison page of two catalog tools.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "cli/workspace.hpp"
#include "compare/comparison.hpp"
#include "reports/page_renderers.hpp"

namespace verdict::cli {

exit_code run_compare(const std::vector<std::string>& args, context& ctx) {
    option_parser p("compare", "[options] <tool-id> <tool-id>",
                    "Compares two tools side by side: each tool's panel ship %, community vote and entry price, every\n"
                    "seat's verdict, score and quote on both, the pricing read, the reviewer split, and which one to ship\n"
                    "with, decided by panel ship %, then mean score, then community ship %.",
                    ctx);
    p.add_format(comparison_formats);
    p.add_output();
    p.add_positional("tool-id", "<tool-id> <tool-id>", "the two tools' ids (catalog/tools/<id>.json); the first shows on the left");
    p.add_persona_options();
    p.add_example("verdict compare claw-code modal-gpu-serverless-inference", "the two tools side by side, and which one to ship with");
    p.add_example("verdict compare claw-code modal-gpu-serverless-inference --format html -o compare.html", "the comparison page as HTML");
    if (auto stop = p.parse(args)) return *stop;
    const std::vector<std::string> ids = p.positionals("tool-id");
    if (ids.size() != 2 || ids[0] == ids[1]) {
        report_error(ctx, "expected two different tool ids, found " +
                              (ids.size() == 2 ? "\"" + ids[0] + "\" twice" : std::to_string(ids.size())) + "; see verdict compare --help");
        return exit_code::bad_input;
    }
    exit_code status = exit_code::ok;
    workspace ws = load_workspace_reporting(p, ctx, status);
    if (!ws.usable()) return status;
    const tool* left = find_tool_or_report(ws, p, ids[0], ctx);
    const tool* right = find_tool_or_report(ws, p, ids[1], ctx);
    if (!left || !right) return exit_code::bad_input;
    const std::vector<tool_review> reviews = review_tools(*ws.seats, {left, right});
    report_seat_failures(*ws.seats, reviews, ctx, status);
    const community_votes votes = load_votes_reporting(ws, p, ctx, status);
    const community_rules& rules = ws.seats->config().community;
    const comparison page = compose(make_page_tool(reviews[0], votes, rules), make_page_tool(reviews[1], votes, rules), ws.seats->config());
    const site_context site = site_context_of(ws, p, ctx, status);
    return worst(status, write_page(p, ctx, render_comparison(page, site, p.format())));
}

}  // namespace verdict::cli
