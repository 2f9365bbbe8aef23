// verdict diff: the whole catalog reviewed under two rule sets, and what
// changes between them. The sides are two panel files over the same catalog,
// or the catalog, its panel and its scripts as they were at a git revision
// against the working tree. Exits 1 when a verdict flips, so it can guard a
// change to the rules in CI.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/page_support.hpp"
#include "diff/catalog_data.hpp"
#include "diff/catalog_diff.hpp"
#include "diff/revision_catalog.hpp"
#include "reports/json/diff_json.hpp"
#include "reports/markdown/diff_markdown.hpp"
#include "reports/text/diff_text.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>

namespace verdict::cli {

namespace po = boost::program_options;

namespace {

// Where one side's rules and catalog come from, and how it is named in the report.
struct side_source {
    std::filesystem::path catalog_dir;
    std::filesystem::path panel_file;
    std::string label;
    const revision_catalog* revision = nullptr;   ///< Set for the side taken from a git revision.

    std::string shown(const std::string& text) const { return revision ? revision->shown(text) : text; }
};

void report_side_problems(const problem_list& problems, const side_source& source, context& ctx, exit_code& status) {
    problem_list shown = problems;
    for (problem& p : shown) p.file = source.shown(p.file);
    report_problems(shown, ctx, status);
}

std::unique_ptr<catalog_data> load_side_data(const side_source& source, const std::vector<std::string>& seat_ids, context& ctx, exit_code& status) {
    problem_list problems;
    auto data = load_catalog_data(source.catalog_dir, seat_ids, problems);
    report_side_problems(problems, source, ctx, status);
    return data;
}

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

// The two sides the options ask for, or nullopt after reporting why they do not make two.
std::optional<std::vector<side_source>> sides_asked(const option_parser& p, std::optional<revision_catalog>& revision, context& ctx) {
    const auto& values = p.values();
    const std::vector<std::string> files = values.count("panel") ? values["panel"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (values.count("against")) {
        if (!files.empty()) {
            report_error(ctx, "expected --panel twice or --against REV, found both; see verdict diff --help");
            return std::nullopt;
        }
        try {
            revision.emplace(p.catalog_dir(), values["against"].as<std::string>());
        } catch (const revision_error& error) {
            report_error(ctx, error.what());
            return std::nullopt;
        } catch (const std::exception& error) {   // no scratch folder, no process: the machine's trouble, not the revision's
            report_error(ctx, "--against " + values["against"].as<std::string>() + ": " + error.what());
            return std::nullopt;
        }
        return std::vector<side_source>{{revision->catalog_dir(), revision->catalog_dir() / "panel.json", revision->label(), &*revision},
                                        {p.catalog_dir(), p.catalog_dir() / "panel.json", "working tree", nullptr}};
    }
    if (files.size() != 2) {
        report_error(ctx, "expected --panel twice (the old configuration, then the new) or --against REV, found --panel " +
                              std::to_string(files.size()) + " time" + (files.size() == 1 ? "" : "s") + "; see verdict diff --help");
        return std::nullopt;
    }
    return std::vector<side_source>{{p.catalog_dir(), files[0], files[0], nullptr}, {p.catalog_dir(), files[1], files[1], nullptr}};
}

}  // namespace

exit_code run_diff(const std::vector<std::string>& args, context& ctx) {
    option_parser p("diff", "[options] --panel OLD.json --panel NEW.json | --against REV",
                    "Reviews the whole catalog under two rule sets and lists what changes: every review whose verdict or\n"
                    "score moves (with the rules whose points moved), every tool whose panel ship % moves and every\n"
                    "comparison whose pick moves, counts first. The rule sets are two panel files over the catalog, or,\n"
                    "with --against, the catalog, its panel.json and the Lua scripts its seats name as they were at a git\n"
                    "revision, against the working tree (stock and other plugins are the ones built now).\n"
                    "Exits 1 when a verdict flips, 0 when none does.",
                    ctx);
    p.add()("panel", po::value<std::vector<std::string>>()->value_name("FILE"),
            "a panel configuration; give it twice, the old one first (plugin and script paths are relative to each file)");
    p.add()("against", po::value<std::string>()->value_name("REV"),
            "compare with the catalog as it was at git revision REV (a branch, tag, HEAD~1 or commit)");
    p.add_format({"text", "json", "md"});
    p.add_output();
    p.add_persona_options();
    p.add_example("verdict diff --against HEAD", "what the edits since the last commit change: every flipped verdict, moved panel % and pick");
    p.add_example("verdict diff --panel catalog/panel.json --panel new-panel.json --format md", "the catalog under two rule sets, as Markdown for a pull request");
    if (auto stop = p.parse(args)) return *stop;
    // Both sides review the catalog: one that is not there is said to be, with --catalog, rather than diffed as empty.
    if (problem_list missing; !check_catalog_folder(p.catalog_dir(), missing)) {
        for (const problem& each : missing) report_error(ctx, to_string(each));
        return exit_code::bad_input;
    }
    std::optional<revision_catalog> revision;
    const auto sources = sides_asked(p, revision, ctx);
    if (!sources) return exit_code::bad_input;

    exit_code status = exit_code::ok;
    std::vector<std::unique_ptr<panel>> panels;
    for (const side_source& source : *sources) {
        problem_list problems;
        auto config = load_panel_config_file(source.panel_file, ctx.persona_dir, problems);
        if (config && source.revision) {
            try {
                source.revision->take_seat_sources(*config);
            } catch (const revision_error& error) {
                report_error(ctx, source.shown(error.what()));
                return exit_code::bad_input;
            } catch (const std::exception& error) {
                report_error(ctx, "--against: " + source.shown(error.what()));
                return exit_code::bad_input;
            }
        }
        if (config) panels.push_back(std::make_unique<panel>(std::move(*config), problems, p.persona_host()));
        report_side_problems(problems, source, ctx, status);
    }
    if (panels.size() != 2) return exit_code::bad_input;

    const std::vector<std::string> seat_ids = seat_ids_of(panels);
    std::vector<std::unique_ptr<catalog_data>> catalogs;
    catalogs.push_back(load_side_data((*sources)[0], seat_ids, ctx, status));
    if ((*sources)[1].catalog_dir != (*sources)[0].catalog_dir) catalogs.push_back(load_side_data((*sources)[1], seat_ids, ctx, status));
    std::vector<std::vector<tool_review>> reviews(2);
    for (std::size_t side = 0; side < 2; ++side) {
        std::vector<const tool*> tools;
        for (const tool& t : catalogs[std::min(side, catalogs.size() - 1)]->tools.tools) tools.push_back(&t);
        reviews[side] = review_tools(*panels[side], tools);
        for (tool_review& r : reviews[side])
            for (seat_review& s : r.seats) s.failure = (*sources)[side].shown(s.failure);
        report_seat_failures(*panels[side], reviews[side], ctx, status);
    }
    const catalog_data& old_data = *catalogs.front();
    const catalog_data& new_data = *catalogs.back();
    const catalog_diff d = diff_catalog({reviews[0], old_data.pairs, old_data.votes, panels[0]->config().community},
                                        {reviews[1], new_data.pairs, new_data.votes, panels[1]->config().community});
    const exit_code flips = d.flips() > 0 ? exit_code::failed : exit_code::ok;
    return worst(worst(status, flips), write_page(p, ctx, diff_output(d, p.format(), (*sources)[0].label, (*sources)[1].label)));
}

}  // namespace verdict::cli
