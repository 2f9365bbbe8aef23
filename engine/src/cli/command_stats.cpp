// verdict stats: how the panel behaves across the whole catalog, for a
// maintainer deciding whether a rule or a persona earns its place.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "cli/workspace.hpp"
#include "reports/json/stats_json.hpp"
#include "reports/text/stats_text.hpp"
#include "stats/catalog_stats.hpp"

#include <sstream>

namespace verdict::cli {

exit_code run_stats(const std::vector<std::string>& args, context& ctx) {
    option_parser p("stats", "[options]",
                    "Reviews the whole catalog and reports, per seat: how often it ships, skips, abstains and fails, its\n"
                    "mean score, how often each rule of its persona is weighed and fires and the points it gives, the\n"
                    "rules that never fire, and how often its vote decides the panel's majority; then how often each\n"
                    "pair of seats agrees, and Fleiss' kappa over the counting seats' votes. Shadow seats are included\n"
                    "but never counted in the kappa or the majority.",
                    ctx);
    p.add_format({"text", "json"});
    p.add_output();
    p.add_persona_options();
    p.add_example("verdict stats", "each seat's rates and rules over the catalog, agreement between seats, Fleiss' kappa");
    if (auto stop = p.parse(args)) return *stop;
    exit_code status = exit_code::ok;
    workspace ws = load_workspace_reporting(p, ctx, status);
    if (!ws.usable()) return status;
    const catalog_stats stats = compute_stats(review_every_tool(ws, ctx, status), *ws.seats);
    std::ostringstream text;
    if (p.format() == "json") text << dump_json(stats_to_json(stats));
    else write_stats_text(text, stats);
    return worst(status, write_page(p, ctx, text.str()));
}

}  // namespace verdict::cli
