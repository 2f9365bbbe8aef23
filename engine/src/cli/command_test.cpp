// verdict test: every expectation of the fixture files held against what the
// panel says today. Exits 1 on a miss, so a rule change that breaks what an
// editor wrote down fails before it is published.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "cli/workspace.hpp"
#include "fixtures/fixture_check.hpp"
#include "reports/json/fixture_json.hpp"
#include "reports/text/fixture_text.hpp"
#include "support/text_file.hpp"

#include <sstream>

namespace verdict::cli {

exit_code run_test(const std::vector<std::string>& args, context& ctx) {
    option_parser p("test", "[options] [<fixtures.json>...]",
                    "Runs test fixtures: each names a tool (of the catalog, or given inline) and the verdict expected of\n"
                    "some of its seats or of the panel, maybe with a score range. Every expectation is held against the\n"
                    "panel's review; a miss is shown with its receipt, every rule the seat weighed. Without files, runs\n"
                    "every <catalog>/fixtures/*.json. Exits 1 when an expectation misses.",
                    ctx);
    p.add_format({"text", "json"});
    p.add_output();
    p.add_positional("fixtures", "<fixtures.json>...", "fixture files (catalog/schema/fixtures.schema.json)");
    p.add_persona_options();
    p.add_example("verdict test", "every fixture of catalog/fixtures/; exits 1 on a miss, showing its receipt");
    p.add_example("verdict test catalog/fixtures/brief-verdicts.json --format json", "one fixture file, as JSON");
    if (auto stop = p.parse(args)) return *stop;
    exit_code status = exit_code::ok;
    workspace ws = load_workspace_reporting(p, ctx, status);
    if (!ws.usable()) return status;
    std::vector<std::filesystem::path> files;
    for (const std::string& file : p.positionals("fixtures")) files.emplace_back(file);
    problem_list problems;
    if (files.empty()) files = fixture_file_paths(p.catalog_dir(), problems);
    if (!problems.empty()) {
        report_problems(problems, ctx, status);
        return status;
    }
    if (files.empty()) {
        report_error(ctx, "expected fixture files, found none in " + display_path(p.catalog_dir() / "fixtures") + " and none named");
        return exit_code::bad_input;
    }
    std::vector<fixture> fixtures;
    for (const auto& file : files)
        for (fixture& f : load_fixture_file(file, ws.seats->config().seat_ids(), ws.tools, problems)) fixtures.push_back(std::move(f));
    report_problems(problems, ctx, status);
    if (fixtures.empty() && !problems.empty()) return status;   // every file named had problems: nothing ran
    const std::vector<std::unique_ptr<fixture_outcome>> outcomes = run_fixtures(fixtures, *ws.seats, ws.tools);
    std::vector<tool_review> reviews;
    for (const auto& o : outcomes) reviews.push_back(o->review);
    report_seat_failures(*ws.seats, reviews, ctx, status);
    bool missed = false;
    for (const auto& o : outcomes) missed = missed || o->misses() > 0;
    std::ostringstream text;
    if (p.format() == "json") text << dump_json(fixture_run_to_json(outcomes));
    else write_fixture_text(text, outcomes);
    return worst(worst(status, missed ? exit_code::failed : exit_code::ok), write_page(p, ctx, text.str()));
}

}  // namespace verdict::cli
