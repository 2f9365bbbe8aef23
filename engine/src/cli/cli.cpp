// Dispatch: the first argument names the command; everything after it is the command's own.
#include "cli/command.hpp"

#include "support/suggest.hpp"

namespace verdict::cli {
namespace {

void print_usage(std::ostream& out) {
    out << "usage: verdict <command> [options]\n\n"
           "Reviews catalog tools with a panel of reviewer personas.\n\n"
           "Commands:\n";
    for (const command& c : commands()) out << "  " << c.name << std::string(12 - c.name.size(), ' ') << c.summary << "\n";
    out << "\nRun 'verdict <command> --help' for a command's options.\n"
           "Exit status: 0 success, 1 a review or check failed, 2 bad usage or bad input.\n";
}

}  // namespace

const std::vector<command>& commands() {
    static const std::vector<command> all{
        {"review", "review tools with the panel: each seat's verdict, score, quote and reasons, or a tool's page", run_review},
        {"explain", "show how each seat reached its score: every rule weighed, the running total, the margin", run_explain},
        {"diff", "review the catalog under two rule sets (panel files, or a git revision) and list what changes", run_diff},
        {"stats", "over the catalog: each seat's rates and rules, agreement between seats, Fleiss' kappa, decisive votes", run_stats},
        {"test", "run the test fixtures: the verdicts editors expect of seats and panels, each miss with its receipt", run_test},
        {"compare", "compare two tools side by side and say which one to ship with", run_compare},
        {"index", "write the index page of every comparison and tool", run_index},
        {"batch", "make the whole site: every comparison, tool page and the index, only where inputs changed", run_batch},
        {"serve", "serve the site as a live preview: pages made on request, reloaded as the catalog and personas change", run_serve},
        {"lint", "check the catalog, the panel configuration and every persona; exit 2 on any problem", run_lint},
        {"personas", "list each seat's persona, source file, version and state", run_personas},
    };
    return all;
}

void report_error(context& ctx, const std::string& message) { ctx.err << "verdict: error: " << message << "\n"; }

exit_code run(const std::vector<std::string>& args, context& ctx) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        if (args.size() >= 2 && args[0] == "help") return run({args[1], "--help"}, ctx);
        print_usage(args.empty() ? ctx.err : ctx.out);
        return args.empty() ? exit_code::bad_input : exit_code::ok;
    }
    if (args[0] == "--version") {
        ctx.out << "verdict " << VERDICT_VERSION << "\n";
        return exit_code::ok;
    }
    std::vector<std::string> names;
    for (const command& c : commands()) {
        if (c.name == args[0]) return c.run(std::vector<std::string>(args.begin() + 1, args.end()), ctx);
        names.emplace_back(c.name);
    }
    const std::string hint = did_you_mean(args[0], names);
    report_error(ctx, "unknown command \"" + args[0] + "\"" + (hint.empty() ? "" : " (" + hint + ")") + "; see verdict --help");
    return exit_code::bad_input;
}

}  // namespace verdict::cli
