#include "cli/page_support.hpp"

#include "support/atomic_file.hpp"
#include "support/suggest.hpp"

#include <set>

namespace verdict::cli {

const tool* find_tool_or_report(const workspace& ws, const option_parser& p, const std::string& id, context& ctx) {
    if (const tool* t = ws.tools.find(id)) return t;
    const std::filesystem::path file = p.catalog_dir() / "tools" / (id + ".json");
    const std::string hint = did_you_mean(id, ws.tools.ids());
    if (std::filesystem::exists(file)) report_error(ctx, "tool \"" + id + "\" was left out: " + file.generic_string() + " has the problems above");
    else report_error(ctx, "no tool \"" + id + "\" in " + (p.catalog_dir() / "tools").generic_string() + (hint.empty() ? "" : " (" + hint + ")"));
    return nullptr;
}

community_votes load_votes_reporting(const workspace& ws, const option_parser& p, context& ctx, exit_code& status) {
    problem_list problems;
    community_votes votes = load_votes(p.catalog_dir(), ws.tools, problems);
    for (const problem& each : problems) report_error(ctx, to_string(each));
    if (!problems.empty()) status = worst(status, exit_code::bad_input);
    return votes;
}

void report_seat_failures(const std::vector<tool_review>& reviews, context& ctx, exit_code& status) {
    std::set<std::string> reported;
    for (const tool_review& r : reviews) {
        if (r.any_failed()) status = worst(status, exit_code::failed);
        for (const seat_review& s : r.seats)
            if (!s.result && reported.insert(s.failure).second) report_error(ctx, "seat " + s.seat + " failed: " + s.failure);
    }
}

exit_code write_page(const option_parser& p, context& ctx, const std::string& page) {
    const std::filesystem::path file = p.output();
    if (file.empty()) {
        ctx.out << page;
        return exit_code::ok;
    }
    const std::string error = write_file_atomically(file, page);
    if (error.empty()) return exit_code::ok;
    report_error(ctx, "verdict " + p.name() + ": " + error);
    return exit_code::failed;
}

}  // namespace verdict::cli
