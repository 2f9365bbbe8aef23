#include "cli/page_support.hpp"

#include "catalog/comparisons.hpp"
#include "support/atomic_file.hpp"
#include "support/display_text.hpp"
#include "support/file_access.hpp"
#include "support/suggest.hpp"


namespace verdict::cli {

void report_problems(const problem_list& problems, context& ctx, exit_code& status) {
    for (const problem& each : problems) report_error(ctx, to_string(each));
    if (!problems.empty()) status = worst(status, exit_code::bad_input);
}

workspace load_workspace_reporting(const option_parser& p, context& ctx, exit_code& status) {
    workspace ws = load_workspace(p.catalog_dir(), ctx.persona_dir, p.persona_host());
    status = exit_code::ok;
    report_problems(ws.problems, ctx, status);
    return ws;
}

const tool* find_tool_or_report(const workspace& ws, const option_parser& p, const std::string& id, context& ctx) {
    if (const tool* t = ws.tools.find(id)) return t;
    const std::filesystem::path file = p.catalog_dir() / "tools" / (id + ".json");
    const std::string hint = did_you_mean(id, ws.tools.ids());
    if (probe_path(file).kind != path_kind::missing) report_error(ctx, "tool \"" + id + "\" was left out: " + file.generic_string() + " has the problems above");
    else report_error(ctx, "no tool \"" + id + "\" in " + (p.catalog_dir() / "tools").generic_string() + (hint.empty() ? "" : " (" + hint + ")"));
    return nullptr;
}

community_votes load_votes_reporting(const workspace& ws, const option_parser& p, context& ctx, exit_code& status) {
    problem_list problems;
    community_votes votes = load_votes(p.catalog_dir(), ws.tools, problems);
    report_problems(problems, ctx, status);
    return votes;
}

site_settings load_site_settings_reporting(const option_parser& p, context& ctx, exit_code& status) {
    problem_list problems;
    site_settings settings = load_site_settings(p.catalog_dir(), problems);
    report_problems(problems, ctx, status);
    return settings;
}

site_context site_context_of(const workspace& ws, const option_parser& p, context& ctx, exit_code& status) {
    // The comparison list only decides where the page links: its problems are lint's and the batch's to report.
    problem_list ignored;
    const bool listed = probe_path(p.catalog_dir() / "comparisons.json").kind == path_kind::file;
    const std::vector<comparison_pair> pairs = listed ? load_comparisons(p.catalog_dir(), ws.tools, ignored) : std::vector<comparison_pair>{};
    return {load_site_settings_reporting(p, ctx, status), site_links(ws.tools, pairs)};
}

void report_seat_failures(const panel& seats, const std::vector<tool_review>& reviews, context& ctx, exit_code& status) {
    const std::vector<std::string> failures = seat_failures(reviews);
    for (const std::string& failure : failures) report_error(ctx, failure);
    for (const std::string& notice : seats.stop_notices()) report_error(ctx, notice);
    if (!failures.empty()) status = worst(status, exit_code::failed);
    if (!ctx.verbose) return;
    for (const tool_review& r : reviews)
        for (const seat_review& s : r.seats)
            if (s.result && !s.output.empty())
                ctx.err << "verdict: seat " << s.seat << " printed, reviewing " << r.subject->id << ": \"" << printable_text(s.output) << "\"\n";
}

std::vector<tool_review> review_every_tool(const workspace& ws, context& ctx, exit_code& status) {
    std::vector<const tool*> tools;
    for (const tool& t : ws.tools.tools) tools.push_back(&t);
    std::vector<tool_review> reviews = review_tools(*ws.seats, tools);
    report_seat_failures(*ws.seats, reviews, ctx, status);
    return reviews;
}

exit_code write_page(const option_parser& p, context& ctx, const std::string& page) {
    const std::filesystem::path file = p.output();
    if (file.empty()) {
        ctx.out << page;
        return exit_code::ok;
    }
    const std::string error = write_file_atomically(file, page);
    if (error.empty()) return exit_code::ok;
    report_error(ctx, error);
    return exit_code::failed;
}

std::vector<const tool*> chosen_tools(const option_parser& p, const workspace& ws, context& ctx, exit_code& status) {
    std::vector<const tool*> chosen;
    if (p.values().count("all")) {
        for (const tool& t : ws.tools.tools) chosen.push_back(&t);
        return chosen;
    }
    for (const std::string& id : p.positionals("tool-id")) {
        if (const tool* t = find_tool_or_report(ws, p, id, ctx)) chosen.push_back(t);
        else status = exit_code::bad_input;
    }
    return chosen;
}

}  // namespace verdict::cli
