// verdict diff: the whole catalog reviewed under two panel configurations, and
// what changes between them. Exits 1 when a verdict flips, so it can guard a
// change to the rules in CI.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "diff/catalog_diff.hpp"
#include "reports/json/diff_json.hpp"
#include "reports/markdown/diff_markdown.hpp"
#include "reports/text/diff_text.hpp"

#include <algorithm>
#include <sstream>

namespace verdict::cli {

namespace po = boost::program_options;

namespace {

// Each seat id of either panel, once: a tool may name a seat only one side has.
std::vector<std::string> seat_ids_of(const std::vector<std::unique_ptr<panel>>& panels) {
    std::vector<std::string> ids;
    for (const auto& p : panels)
        for (const std::string& id : p->config().seat_ids())
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    return ids;
}

std::string diff_output(const catalog_diff& d, const std::string& format, const std::string& before, const std::string& after) {
    if (format == "json") return dump_json(diff_to_json(d, before, after));
    if (format == "md") return render_diff_markdown(d, before, after);
    std::ostringstream out;
    write_diff_text(out, d, before, after);
    return out.str();
}

}  // namespace

exit_code run_diff(const std::vector<std::string>& args, context& ctx) {
    option_parser p("diff", "[options] --panel OLD.json --panel NEW.json",
                    "Reviews the whole catalog under two panel configurations and lists what changes: every review whose\n"
                    "verdict or score moves (with the rules whose points moved), every tool whose panel ship % moves and\n"
                    "every comparison whose pick moves, counts first. Exits 1 when a verdict flips, 0 when none does.",
                    ctx);
    p.add()("panel", po::value<std::vector<std::string>>()->value_name("FILE"),
            "a panel configuration; give it twice, the old one first (plugin and script paths are relative to each file)");
    p.add_format({"text", "json", "md"});
    p.add_output();
    if (auto stop = p.parse(args)) return *stop;
    const std::vector<std::string> files = p.values().count("panel") ? p.values()["panel"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (files.size() != 2) {
        report_error(ctx, "verdict diff: expected --panel twice (the old configuration, then the new), found it " + std::to_string(files.size()) +
                              " time" + (files.size() == 1 ? "" : "s") + "; see verdict diff --help");
        return exit_code::bad_input;
    }
    exit_code status = exit_code::ok;
    problem_list problems;
    std::vector<std::unique_ptr<panel>> panels;
    for (const std::string& file : files)
        if (auto config = load_panel_config_file(file, ctx.persona_dir, problems)) panels.push_back(std::make_unique<panel>(std::move(*config), problems));
    if (panels.size() != 2) {
        report_problems(problems, ctx, status);
        return exit_code::bad_input;
    }
    const catalog tools = load_catalog(p.catalog_dir(), seat_ids_of(panels), problems);
    const std::vector<comparison_pair> pairs =
        std::filesystem::exists(p.catalog_dir() / "comparisons.json") ? load_comparisons(p.catalog_dir(), tools, problems) : std::vector<comparison_pair>{};
    const community_votes votes = load_votes(p.catalog_dir(), tools, problems);
    report_problems(problems, ctx, status);
    std::vector<std::vector<tool_review>> reviews(2);
    for (std::size_t side = 0; side < 2; ++side) {
        for (const tool& t : tools.tools) reviews[side].push_back(review_tool(*panels[side], t));
        report_seat_failures(reviews[side], ctx, status);
    }
    const catalog_diff d = diff_catalog({reviews[0], panels[0]->config().community}, {reviews[1], panels[1]->config().community}, pairs, votes);
    const exit_code flips = d.flips() > 0 ? exit_code::failed : exit_code::ok;
    return worst(worst(status, flips), write_page(p, ctx, diff_output(d, p.format(), files[0], files[1])));
}

}  // namespace verdict::cli
