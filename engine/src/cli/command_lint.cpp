// verdict lint: every problem of the catalog, the panel configuration and the
// personas, in one pass. Each working seat reviews every tool, whether or not
// it sits on that tool's panel, so a persona that breaks on some tool is found
// before a maintainer seats it there.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"

namespace verdict::cli {
namespace {

std::vector<std::string> seat_problems(const workspace& ws) {
    std::vector<std::string> lines;
    for (const seat& s : ws.seats->seats()) {
        if (!s.backend) {
            lines.push_back(s.failure);
            continue;
        }
        if (!s.failure.empty()) continue;   // a bad override, already among the panel file's problems
        for (const tool& t : ws.tools.tools) {
            try {
                s.backend->review_tool(t, s.effective);
            } catch (const host_error& error) {
                lines.push_back(error.what());
            }
        }
    }
    return lines;
}

}  // namespace

exit_code run_lint(const std::vector<std::string>& args, context& ctx) {
    option_parser p("lint", "[options]",
                    "Checks the catalog's tool files, the panel configuration and every seat's persona (loading it and\n"
                    "reviewing every tool with it), prints every problem, and exits 2 if there is any.",
                    ctx);
    if (auto stop = p.parse(args)) return *stop;
    workspace ws = load_workspace(p.catalog_dir(), ctx.persona_dir);
    std::vector<std::string> lines;
    for (const problem& each : ws.problems) lines.push_back(to_string(each));
    if (ws.seats)
        for (std::string& line : seat_problems(ws)) lines.push_back(std::move(line));
    for (const std::string& line : lines) ctx.out << line << "\n";
    if (!lines.empty()) {
        ctx.err << "verdict lint: " << lines.size() << (lines.size() == 1 ? " problem\n" : " problems\n");
        return exit_code::bad_input;
    }
    ctx.err << "verdict lint: no problems (" << ws.tools.tools.size() << " tools, " << ws.seats->seats().size() << " seats)\n";
    return exit_code::ok;
}

}  // namespace verdict::cli
