// A tool file with problems does not stop the batch and does not lose its
// pages: its tool page and every comparison it is in are made, showing the
// problems, the summary lists them and the run exits 1; once the file is
// fixed, the next run gives a clean run's bytes.
#include "batch/batch_test_support.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("a tool file with problems gets its pages, showing the problems, and the run lists them and exits 1", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 60, 3, 17);
    const auto [bad, partner] = test::comparisons_of(catalog).at(0);
    REQUIRE(test::run_batch_command(catalog, out).exit_code == 0);
    const std::string good_file = test::read_file(catalog / "tools" / (bad + ".json"));
    test::edit_tool(catalog, bad, "updated", "2026-02-30");

    const auto run = test::run_batch_command(catalog, out);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("tools/" + bad + ".json: /updated: expected a real calendar date (YYYY-MM-DD), found \"2026-02-30\""));
    CHECK_THAT(run.out, Catch::StartsWith("verdict batch: 1 of 60 tools reviewed") && Catch::Contains("; 1 failure;"));

    for (const std::string& page : test::pages_of_tool(catalog, bad, {"html", "md", "json"})) {
        CAPTURE(page);
        CHECK_THAT(test::read_file(out / page), Catch::Contains("2026-02-30"));
    }
    const json tool_page = json::parse(test::read_file(out / "tools" / (bad + ".json")));
    REQUIRE(tool_page.at("tool").contains("problems"));
    CHECK_THAT(tool_page.at("tool").at("problems").at(0).get<std::string>(), Catch::Contains("/updated"));
    const json comparison = json::parse(test::read_file(out / "compare" / (bad + "-vs-" + partner + ".json")));
    CHECK(comparison.at("pick").at("tool") == partner);
    CHECK_FALSE(comparison.at("tools").at(1).contains("problems"));
    const json listing = json::parse(test::read_file(out / test::category_page_of(catalog, bad, "json")));
    CHECK(std::any_of(listing.at("tools").begin(), listing.at("tools").end(), [&](const json& t) { return t.at("id") == bad && t.contains("problems"); }));

    test::write_file(catalog / "tools" / (bad + ".json"), good_file);
    REQUIRE(test::run_batch_command(catalog, out).exit_code == 0);
    REQUIRE(test::run_batch_command(catalog, dir.path() / "clean").exit_code == 0);
    const std::vector<std::string> differing = test::differences(out, dir.path() / "clean");
    INFO("differences from a clean run: " << test::first_of(differing));
    CHECK(differing.empty());
}
