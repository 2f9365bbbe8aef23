// How often a batch reviews each tool. A run reviews every tool it reads to
// summarize the catalog, and renders the tool's pages from that review; a tool
// it takes from the last run's records is reviewed only when its pages are
// made again. Either way a tool is reviewed at most once per run, which is
// what keeps a large catalog's batch near the cost of writing its pages.
//
// The developer seat runs a fixture persona that logs each review it makes.
#include "workers/worker_test_support.hpp"

#include "support/generated_catalog.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// How many times each tool was reviewed since the log was last emptied; the log is emptied.
std::map<std::string, int> reviews_logged(const fs::path& log) {
    std::map<std::string, int> count;
    std::ifstream in(log);
    for (std::string id; std::getline(in, id);) ++count[id];
    in.close();
    fs::remove(log);
    return count;
}

// Every page under `dir` and its bytes, without the folder's state.
std::map<std::string, std::string> pages_in(const fs::path& dir) {
    std::map<std::string, std::string> pages;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const std::string path = entry.path().lexically_relative(dir).generic_string();
        if (entry.is_regular_file() && !path.starts_with(".verdict/")) pages[path] = test::read_file(entry.path());
    }
    return pages;
}

test::timed_run batch(const std::string& catalog, const fs::path& out, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"batch", "--catalog", catalog, "--out", out.string(), "--quiet", "--jobs", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    const test::timed_run run = test::run_timed(args);
    INFO(run.result.out << run.result.err);
    REQUIRE(run.result.exit_code == 0);
    return run;
}

// The ids of the generated tools the developer seat sits on: those without a seats list, and those that list it.
std::map<std::string, int> developer_tools(const fs::path& catalog) {
    std::map<std::string, int> once;
    for (const auto& entry : fs::directory_iterator(catalog / "tools")) {
        const json tool = test::read_json(entry.path());
        const bool seated = !tool.contains("seats") || std::find(tool.at("seats").begin(), tool.at("seats").end(), "developer") != tool.at("seats").end();
        if (seated) once[tool.at("id").get<std::string>()] = 1;
    }
    return once;
}

}  // namespace

TEST_CASE("a batch reviews each tool at most once per run, whether it summarizes the tool or only makes its pages", "[workers][batch]") {
    test::temp_dir dir;
    const fs::path log = dir.path() / "reviews.log";
    REQUIRE(::setenv("VERDICT_FIXTURE_REVIEW_LOG", log.c_str(), 1) == 0);
    const test::stock_tools_catalog catalog(test::panel_with_plugin("developer", test::fixture_plugin_file("review_counter"), json::object()));
    const std::map<std::string, int> each_once{{"claude-haiku-open-weights", 1}, {"claw-code", 1}, {"llama-4-compact-12b", 1},
                                               {"llama-4-scout-quantized", 1}, {"modal-gpu-serverless-inference", 1}};

    // The first run reads and reviews every tool to summarize it, and makes its pages in three formats from that review.
    batch(catalog.path(), dir.path() / "site");
    CHECK(reviews_logged(log) == each_once);

    // Nothing changed: nothing is reviewed.
    batch(catalog.path(), dir.path() / "site");
    CHECK(reviews_logged(log).empty());

    // Every page is made again for a new address, and every tool is taken from the records: each is reviewed once,
    // for its pages.
    const auto readdressed = batch(catalog.path(), dir.path() / "site", {"--base-url", "https://verdicts.example"});
    CHECK_THAT(readdressed.result.out, Catch::StartsWith("verdict batch: 0 of 5 tools reviewed"));
    CHECK(reviews_logged(log) == each_once);

    // --force reads and reviews every tool again, once.
    batch(catalog.path(), dir.path() / "site", {"--force"});
    CHECK(reviews_logged(log) == each_once);

    // Without a temporary folder to set the reviews aside in, the run still makes the same pages: each tool is
    // reviewed again for them.
    const test::process_result spill_less =
        test::run_process("/usr/bin/env", {"TMPDIR=" + (dir.path() / "no-such-folder").string(), test::verdict_binary().string(), "batch", "--catalog",
                                           catalog.path(), "--out", (dir.path() / "again").string(), "--quiet", "--jobs", "2"},
                          test::source_dir());
    INFO(spill_less.out << spill_less.err);
    REQUIRE(spill_less.exit_code == 0);
    std::map<std::string, int> each_twice = each_once;
    for (auto& [id, count] : each_twice) count = 2;
    CHECK(reviews_logged(log) == each_twice);
    CHECK(pages_in(dir.path() / "again") == pages_in(dir.path() / "site"));
    REQUIRE(::unsetenv("VERDICT_FIXTURE_REVIEW_LOG") == 0);
}

TEST_CASE("a 1,500-tool batch reviews each tool once, across stretches of reviews and waves of pages", "[workers][batch][large]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 1500, 20, 5);
    json panel = test::read_json(catalog / "panel.json");
    for (json& seat : panel.at("seats"))
        if (seat.at("id") == "developer") seat["plugin"] = test::fixture_plugin_file("review_counter").string();
    std::ofstream(catalog / "panel.json") << panel.dump(2);
    const std::map<std::string, int> each_once = developer_tools(catalog);
    REQUIRE(each_once.size() > 1024);   // more than one stretch of reviews

    const fs::path log = dir.path() / "reviews.log";
    REQUIRE(::setenv("VERDICT_FIXTURE_REVIEW_LOG", log.c_str(), 1) == 0);
    batch(catalog.string(), dir.path() / "site", {"--formats", "html"});
    CHECK(reviews_logged(log) == each_once);
    batch(catalog.string(), dir.path() / "site", {"--formats", "html,md"});
    CHECK(reviews_logged(log) == each_once);
    REQUIRE(::unsetenv("VERDICT_FIXTURE_REVIEW_LOG") == 0);
}
