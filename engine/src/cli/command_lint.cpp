// verdict lint: every problem of the catalog, the panel configuration and the
// personas, in one pass. Each working seat reviews every tool, whether or not
// it sits on that tool's panel, so a persona that breaks on some tool is found
// before a maintainer seats it there.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "hosts/lua/script_persona.hpp"

namespace verdict::cli {
namespace {

void review_every_tool(const persona_backend& persona, const settings& s, const catalog& tools, std::vector<std::string>& lines) {
    for (const tool& t : tools.tools) {
        try {
            persona.review_tool(t, s);
        } catch (const host_error& error) {
            lines.push_back(error.what());
        }
    }
}

std::vector<std::string> seat_problems(const workspace& ws) {
    std::vector<std::string> lines;
    for (const seat& s : ws.seats->seats()) {
        if (!s.backend) lines.push_back(s.failure);
        else if (s.failure.empty()) review_every_tool(*s.backend, s.effective, ws.tools, lines);
        // otherwise a bad override, already among the panel file's problems
    }
    return lines;
}

// Scripts named on the command line, seated or not: loaded in a sandbox of their own, with the panel's limits.
std::vector<std::string> script_problems(const std::vector<std::string>& scripts, const workspace& ws) {
    std::vector<std::string> lines;
    const script_limits limits = ws.seats ? ws.seats->config().script_limits_in_force : script_limits{};
    auto engine = std::make_shared<script_engine>();
    for (const std::string& script : scripts) {
        try {
            const auto persona = load_script_persona(script, engine, limits);
            review_every_tool(*persona, persona->defaults(), ws.tools, lines);
        } catch (const host_error& error) {
            lines.push_back(error.what());
        }
    }
    return lines;
}

}  // namespace

exit_code run_lint(const std::vector<std::string>& args, context& ctx) {
    option_parser p("lint", "[options] [<script.lua>...]",
                    "Checks the catalog's tool files, the panel configuration and every seat's persona (loading it and\n"
                    "reviewing every tool with it), and any Lua persona scripts named, seated or not; prints every\n"
                    "problem, and exits 2 if there is any.",
                    ctx);
    p.add_positional("script", "Lua persona scripts to check as well (e.g. scripts/my_persona.lua)");
    if (auto stop = p.parse(args)) return *stop;
    workspace ws = load_workspace(p.catalog_dir(), ctx.persona_dir);
    std::vector<std::string> lines;
    for (const problem& each : ws.problems) lines.push_back(to_string(each));
    if (ws.seats)
        for (std::string& line : seat_problems(ws)) lines.push_back(std::move(line));
    for (std::string& line : script_problems(p.positionals("script"), ws)) lines.push_back(std::move(line));
    for (const std::string& line : lines) ctx.out << line << "\n";
    if (!lines.empty()) {
        ctx.err << "verdict lint: " << lines.size() << (lines.size() == 1 ? " problem\n" : " problems\n");
        return exit_code::bad_input;
    }
    ctx.err << "verdict lint: no problems (" << ws.tools.tools.size() << " tools, " << ws.seats->seats().size() << " seats";
    if (const std::size_t n = p.positionals("script").size(); n > 0) ctx.err << ", " << n << (n == 1 ? " script" : " scripts");
    ctx.err << ")\n";
    return exit_code::ok;
}

}  // namespace verdict::cli
