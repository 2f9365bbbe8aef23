// verdict history: one tool's timeline, as the batch recorded it in the site
// folder's state: every change of a seat's verdict or score, and its cause.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "history/verdict_history.hpp"
#include "reports/history_wording.hpp"
#include "reports/json/history_json.hpp"
#include "reports/json/review_json.hpp"
#include "support/suggest.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <sstream>

namespace verdict::cli {
namespace {

namespace po = boost::program_options;

std::vector<std::string> recorded_tools(state_database& state) {
    std::vector<std::string> ids;
    sqlite_statement query(state.db(), "SELECT DISTINCT tool_id FROM seat_reviews UNION SELECT DISTINCT tool_id FROM history");
    while (query.step()) ids.emplace_back(query.text(0));
    return ids;
}

std::string timeline_text(const std::string& tool_id, const std::vector<recorded_change>& changes) {
    std::ostringstream out;
    out << tool_id << ": " << changes.size() << (changes.size() == 1 ? " change" : " changes") << " of verdict or score"
        << (changes.empty() ? " since the batch first reviewed it" : ", oldest first") << "\n";
    std::int64_t run = -1;
    for (const recorded_change& c : changes) {
        if (c.run != run) {
            run = c.run;
            out << "\nrun " << c.run << (c.run_started.empty() ? "" : " (began " + c.run_started + ")") << ", " << change_label(c) << "\n";
        }
        const std::string cause = change_cause(c);
        out << "  " << change_outcome(c) << (c.change.flipped() ? " (flipped)" : "") << (cause.empty() ? "" : ": " + cause) << "\n";
    }
    return out.str();
}

}  // namespace

exit_code run_history(const std::vector<std::string>& args, context& ctx) {
    option_parser p("history", "[options] <tool-id>",
                    "Prints a tool's timeline: every change of a seat's verdict or score that verdict batch found, oldest\n"
                    "first, with the rule set and the tool's data date it was found under, and its cause: the rules whose\n"
                    "points moved and the facts whose values changed. The history is kept in the site folder's state;\n"
                    "a tool reviewed for the first time has none.",
                    ctx);
    p.add()("out", po::value<std::string>()->default_value("site")->value_name("DIR"), "the batch's output folder, whose state holds the history")
        ("state", po::value<std::string>()->value_name("FILE"), "the state kept outside the folder, as given to verdict batch --state");
    p.add_format({"text", "json"});
    p.add_output();
    p.add_positional("tool-id", "<tool-id>", "id of the tool (catalog/tools/<id>.json)");
    p.add_example("verdict history claw-code", "every change of claw-code's verdicts and scores in site/, with its cause");
    p.add_example("verdict history claw-code --state site-state.sqlite --format json", "the same from a state kept outside the folder, as JSON (docs/schema/history.schema.json)");
    if (auto stop = p.parse(args)) return *stop;
    const std::vector<std::string>& ids = p.positionals("tool-id");
    if (ids.size() != 1) {
        report_error(ctx, "expected one tool id, found " + std::to_string(ids.size()) + "; see verdict history --help");
        return exit_code::bad_input;
    }
    const std::filesystem::path file =
        p.values().count("state") ? std::filesystem::path(p.values()["state"].as<std::string>()) : state_database::file_of(p.values()["out"].as<std::string>());
    std::string why;
    const std::unique_ptr<state_database> state = state_database::open_file_to_read(file, why);
    if (!state) {
        report_error(ctx, why + (p.values().count("state") ? "" : "; run verdict batch first, or give --out or --state"));
        return exit_code::bad_input;
    }
    try {
        if (state->schema_version() < 2) {
            report_error(ctx, display_path(file) + ": expected a state with a history, found one an earlier verdict made; run verdict batch once to add it");
            return exit_code::bad_input;
        }
        const std::vector<std::string> known = recorded_tools(*state);
        if (std::find(known.begin(), known.end(), ids.front()) == known.end()) {
            const std::string hint = did_you_mean(ids.front(), known);
            report_error(ctx, display_path(file) + ": expected a tool the batch reviewed, found no record of \"" + ids.front() + "\"" +
                                  (hint.empty() ? "" : " (" + hint + ")"));
            return exit_code::bad_input;
        }
        const std::vector<recorded_change> changes = timeline_of(*state, ids.front());
        return write_page(p, ctx, p.format() == "json" ? dump_json(history_to_json(ids.front(), changes)) : timeline_text(ids.front(), changes));
    } catch (const sqlite_error& e) {
        report_error(ctx, e.what());
        return e.damaged() ? exit_code::bad_input : exit_code::failed;
    }
}

}  // namespace verdict::cli
