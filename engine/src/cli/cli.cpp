// Dispatch: the first argument names the command; everything after it is the command's own.
#include "cli/command.hpp"

#include "cli/completion_scripts.hpp"
#include "cli/help_text.hpp"
#include "cli/manual_page.hpp"
#include "support/suggest.hpp"

namespace verdict::cli {
namespace {

constexpr std::size_t command_column = 14;   // where a command's summary starts in the usage

void print_usage(std::ostream& out) {
    const std::size_t width = help_width();
    out << "usage: verdict <command> [options]\n       verdict help <command>\n\n" << wrap_words(program_description(), width) << "\nCommands:\n";
    for (const command& c : commands()) {
        const std::string name = "  " + std::string(c.name);
        out << name << wrap_words(c.summary, width, command_column).substr(name.size());
    }
    out << "\n" << wrap_words("Run 'verdict help <command>' (or 'verdict <command> --help') for a command's options and examples.", width)
        << "\nExit status:\n";
    for (const auto& [status, meaning] : exit_statuses()) out << "  " << status << wrap_words(meaning, width, 5).substr(3);
}

}  // namespace

std::string_view program_description() {
    return "Reviews catalog tools with a panel of reviewer personas (C++ plugins or Lua scripts), aggregates their "
           "ship or skip into panel verdicts, and makes side-by-side comparison pages and the site around them.";
}

const std::vector<std::pair<std::string_view, std::string_view>>& exit_statuses() {
    static const std::vector<std::pair<std::string_view, std::string_view>> all{
        {"0", "success."},
        {"1", "a review, a check or a write failed: a persona threw, crashed, hung or returned an invalid review (its seat "
              "shows as failed and the rest of the panel still reviews), a fixture missed, a verdict flipped under diff, or "
              "an output could not be written."},
        {"2", "bad usage or bad input: an unknown command or option, a bad option value, a missing or damaged catalog, a "
              "panel or tool file problem, an unknown tool id. Nothing is written."},
    };
    return all;
}

std::string_view error_convention() {
    return "Every error is one line on standard error, \"verdict: error: \", then the file or folder concerned (with the "
           "JSON pointer or the line in it), what was expected, what was found, and where it helps, what to do: a "
           "suggestion for a misspelt name, --catalog for a missing catalog, --help for a bad option.";
}

const std::vector<command>& commands() {
    static const std::vector<command> all{
        {"init", "write a new catalog to start from: the stock panel, example tools, site settings, a README", run_init},
        {"review", "review tools with the panel: each seat's verdict, score, quote and reasons, or a tool's page", run_review},
        {"explain", "show how each seat reached its score: every rule weighed, the running total, the margin", run_explain},
        {"diff", "review the catalog under two rule sets (panel files, or a git revision) and list what changes", run_diff},
        {"stats", "over the catalog: each seat's rates and rules, agreement between seats, Fleiss' kappa, decisive votes", run_stats},
        {"test", "run the test fixtures: the verdicts editors expect of seats and panels, each miss with its receipt", run_test},
        {"compare", "compare two tools side by side and say which one to ship with", run_compare},
        {"index", "write the site's front page, which lists the categories, or with --category one category's page", run_index},
        {"history", "show a tool's timeline: every change of its verdicts and scores the batch found, and the cause", run_history},
        {"batch", "make the whole site: every comparison, tool and category page, the index and the search, only where inputs changed", run_batch},
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
    // Never typed by a user: the build writes the manual page and the completion scripts with these.
    if (args[0] == "__manual") return write_manual_page(ctx);
    if (args[0] == "__completions" && args.size() == 2) return write_completion_script(args[1], ctx);
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
