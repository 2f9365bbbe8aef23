// The no-op fast path: when every input file is as the last complete run
// stamped it, the batch reads no catalog file and reviews no tool; any change
// to an input, a missing page or a failed run sends it back to the full check,
// which reviews only the tools whose files changed.
#include "batch/batch_test_support.hpp"
#include "state/state_database.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <sstream>

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

namespace {

// The folders holding the pages the state lists, one per line, as the state's page_folders would list them.
std::string folders_of_pages(const fs::path& out) {
    std::istringstream pages(test::state_rows(out, "SELECT path FROM pages"));
    std::set<std::string> folders;
    for (std::string page; std::getline(pages, page);) folders.insert(page.find('/') == std::string::npos ? "" : page.substr(0, page.rfind('/')));
    std::string lines;
    for (const std::string& folder : folders) lines += folder + "\n";
    return lines;
}

}  // namespace

TEST_CASE("a no-op trusts the folders that hold the pages while none of them changed, and checks every page once one did", "[batch][noop]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 60, 3, 17);
    batch_summary(catalog, out);
    REQUIRE(folders_of_pages(out).find("compare\n") != std::string::npos);
    CHECK(test::state_rows(out, "SELECT path FROM page_folders ORDER BY path") == folders_of_pages(out));

    const fs::path page = *fs::directory_iterator(out / "compare");
    const std::string made = test::read_file(page);
    test::write_file(page, made + "edited by hand\n");   // in place: the folder keeps its change time
    CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 0 of 60 tools reviewed") && Catch::Contains(" 0 written"));
    CHECK(test::read_file(page) == made + "edited by hand\n");

    SECTION("a folder that changed sends the run to every page's size, which finds the edit and makes the page again") {
        fs::permissions(out / "compare", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
        CHECK_THAT(batch_summary(catalog, out), Catch::Contains(" 1 written"));
        CHECK(test::read_file(page) == made);
        CHECK(test::state_rows(out, "SELECT path FROM page_folders ORDER BY path") == folders_of_pages(out));
        CHECK_THAT(batch_summary(catalog, out), Catch::Contains(" 0 written"));
    }
    SECTION("a page deleted: its folder changed, and the page is made again") {
        fs::remove(page);
        CHECK_THAT(batch_summary(catalog, out), Catch::Contains(" 1 written"));
        CHECK(test::read_file(page) == made);
    }
    SECTION("a page replaced by another file: its folder changed, and the page is made again") {
        const fs::path other = out / "compare" / "replacement";
        test::write_file(other, made + "replaced by hand\n");
        fs::rename(other, page);
        CHECK_THAT(batch_summary(catalog, out), Catch::Contains(" 1 written"));
        CHECK(test::read_file(page) == made);
    }
    SECTION("a folder of pages deleted whole, and made again empty: its pages are made again, and the page edited in place too") {
        const long pages = std::distance(fs::directory_iterator(out / "tools"), fs::directory_iterator());
        fs::remove_all(out / "tools");
        fs::create_directory(out / "tools");
        CHECK(test::summary_count(batch_summary(catalog, out), "written") == pages + 1);
        CHECK(std::distance(fs::directory_iterator(out / "tools"), fs::directory_iterator()) == pages);
        CHECK(test::read_file(page) == made);
    }
}

TEST_CASE("a state an earlier engine made (schema 2) gets the folders' table on its first run, with no page made again", "[batch][noop][state]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 30, 3, 5);
    batch_summary(catalog, out);
    test::state_exec(out, "DROP TABLE page_folders; PRAGMA user_version = 2");
    CHECK_THAT(batch_summary(catalog, out), Catch::StartsWith("verdict batch: 0 of 30 tools reviewed") && Catch::Contains(" 0 written"));
    CHECK(test::state_rows(out, "PRAGMA user_version") == std::to_string(state_schema_version) + "\n");
    CHECK(test::state_rows(out, "SELECT path FROM page_folders ORDER BY path") == folders_of_pages(out));
}
