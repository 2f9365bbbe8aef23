// verdict batch: the whole site, made again where its inputs changed.
#include "batch/batch_output.hpp"
#include "batch/batch_run.hpp"
#include "batch/content_hash.hpp"
#include "batch/folder_stamps.hpp"
#include "batch/input_stamps.hpp"
#include "batch/page_inputs.hpp"
#include "batch/pair_record.hpp"
#include "batch/review_records.hpp"
#include "batch/scoped_batch.hpp"
#include "batch/site_tools.hpp"
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "catalog/comparisons.hpp"
#include "reports/page_renderers.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <unistd.h>

namespace verdict::cli {
namespace {

namespace po = boost::program_options;

std::vector<std::string> split_formats(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    return out;
}

// "K/N" with 1 <= K <= N; nullopt when it is not.
std::optional<shard_spec> parse_shard(const std::string& text) {
    std::size_t k = 0, n = 0;
    char slash = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%zu%c%zu%c", &k, &slash, &n, &extra) != 3 || slash != '/' || k < 1 || k > n) return std::nullopt;
    return shard_spec{k, n};
}

// The formats asked for, each one a batch can make; a usage error otherwise.
std::optional<std::vector<std::string>> chosen_formats(const option_parser& p, context& ctx) {
    const std::vector<std::string> formats = split_formats(p.values()["formats"].as<std::string>());
    for (const std::string& f : formats)
        if (f == "text" || std::find(comparison_formats.begin(), comparison_formats.end(), f) == comparison_formats.end()) {
            report_error(ctx, "--formats: expected a comma-separated list of html, md, json, found \"" + f + "\"");
            return std::nullopt;
        }
    if (formats.empty()) report_error(ctx, "--formats: expected at least one of html, md, json");
    return formats.empty() ? std::nullopt : std::optional(formats);
}

void print_summary(const batch_summary& s, double seconds, context& ctx) {
    for (const std::string& failure : s.failures) report_error(ctx, failure);
    char time[32];
    std::snprintf(time, sizeof time, "%.2f s", seconds);
    ctx.out << "verdict batch: " << s.tools_reviewed << " of " << s.tools << (s.tools == 1 ? " tool" : " tools") << " reviewed, " << s.pages << " pages: " << s.written << " written, " << s.unchanged
            << " unchanged, " << s.deleted << " deleted";
    if (s.temporaries_cleared) ctx.out << ", " << s.temporaries_cleared << (s.temporaries_cleared == 1 ? " interrupted write" : " interrupted writes") << " cleared";
    ctx.out << "; " << s.failures.size() << (s.failures.size() == 1 ? " failure" : " failures") << "; " << time << "\n";
}

// Everything besides the input files that the pages depend on: a change to any of it makes every stamp stale.
std::string environment_of(const batch_request& request, const std::filesystem::path& catalog_dir, const std::string& base_url, const context& ctx) {
    content_hash h;
    h.add(VERDICT_VERSION).add(page_renderer_version).add(ctx.persona_dir.generic_string()).add(base_url);
    std::error_code ec;
    h.add(std::filesystem::absolute(catalog_dir, ec).lexically_normal().generic_string());
    for (const std::string& format : request.formats) h.add(format);
    h.add(request.shard ? std::to_string(request.shard->k) + "/" + std::to_string(request.shard->n) : std::string("whole"));
    for (const std::filesystem::path& dir : request.merge_from) h.add(std::filesystem::absolute(dir, ec).lexically_normal().generic_string());
    return h.hex();
}

// The no-op: a folder whose last complete run read exactly these inputs (`recorded`), with every page still in place.
// Its summary counts the tool files and pages as they stand.
std::optional<batch_summary> summary_if_intact(const batch_request& request, batch_output& out, const std::filesystem::path& catalog_dir,
                                               const input_stamps& recorded) {
    const std::optional<std::size_t> pages = intact_pages(*out.state, out.folder, request.jobs);
    if (!pages) return std::nullopt;
    batch_summary same;
    same.pages = same.unchanged = *pages;
    same.tools = tool_file_count(recorded, catalog_dir);
    return same;
}

// The comparisons as the last run resolved them when nothing they follow from has changed; otherwise loaded, each
// category rule's size said before any page is made (unless quiet), and recorded for the next run when they have no
// problem.
std::vector<comparison_pair> comparisons_of(batch_request& request, state_database& state, const std::filesystem::path& catalog_dir, const catalog& tools,
                                            problem_list& problems, std::ostream* say) {
    const std::optional<std::string> key = comparisons_key(catalog_dir, paired_tools(tools));
    if (key && !request.force)
        if (auto recorded = read_pair_record(state, *key, tools.tools.size())) return pairs_in(*recorded, tools);
    const std::size_t before = problems.size();
    const comparison_list list = load_comparison_list(catalog_dir, tools, problems);
    for (const comparison_list::category_rule& rule : list.rules())
        if (say)
            *say << "verdict batch: all_pairs_within \"" << rule.category << "\": " << rule.tools << " tools, " << rule.pairs << " comparisons, "
                 << rule.pairs * request.formats.size() << " pages\n";
    std::vector<comparison_pair> pairs = list.all();
    if (key && problems.size() == before) request.pairs = record_of(*key, pairs, tools);
    return pairs;
}

// Every problem of a catalog that could not be used whole, and the run stopped before it changed anything.
exit_code refuse_fatal(const problem_list& problems, const batch_request& request, context& ctx) {
    for (const problem& each : problems) report_error(ctx, to_string(each));
    report_error(ctx, "stopped before changing anything in " + display_path(request.out_dir) +
                          ": the catalog could not be used whole (see above), and a site made without what could not be used would lose its pages");
    return exit_code::bad_input;
}

double seconds_now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// Locks the output folder and opens its state into `out`. When the folder cannot be used, reports why and returns how
// the run exits: 1 when it could not be made or written to, else 2.
std::optional<exit_code> open_output(const batch_request& request, std::unique_ptr<batch_output>& out, context& ctx) {
    out = std::make_unique<batch_output>(request.out_dir, request.state_file, request.force);
    if (out->refusal.empty()) return std::nullopt;
    report_error(ctx, out->refusal);
    return out->cannot_write ? exit_code::failed : exit_code::bad_input;
}

// The run, with the output folder held and its state open. A run refused before it changes anything leaves a folder
// it made as if it had never run.
exit_code run_in(batch_output& out, batch_request& request, input_stamps& stamps, const std::string& base_url, double start, const option_parser& p,
                 context& ctx) {
    state_database& state = *out.state;
    const std::optional<input_stamps> recorded = request.force ? std::nullopt : read_input_stamps(state);
    if (!request.force) request.held_inputs = &recorded;
    const std::optional<std::vector<std::string>> changed = recorded ? changed_tool_files(*recorded, stamps, p.catalog_dir()) : std::nullopt;
    if (changed && changed->empty())
        if (const auto same = summary_if_intact(request, out, p.catalog_dir(), *recorded)) {
            print_summary(*same, seconds_now() - start, ctx);
            return exit_code::ok;
        }
    // A bad tool file, comparison or vote row spoils only itself: the run goes on, shows a bad tool's problems on its
    // pages, and lists every problem with the failures. Without a usable panel there is nothing to review with, and
    // the run stops (exit 2).
    problem_list problems;
    const std::unique_ptr<panel> seats = load_panel(p.catalog_dir(), ctx.persona_dir, problems, p.persona_host());
    site_settings site = load_site_settings(p.catalog_dir(), problems);
    site.base_url = base_url;
    if (!seats) {
        for (const problem& each : problems) report_error(ctx, to_string(each));
        out.discard();
        return exit_code::bad_input;
    }
    std::vector<std::filesystem::path> read_too;   // the personas' sources, and for a merge the shards' states
    for (const seat_config& seat : seats->config().seats) read_too.push_back(seat.source);
    for (const std::filesystem::path& shard : request.merge_from) read_too.push_back(state_database::file_of(shard));
    stamp_files(read_too, stamps.files);
    verdict_history history(state);
    request.history = &history;
    disk_writer writer;
    auto report = make_progress(ctx.err, ::isatty(STDERR_FILENO) == 1, p.values().count("quiet") > 0, seconds_now);
    auto finish = [&](const batch_summary& summary) {
        if (!summary.refusal.empty()) {
            report_error(ctx, summary.refusal);
            return summary.cannot_write ? exit_code::failed : exit_code::bad_input;
        }
        batch_summary shown = summary;
        std::vector<std::string> input_failures;
        for (const problem& each : problems) input_failures.push_back(to_string(each));
        shown.failures.insert(shown.failures.begin(), input_failures.begin(), input_failures.end());
        for (const std::string& notice : seats->stop_notices()) report_error(ctx, notice);
        print_summary(shown, seconds_now() - start, ctx);
        return shown.failures.empty() ? exit_code::ok : exit_code::failed;
    };
    if (changed && !changed->empty() && problems.empty()) {
        batch_request scoped = request;
        scoped.inputs = stamps;
        if (const auto summary = run_scoped_batch(*seats, site, p.catalog_dir(), *changed, std::move(scoped), out, writer, *report))
            return finish(*summary);
    }
    std::optional<review_records> records = request.force ? std::nullopt : read_review_records(state);

    site_tools tools(*seats, p.catalog_dir(), tool_files_by_id(p.catalog_dir(), problems), records ? &*records : nullptr, stamps.files, request.jobs, &history);
    records.reset();   // the tools hold what they took from it, and the run needs the memory
    problems.insert(problems.end(), tools.problems().begin(), tools.problems().end());
    const std::vector<comparison_pair> pairs = comparisons_of(request, state, p.catalog_dir(), tools.summaries(), problems, p.values().count("quiet") ? nullptr : &ctx.err);
    const community_votes votes = load_votes(p.catalog_dir(), tools.summaries(), problems);
    tools.attach_votes(votes);
    if (any_fatal(problems)) {
        const exit_code refused = refuse_fatal(problems, request, ctx);
        out.discard();
        return refused;
    }
    if (tools.records_changed()) request.reviews = tools.records();
    if (problems.empty()) request.inputs = std::move(stamps);
    return finish(run_batch({seats->config(), site, tools, pairs}, request, out, writer, *report));
}

}  // namespace

exit_code run_batch(const std::vector<std::string>& args, context& ctx) {
    const std::string allow_deletions_help = "delete the pages the catalog no longer makes even when they are many (more than " +
                                             std::to_string(max_unasked_deletions) + ", or a quarter of the site), which otherwise stops the run";
    option_parser p("batch", "[options]",
                    "Makes the whole site in --out: every comparison of catalog/comparisons.json, every tool page, the\n"
                    "category pages and the index, in each format, and with the HTML the search page and its data.\n"
                    "Each tool is reviewed once. Only pages whose inputs changed are made again, and only pages\n"
                    "whose bytes changed are written; pages the catalog no longer lists are\n"
                    "deleted, and nothing the engine did not write is ever touched (the list is the folder's manifest).",
                    ctx);
    p.add()("out", po::value<std::string>()->default_value("site")->value_name("DIR"), "output folder")
        ("formats", po::value<std::string>()->default_value("html,md,json")->value_name("LIST"), "formats to make: html, md, json")
        ("force", "make every page again, write into a folder that has no manifest, and delete what --allow-deletions would")
        ("allow-deletions", allow_deletions_help.c_str())
        ("quiet,q", "print no progress, only the summary and failures")
        ("base-url", po::value<std::string>()->value_name("URL"),
         "the address the site will be published at: pages get canonical links and absolute link previews, and "
         "the site gets sitemap.xml, robots.txt and an Atom feed")
        ("state", po::value<std::string>()->value_name("FILE"),
         "keep the folder's state in FILE (an SQLite database, made when missing) rather than in DIR/.verdict/state.sqlite, so that it "
         "outlives the folder; a state is one folder's, and another folder's is refused")
        ("shard", po::value<std::string>()->value_name("K/N"), "make only shard K of N of the pages, without the index (docs/sharding.md)")
        ("merge", po::value<std::vector<std::string>>()->multitoken()->value_name("DIR..."),
         "assemble --out from the shards' output folders: their pages, the index and one manifest");
    p.add_jobs("rendering threads, and worker processes the personas review in (default: the machine's cores); the output is the same for any N");
    p.add_persona_options(false);
    p.add_example("verdict batch --out site", "the whole site in every format, made again only where inputs changed");
    p.add_example("verdict batch --out site --formats html --base-url https://verdicts.example", "HTML only, with a sitemap, robots.txt and a feed for that address");
    p.add_example("verdict batch --out site --state site-state.sqlite", "the folder's state kept beside it rather than in it: deleting site/ keeps it");
    if (auto stop = p.parse(args)) return *stop;
    const auto formats = chosen_formats(p, ctx);
    if (!formats) return exit_code::bad_input;
    const bool force = p.values().count("force") > 0;
    batch_request request;
    request.out_dir = p.values()["out"].as<std::string>();
    request.formats = *formats;
    request.jobs = p.jobs();
    request.force = force;
    request.allow_deletions = force || p.values().count("allow-deletions") > 0;
    if (p.values().count("shard")) {
        request.shard = parse_shard(p.values()["shard"].as<std::string>());
        if (!request.shard) {
            report_error(ctx, "--shard: expected K/N with 1 <= K <= N, found \"" + p.values()["shard"].as<std::string>() + "\"");
            return exit_code::bad_input;
        }
    }
    if (p.values().count("state")) request.state_file = p.values()["state"].as<std::string>();
    if (p.values().count("merge")) {
        for (const std::string& dir : p.values()["merge"].as<std::vector<std::string>>()) request.merge_from.emplace_back(dir);
        if (request.shard) {
            report_error(ctx, "expected --shard or --merge, found both");
            return exit_code::bad_input;
        }
    }
    std::string base_url;
    if (p.values().count("base-url")) {
        std::string why;
        const auto normalized = normalized_base_url(p.values()["base-url"].as<std::string>(), why);
        if (!normalized) {
            report_error(ctx, "--base-url: expected " + why + ", found \"" + p.values()["base-url"].as<std::string>() + "\"");
            return exit_code::bad_input;
        }
        base_url = *normalized;
    }
    const double start = seconds_now();
    // A catalog the run cannot read whole would make a site without what it could not read: refused before a page
    // is touched. Stamped once, before anything is read: a file changed during the run is seen as changed by the next.
    problem_list unreadable;
    if (!check_catalog_folder(p.catalog_dir(), unreadable)) return refuse_fatal(unreadable, request, ctx);
    input_stamps stamps{environment_of(request, p.catalog_dir(), base_url, ctx), stamp_catalog(p.catalog_dir(), request.jobs, unreadable)};
    if (!unreadable.empty()) return refuse_fatal(unreadable, request, ctx);
    if (tool_file_count(stamps, p.catalog_dir()) == 0) return refuse_fatal({no_usable_tools(p.catalog_dir(), {})}, request, ctx);
    std::unique_ptr<batch_output> out;
    if (const auto refused = open_output(request, out, ctx)) return *refused;
    try {
        return run_in(*out, request, stamps, base_url, start, p, ctx);
    } catch (const sqlite_error& e) {
        // Damage deep in the file shows only when that part is read.
        report_error(ctx, std::string(e.what()) +
                              (e.damaged() ? ": run with --force to set the state aside and begin a new one (every page is made again)" : ""));
        return e.damaged() ? exit_code::bad_input : exit_code::failed;
    }
}

}  // namespace verdict::cli
