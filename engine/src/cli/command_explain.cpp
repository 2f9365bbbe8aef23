// verdict explain: how each seat reached its score on a tool, rule by rule.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "cli/workspace.hpp"
#include "explain/score_walk.hpp"
#include "reports/json/explain_json.hpp"
#include "reports/text/explain_text.hpp"
#include "support/suggest.hpp"

namespace verdict::cli {

namespace po = boost::program_options;

exit_code run_explain(const std::vector<std::string>& args, context& ctx) {
    option_parser p("explain", "[options] (<tool-id>... | --all)",
                    "Explains each seat's review of a tool: every rule its persona weighed, fired or not, with the fact\n"
                    "it read and that fact's value, the points it gave and the running total from the base to the score;\n"
                    "then the threshold and the margin, the points the score stands above it (or lacks) before the\n"
                    "verdict flips.",
                    ctx);
    p.add()("all", "explain every tool of the catalog")
        ("persona", po::value<std::string>()->value_name("SEAT"), "explain only this seat (its id in panel.json)");
    p.add_format({"text", "json"});
    p.add_output();
    p.add_positional("tool-id", "<tool-id>...", "ids of the tools to explain (catalog/tools/<id>.json)");
    p.add_persona_options();
    p.add_example("verdict explain claw-code --persona skeptic", "every rule the skeptic weighed on the tool, the running total and the margin to its threshold");
    if (auto stop = p.parse(args)) return *stop;
    const bool all = p.values().count("all") > 0;
    const std::size_t ids = p.positionals("tool-id").size();
    if (all == (ids > 0)) {
        report_error(ctx, "expected tool ids or --all, found " + std::string(all ? "both" : "neither") + "; see verdict explain --help");
        return exit_code::bad_input;
    }
    exit_code status = exit_code::ok;
    workspace ws = load_workspace_reporting(p, ctx, status);
    if (!ws.usable()) return status;
    std::optional<std::string> seat;
    if (p.values().count("persona")) {
        seat = p.values()["persona"].as<std::string>();
        if (!ws.seats->config().find(*seat)) {
            const std::string hint = did_you_mean(*seat, ws.seats->config().seat_ids());
            report_error(ctx, "--persona: expected a seat of " + ws.seats->config().file + ", found \"" + *seat + "\"" +
                                  (hint.empty() ? "" : " (" + hint + ")"));
            return exit_code::bad_input;
        }
    }
    const std::vector<const tool*> chosen = chosen_tools(p, ws, ctx, status);
    std::vector<tool_review> reviews = review_tools(*ws.seats, chosen);
    // A seat asked for by name is explained on every tool, sitting there or not: a maintainer trying a new persona
    // wants to see how it would review a tool whose own seat list lacks it. Its review joins the explanation only;
    // the panel's verdict stays the one of the seats that sit.
    if (seat)
        for (tool_review& r : reviews)
            if (add_unseated_review(*ws.seats, r, *seat))
                ctx.err << "verdict: note: seat " << *seat << " does not sit on " << r.subject->id << "'s panel, so its verdict there "
                        << "does not count; this is how it would review it (seat it in the tool's \"seats\" or panel.json's \"default_seats\")\n";
    report_seat_failures(*ws.seats, reviews, ctx, status);
    if (reviews.empty() && !all) return status;
    std::vector<tool_explanation> explanations;
    for (const tool_review& r : reviews) explanations.push_back(explain(r, *ws.seats, seat));
    return worst(status, write_page(p, ctx, documents_text(explanations, all || ids > 1, p.format(), explanation_to_json, write_explanation_text)));
}

}  // namespace verdict::cli
