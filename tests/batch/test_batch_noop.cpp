// The no-op fast path: when every input file is as the last complete run
// stamped it, the batch reads no catalog file and reviews no tool; any change
// to an input, a missing page or a failed run sends it back to the full check,
// which reviews only the tools whose files changed.
#include "batch/batch_test_support.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

std::string batch_summary(const fs::path& catalog, const fs::path& out) {
    const auto run = test::run_batch_command(catalog, out);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
}

}  // namespace

TEST_CASE("a batch with nothing changed reviews no tool, and any change to an input brings the full check back", "[batch][noop]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 120, 4, 31);
    CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 120 of 120 tools reviewed"));
    REQUIRE(test::state_rows(out, "SELECT count(*) FROM inputs") != "0\n");
    REQUIRE(test::state_rows(out, "SELECT count(*) FROM tools") == "120\n");
    CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 0 of 120 tools reviewed") && Catch::Contains(" 0 written"));

    SECTION("a tool file touched: the full check runs, reviews that tool alone, finds nothing to write, and renews the record") {
        const fs::path file = *fs::directory_iterator(catalog / "tools");
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
        CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 1 of 120 tools reviewed") && Catch::Contains(" 0 written"));
        CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 0 of 120 tools reviewed"));
    }
    SECTION("a tool file added: the full check runs, reviews the new tool alone and makes its page") {
        nlohmann::json tool = test::minimal_tool("zz-new-tool");
        test::write_file(catalog / "tools" / "zz-new-tool.json", tool.dump());
        CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 1 of 121 tools reviewed"));
        CHECK(fs::exists(out / "tools" / "zz-new-tool.html"));
    }
    SECTION("a page deleted by hand: the full check runs, makes it again from the recorded reviews, and leaves the records as they are") {
        const fs::path page = *fs::directory_iterator(out / "compare");
        fs::remove(page);
        const std::string records_before = test::state_rows(out, "SELECT * FROM tools ORDER BY file");
        CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 0 of 120 tools reviewed") && Catch::Contains(" 1 written"));
        CHECK(fs::exists(page));
        CHECK(test::state_rows(out, "SELECT * FROM tools ORDER BY file") == records_before);
    }
    SECTION("another set of formats: the full check runs on the recorded reviews") {
        const auto run = test::run_batch_command(catalog, out, {"--formats", "html", "--allow-deletions"});
        CHECK_THAT(run.out, Catch::StartsWith("verdict batch: 0 of 120 tools reviewed"));
    }
    SECTION("the panel configuration changed: every tool is reviewed again") {
        test::write_file(catalog / "panel.json", test::read_file(catalog / "panel.json") + "\n");
        CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 120 of 120 tools reviewed") && Catch::Contains(" 0 written"));
    }
    SECTION("--force reviews every tool again") {
        const auto run = test::run_batch_command(catalog, out, {"--force"});
        CHECK_THAT(run.out, Catch::StartsWith("verdict batch: 120 of 120 tools reviewed"));
    }
}
