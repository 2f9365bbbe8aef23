// verdict batch makes the same bytes whatever the number of rendering
// threads: every page, the index and the manifest, compared whole.
#include "batch/batch_test_support.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
namespace fs = std::filesystem;

TEST_CASE("batch writes byte-identical folders with --jobs 1 and --jobs 2, manifest included", "[batch]") {
    test::temp_dir dir;
    fs::path catalog;
    SECTION("a generated catalog of 300 tools in 6 categories") {
        catalog = dir.path() / "catalog";
        test::generate_catalog(catalog, 300, 6, 11);
    }
    SECTION("the shipped catalog, whose comparisons include the all-pairs-within-a-category rule") { catalog = test::stock_catalog(); }

    const auto one = test::run_batch_command(catalog, dir.path() / "jobs-1", {"--jobs", "1"});
    const auto two = test::run_batch_command(catalog, dir.path() / "jobs-2", {"--jobs", "2"});
    INFO(one.out << one.err << two.out << two.err);
    REQUIRE(one.exit_code == 0);
    REQUIRE(two.exit_code == 0);

    // The pages planned are the pages on disk, and the pages the state lists, with the same entries either way.
    const test::folder_snapshot files = test::snapshot_of(dir.path() / "jobs-1");
    CHECK(static_cast<long>(files.size()) == test::summary_count(one.out, "pages"));
    const std::string rows = test::manifest_rows(dir.path() / "jobs-1");
    CHECK(static_cast<long>(std::count(rows.begin(), rows.end(), '\n')) == test::summary_count(one.out, "pages"));
    CHECK(rows == test::manifest_rows(dir.path() / "jobs-2"));
    for (const char* index : {"index.html", "_index.md", "index.json"}) CHECK(files.count(index) == 1);

    const std::vector<std::string> differing = test::differences(dir.path() / "jobs-1", dir.path() / "jobs-2");
    INFO("files that differ between --jobs 1 and --jobs 2: " << test::first_of(differing));
    CHECK(differing.empty());
}
