// verdict lint: every problem of the catalog, the panel configuration and the
// personas, in one pass, and warnings that do not fail it (a tool seated with
// the wrong reader for its audience). Each working seat reviews every tool, whether or not
// it sits on that tool's panel, so a persona that breaks on some tool is found
// before a maintainer seats it there.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "catalog/comparisons.hpp"
#include "catalog/schema_copies.hpp"
#include "catalog/site_settings.hpp"
#include "community/community_votes.hpp"
#include "fixtures/fixture.hpp"
#include "panel/seat_fit.hpp"
#include "panel/tool_review.hpp"

#include <optional>

namespace verdict::cli {
namespace {

// Every failure of every seat of `seats` on every tool, whether or not the seat sits on that tool's panel. A seat
// that cannot review at all is said once: its persona's load failure, or nothing for a bad override, which is among
// the panel file's problems already.
void seat_problems(const panel& seats, const catalog& tools, std::vector<std::string>& lines) {
    for (const seat& s : seats.seats())
        if (!s.loaded) lines.push_back(s.failure);
    std::vector<const tool*> all;
    for (const tool& t : tools.tools) all.push_back(&t);
    for (const tool_review& r : review_tools(seats, all, true))
        for (std::size_t k = 0; k < r.seats.size(); ++k)
            if (!r.seats[k].result && seats.seats()[k].failure.empty()) lines.push_back(r.seats[k].failure);
    for (std::string& notice : seats.stop_notices()) lines.push_back(std::move(notice));
}

// Scripts named on the command line, seated or not: a panel of their own, each under the panel's limits and its
// persona's defaults.
void script_problems(const std::vector<std::string>& scripts, const workspace& ws, const host_options& host, std::vector<std::string>& lines) {
    if (scripts.empty()) return;
    panel_config named;
    named.file = "the command line";
    for (const std::string& script : scripts) {
        seat_config seat;
        seat.id = std::filesystem::path(script).stem().string();
        seat.kind = persona_kind::script;
        seat.written = script;
        seat.source = script;
        seat.limits = ws.seats ? ws.seats->config().script_limits_in_force : script_limits{};
        named.seats.push_back(std::move(seat));
    }
    problem_list ignored;   // named scripts have no overrides to be wrong about
    seat_problems(panel(std::move(named), ignored, host), ws.tools, lines);
}

// The data the panel's reviews do not read: the comparisons to make, the community votes, the test fixtures, and the
// copies of the schemas editors check their files with. Harmless findings go to `notes`; returns how many comparisons
// the catalog makes, counted without making them.
std::size_t check_page_data(const std::filesystem::path& catalog_dir, const workspace& ws, std::vector<std::string>& lines,
                            std::vector<std::string>& notes) {
    problem_list problems;
    problem_list harmless;
    const std::size_t comparisons = load_comparison_list(catalog_dir, ws.tools, problems, &harmless).size();
    load_votes(catalog_dir, ws.tools, problems);
    load_site_settings(catalog_dir, problems);
    for (const auto& file : fixture_file_paths(catalog_dir, problems)) load_fixture_file(file, ws.seats->config().seat_ids(), ws.tools, problems);
    check_schema_copies(catalog_dir, problems);
    for (const problem& each : problems) lines.push_back(to_string(each));
    for (const problem& each : harmless) notes.push_back(to_string(each));
    return comparisons;
}

// ", 1 warning", ", 3 notes", or nothing for none.
std::string counted(std::size_t n, const std::string& what) {
    return n == 0 ? "" : ", " + std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

}  // namespace

exit_code run_lint(const std::vector<std::string>& args, context& ctx) {
    option_parser p("lint", "[options] [<script.lua>...]",
                    "Checks the catalog's tool files, the panel configuration, every seat's persona (loading it and\n"
                    "reviewing every tool with it), comparisons.json, the vote exports in votes/, the test fixtures in\n"
                    "fixtures/, and any Lua persona scripts named, seated or not; prints every problem, and exits 2 if\n"
                    "there is any.",
                    ctx);
    p.add_positional("script", "<script.lua>...", "Lua persona scripts to check as well (e.g. scripts/my_persona.lua)");
    p.add_persona_options();
    p.add_example("verdict lint", "every problem of the catalog, the panel and the seated personas");
    p.add_example("verdict lint scripts/my_persona.lua", "a new Lua persona too, before it sits anywhere");
    if (auto stop = p.parse(args)) return *stop;
    workspace ws = load_workspace(p.catalog_dir(), ctx.persona_dir, p.persona_host());
    std::vector<std::string> lines;
    std::vector<std::string> notes;
    std::size_t comparisons = 0;
    for (const problem& each : ws.problems) lines.push_back(to_string(each));
    if (ws.seats) seat_problems(*ws.seats, ws.tools, lines);
    if (ws.seats) comparisons = check_page_data(p.catalog_dir(), ws, lines, notes);
    script_problems(p.positionals("script"), ws, p.persona_host(), lines);
    const problem_list warnings = ws.seats ? seat_fit_warnings(*ws.seats, ws.tools, p.catalog_dir()) : problem_list{};
    for (const std::string& line : lines) ctx.out << line << "\n";
    for (const problem& warning : warnings) ctx.out << "warning: " << to_string(warning) << "\n";
    for (const std::string& note : notes) ctx.out << "note: " << note << "\n";
    const std::string noted = counted(warnings.size(), "warning") + counted(notes.size(), "note");
    if (!lines.empty()) {
        ctx.err << "verdict lint: " << lines.size() << (lines.size() == 1 ? " problem" : " problems") << noted << "\n";
        return exit_code::bad_input;
    }
    ctx.err << "verdict lint: no problems (" << ws.tools.tools.size() << " tools, " << ws.seats->seats().size() << " seats, " << comparisons
            << (comparisons == 1 ? " comparison" : " comparisons");
    if (const std::size_t n = p.positionals("script").size(); n > 0) ctx.err << ", " << n << (n == 1 ? " script" : " scripts");
    ctx.err << ")" << noted << "\n";
    return exit_code::ok;
}

}  // namespace verdict::cli
