// verdict review: the panel's review of one or more tools.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "reports/json/review_json.hpp"
#include "reports/text/review_text.hpp"
#include "support/suggest.hpp"

#include <filesystem>
#include <set>

namespace verdict::cli {
namespace {

// The tools asked for, in the order asked; an id the catalog lacks is a usage error with a suggestion.
std::vector<const tool*> chosen_tools(const option_parser& p, const workspace& ws, context& ctx, exit_code& status) {
    std::vector<const tool*> chosen;
    if (p.values().count("all")) {
        for (const tool& t : ws.tools.tools) chosen.push_back(&t);
        return chosen;
    }
    for (const std::string& id : p.positionals("tool-id")) {
        if (const tool* t = ws.tools.find(id)) {
            chosen.push_back(t);
            continue;
        }
        const std::filesystem::path file = p.catalog_dir() / "tools" / (id + ".json");
        const std::string hint = did_you_mean(id, ws.tools.ids());
        if (std::filesystem::exists(file)) report_error(ctx, "tool \"" + id + "\" was left out: " + file.generic_string() + " has the problems above");
        else report_error(ctx, "no tool \"" + id + "\" in " + (p.catalog_dir() / "tools").generic_string() + (hint.empty() ? "" : " (" + hint + ")"));
        status = exit_code::bad_input;
    }
    return chosen;
}

void report_failures(const std::vector<tool_review>& reviews, context& ctx) {
    std::set<std::string> reported;
    for (const tool_review& r : reviews)
        for (const seat_review& s : r.seats)
            if (!s.result && reported.insert(s.failure).second) report_error(ctx, "seat " + s.seat + " failed: " + s.failure);
}

void write_reviews(const std::vector<tool_review>& reviews, bool as_array, const std::string& format, context& ctx) {
    if (format == "json") {
        nlohmann::ordered_json documents = nlohmann::ordered_json::array();
        for (const tool_review& r : reviews) documents.push_back(review_to_json(r));
        ctx.out << dump_json(as_array ? documents : documents.at(0));
        return;
    }
    for (std::size_t i = 0; i < reviews.size(); ++i) {
        if (i > 0) ctx.out << "\n\n";
        write_review_text(ctx.out, reviews[i]);
    }
}

}  // namespace

exit_code run_review(const std::vector<std::string>& args, context& ctx) {
    option_parser p("review", "[options] (<tool-id>... | --all)",
                    "Reviews tools with the panel: each seat's verdict, score, quote and the reasons behind the score,\n"
                    "then the panel's ship % over the seats that voted.",
                    ctx);
    p.add()("all", "review every tool of the catalog");
    p.add_format({"text", "json"});
    p.add_positional("tool-id", "ids of the tools to review (catalog/tools/<id>.json)");
    if (auto stop = p.parse(args)) return *stop;
    const bool all = p.values().count("all") > 0;
    if (all == !p.positionals("tool-id").empty()) {
        report_error(ctx, "verdict review: expected tool ids or --all, found " + std::string(all ? "both" : "neither") + "; see verdict review --help");
        return exit_code::bad_input;
    }
    workspace ws = load_workspace(p.catalog_dir(), ctx.persona_dir);
    for (const problem& each : ws.problems) report_error(ctx, to_string(each));
    exit_code status = ws.problems.empty() ? exit_code::ok : exit_code::bad_input;
    if (!ws.seats) return status;
    std::vector<tool_review> reviews;
    for (const tool* t : chosen_tools(p, ws, ctx, status)) reviews.push_back(review_tool(*ws.seats, *t));
    report_failures(reviews, ctx);
    for (const tool_review& r : reviews)
        if (r.any_failed()) status = worst(status, exit_code::failed);
    const bool as_array = all || p.positionals("tool-id").size() > 1;
    if (as_array || !reviews.empty()) write_reviews(reviews, as_array, p.format(), ctx);
    return status;
}

}  // namespace verdict::cli
