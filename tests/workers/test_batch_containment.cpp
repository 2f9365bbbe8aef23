// `verdict batch` with a hostile seat: the run finishes, every page is
// written (the failed seat shows failed on its tools' pages), the summary
// counts the failures, and the pages that do not involve the seat are the
// bytes a run without it writes.
//
// Pages are compared by file list with a run without the hostile seat. The
// output folder's own bookkeeping (.verdict-*) is left out of the lists: it
// records what the run did (the reviews, and the input stamps that only a run
// without failures leaves, so that the next run reviews again), not the site.
#include "workers/worker_test_support.hpp"

#include "support/generated_catalog.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <set>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Every page under `dir`, by path relative to it, without the folder's bookkeeping.
std::set<std::string> pages_in(const fs::path& dir) {
    std::set<std::string> pages;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && !entry.path().lexically_relative(dir).generic_string().starts_with(".verdict/"))
            pages.insert(entry.path().lexically_relative(dir).generic_string());
    return pages;
}

// The number before `what` in the batch's summary line, or -1.
long summary_count(const std::string& out, const std::string& what) {
    std::smatch match;
    if (!std::regex_search(out, match, std::regex("([0-9]+) " + what))) return -1;
    return std::stol(match[1]);
}

test::timed_run run_batch(const fs::path& catalog, const fs::path& out, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"batch", "--catalog", catalog.string(), "--out", out.string(), "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    return test::run_timed(args);
}

// The generated tools `seat` sits on: those without a seats list (the panel's default seats) and those that list it.
long tools_seating(const fs::path& catalog, const std::string& seat) {
    long count = 0;
    for (const auto& entry : fs::directory_iterator(catalog / "tools")) {
        const json tool = test::read_json(entry.path());
        if (!tool.contains("seats") || std::find(tool.at("seats").begin(), tool.at("seats").end(), seat) != tool.at("seats").end()) ++count;
    }
    return count;
}

void check_small_batch(const std::string& plugin, const std::string& cause, double most_seconds) {
    test::temp_dir dir;
    const test::stock_tools_catalog stock(test::stock_panel_json());
    const json panel = test::panel_with_plugin("creator", test::fixture_plugin_file(plugin), {{"seconds", 2}});
    const test::stock_tools_catalog hostile(panel);

    const auto baseline = run_batch(stock.path(), dir.path() / "stock");
    REQUIRE(baseline.result.exit_code == 0);
    const auto run = run_batch(hostile.path(), dir.path() / "site");
    INFO("stdout: " << run.result.out << "stderr:\n" << run.result.err);
    CHECK(run.result.exit_code == 1);
    // The site's pages, and the files its HTML pages come with: the search page, its script and data, and changes.atom.
    CHECK_THAT(run.result.out, Catch::StartsWith("verdict batch: 5 of 5 tools reviewed, 25 pages: 25 written, 0 unchanged, 0 deleted; 1 failure;"));
    CHECK_THAT(run.result.err, Catch::Contains("verdict: error: seat creator failed: ") && Catch::Contains(plugin + ".so: " + cause));
    test::check_stderr_lines_are_verdicts(run.result.err);
    CHECK(pages_in(dir.path() / "site") == pages_in(dir.path() / "stock"));

    // claw-code's page shows the seat failed with its cause; the pages of the tools creator does not sit on are the
    // stock run's bytes.
    const json page = test::read_json(dir.path() / "site" / "tools" / "claw-code.json");
    bool shown = false;
    for (const json& review : page.at("reviews"))
        if (review.at("persona") == "creator") {
            CHECK(review.at("verdict") == "failed");
            CHECK_THAT(review.at("error").get<std::string>(), Catch::Contains(plugin + ".so: " + cause));
            shown = true;
        }
    CHECK(shown);
    for (const char* id : {"claude-haiku-open-weights", "llama-4-compact-12b", "llama-4-scout-quantized", "modal-gpu-serverless-inference"})
        for (const char* extension : {".json", ".md", ".html"}) {
            const std::string file = std::string("tools/") + id + extension;
            CAPTURE(file);
            CHECK(test::read_file(dir.path() / "site" / file) == test::read_file(dir.path() / "stock" / file));
        }
    CHECK(run.seconds <= most_seconds);
}

}  // namespace

TEST_CASE("batch with a seat that crashes, exits, hangs or crashes as it loads writes every page and counts the failure",
          "[workers][batch]") {
    SECTION("a null write") { check_small_batch("hostile_null_write", "review of claw-code: crashed (SIGSEGV)", 3); }
    SECTION("exit(0)") { check_small_batch("hostile_exit_0", "review of claw-code: exited (status 0) during a review", 3); }
    SECTION("an endless loop") { check_small_batch("hostile_endless_loop", "review of claw-code: ran past its 2 s limit and was stopped", 3); }
    SECTION("a crashing factory") { check_small_batch("hostile_crash_in_factory", "loading: crashed (SIGSEGV)", 3); }
}

TEST_CASE("a 2,000-tool batch with a hostile seat writes every page a clean run writes, lists the failures and finishes",
          "[workers][batch][large]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 2000, 20, 7);
    const json stock_panel = test::read_json(catalog / "panel.json");
    // futurist sits on most tools: every one without a seats list of its own, and those that list it.
    const long futurist_tools = tools_seating(catalog, "futurist");
    REQUIRE(futurist_tools > 1000);

    const auto clean = run_batch(catalog, dir.path() / "clean", {"--formats", "html"});
    INFO("clean run: " << clean.result.out << clean.result.err.substr(0, 2000));
    REQUIRE(clean.result.exit_code == 0);
    const long pages = summary_count(clean.result.out, "pages");
    REQUIRE(pages > 2000);
    const std::set<std::string> clean_pages = pages_in(dir.path() / "clean");
    REQUIRE(static_cast<long>(clean_pages.size()) == pages);

    const auto check_hostile = [&](const std::string& plugin, double seconds, double most_seconds) {
        json panel = stock_panel;
        for (json& seat : panel.at("seats"))
            if (seat.at("id") == "futurist") {
                seat["plugin"] = test::fixture_plugin_file(plugin).string();
                seat["limits"] = {{"seconds", seconds}};
            }
        test::write_file(catalog / "panel.json", panel.dump(2));
        const fs::path out = dir.path() / plugin;
        const auto run = run_batch(catalog, out, {"--formats", "html"});
        INFO(plugin << ": " << run.result.out << run.result.err.substr(0, 2000));
        CHECK(run.result.exit_code == 1);
        CHECK_THAT(run.result.out, Catch::StartsWith("verdict batch: 2000 of 2000 tools reviewed, " + std::to_string(pages) + " pages: " +
                                                     std::to_string(pages) + " written, 0 unchanged, 0 deleted; " + std::to_string(futurist_tools) +
                                                     " failures;"));
        CHECK(pages_in(out) == clean_pages);
        // One failure a tool, each on its own line: the seat was stopped, and says so on every tool it sits on.
        CHECK(static_cast<long>(test::occurrences(run.result.err, "verdict: error: seat futurist failed: ")) == futurist_tools);
        // And once why it was stopped, naming the failures that stopped it, each with its cause in words.
        CHECK(test::occurrences(run.result.err, "verdict: error: seat futurist was stopped for the rest of the run") == 1);
        CHECK(test::occurrences(run.result.err, plugin + ".so: review of ") >= static_cast<std::size_t>(futurist_tools) + 3);
        CHECK(static_cast<long>(test::occurrences(run.result.err, test::stopped_words)) == futurist_tools);
        test::check_stderr_lines_are_verdicts(run.result.err);
        INFO("took " << run.seconds << " s; the clean run " << clean.seconds << " s; at most " << most_seconds << " s");
        CHECK(run.seconds <= most_seconds);
        return run;
    };
    // A seat whose every review writes through a null pointer: crashes cost a new worker each, three times.
    check_hostile("hostile_null_write", 2, clean.seconds + 3);
    // A seat whose every review never returns, with a 1 s limit: three hangs of the limit and the grace, then the seat
    // is stopped; the normal run's time besides, and a margin.
    const auto hung = check_hostile("hostile_endless_loop", 1, clean.seconds + test::strikes_before_stopped * (1 + test::deadline_grace_seconds) + 3);
    CHECK(hung.seconds >= 1);
}

TEST_CASE("a batch counts a review that took its worker down once: its pages say what review says", "[workers][batch]") {
    // creator crashes on both tools it sits on (claw-code, and llama-4-compact-12b, made to seat it too): two strikes,
    // not enough to stop it. A batch renders a tool's pages from the review it summarized the tool with; were a tool
    // reviewed again for its pages and each crash counted again, the seat would be stopped and the pages would say
    // so, while the run's own error output, the summaries and `verdict review` say it crashed.
    test::temp_dir dir;
    const json panel = test::panel_with_plugin("creator", test::fixture_plugin_file("hostile_null_write"), {{"seconds", 2}});
    const test::stock_tools_catalog catalog(panel);
    json tool = test::read_json(fs::path(catalog.path()) / "tools" / "llama-4-compact-12b.json");
    REQUIRE_FALSE(tool.contains("seats"));
    tool["seats"] = test::stock_panel_json().at("default_seats");
    tool["seats"].push_back("creator");
    test::write_file(fs::path(catalog.path()) / "tools" / "llama-4-compact-12b.json", tool.dump(2));

    const auto review = test::review_all(catalog.path());
    INFO("review stderr:\n" << review.result.err);
    CHECK(review.result.exit_code == 1);
    const auto run = run_batch(catalog.path(), dir.path() / "site");
    INFO("batch: " << run.result.out << run.result.err);
    CHECK(run.result.exit_code == 1);
    CHECK_THAT(run.result.out, Catch::Contains("; 2 failures;"));
    for (const std::string& id : std::vector<std::string>{"claw-code", "llama-4-compact-12b"}) {
        CAPTURE(id);
        const std::string error = test::seat_review_of(review.result.out, id, "creator").at("error");
        CHECK_THAT(error, Catch::EndsWith("hostile_null_write.so: review of " + id + ": crashed (SIGSEGV)"));
        CHECK_THAT(run.result.err, Catch::Contains("verdict: error: seat creator failed: " + error + "\n"));
        // The page's review is the review command's, byte for byte; the page adds what its HTML shows beyond it.
        nlohmann::ordered_json page = nlohmann::ordered_json::parse(test::read_file(dir.path() / "site" / "tools" / (id + ".json")));
        CHECK(page.contains("page"));
        page.erase("page");
        for (const nlohmann::ordered_json& doc : nlohmann::ordered_json::parse(review.result.out))
            if (doc.at("tool").at("id") == id) CHECK(page.dump() == doc.dump());
    }
    CHECK(test::occurrences(run.result.err, "stopped") == 0);
}
