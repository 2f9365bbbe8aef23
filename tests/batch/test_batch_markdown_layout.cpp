// The Markdown folder is a Hugo content folder as it is: the index is
// _index.md and each category's page category/<slug>/_index.md, in a folder
// of its own that the batch makes, and deletes once the category is gone. A
// site made when they were index.md and category/<slug>.md moves over on the
// next run, by the deletion of pages the run no longer makes.
#include "batch/batch_test_support.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

std::string batch_ok(const fs::path& catalog, const fs::path& out) {
    const auto run = test::run_batch_command(catalog, out);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
}

// Moves a file of the folder and its manifest row to another path, as an older engine would have written it.
void move_page(const fs::path& out, const std::string& from, const std::string& to) {
    fs::rename(out / from, out / to);
    REQUIRE(test::state_rows(out, "SELECT count(*) FROM pages WHERE path = '" + from + "'") == "1\n");
    test::state_exec(out, "UPDATE pages SET path = '" + to + "' WHERE path = '" + from + "'");
}

}  // namespace

TEST_CASE("the batch writes the Markdown index and category pages where a Hugo site reads them", "[batch]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    CHECK(fs::is_regular_file(out / "_index.md"));
    CHECK(fs::is_regular_file(out / "category" / "developer-tools" / "_index.md"));
    CHECK_FALSE(fs::exists(out / "index.md"));
    CHECK_FALSE(fs::exists(out / "category" / "developer-tools.md"));
    CHECK(fs::is_regular_file(out / "index.html"));
    CHECK(fs::is_regular_file(out / "category" / "developer-tools.html"));
}

TEST_CASE("a site with the old index.md and category/<slug>.md moves to the new paths on the next run", "[batch]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    move_page(out, "_index.md", "index.md");
    move_page(out, "category/developer-tools/_index.md", "category/developer-tools.md");
    fs::remove(out / "category" / "developer-tools");
    test::forget_inputs(out);   // not a no-op: the old engine's run recorded no inputs this one trusts

    const std::string summary = batch_ok(test::stock_catalog(), out);
    INFO(summary);
    CHECK(test::summary_count(summary, "deleted") == 2);
    CHECK_FALSE(fs::exists(out / "index.md"));
    CHECK_FALSE(fs::exists(out / "category" / "developer-tools.md"));
    batch_ok(test::stock_catalog(), dir.path() / "clean");
    INFO("differences from a clean run: " << test::first_of(test::differences(out, dir.path() / "clean")));
    CHECK(test::differences(out, dir.path() / "clean").empty());
}

TEST_CASE("a category the catalog no longer has loses its Markdown page and the page's folder", "[batch]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    nlohmann::json other = test::minimal_tool("pixel-forge");
    other["category"] = "Image Generation";
    catalog.add_tool(other);
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(catalog.path(), out);
    REQUIRE(fs::is_regular_file(out / "category" / "image-generation" / "_index.md"));

    fs::remove(catalog.path() / "tools" / "pixel-forge.json");
    const std::string summary = batch_ok(catalog.path(), out);
    INFO(summary);
    CHECK_FALSE(fs::exists(out / "category" / "image-generation"));
    CHECK_FALSE(fs::exists(out / "category" / "image-generation.html"));
    CHECK(fs::is_regular_file(out / "category" / "developer-tools" / "_index.md"));
}
