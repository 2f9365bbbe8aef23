// The batch holds its tools in id order, taken from the tool files' names:
// "alpha.json" sorts after "alpha-beta.json" by file name ('-' before '.'),
// but "alpha" before "alpha-beta" by id. Every comparison between such tools
// must still be found, planned and listed, with each tool under its own name.
#include "batch/batch_test_support.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("tools whose ids sort apart from their file names are compared, paged and listed in id order", "[batch]") {
    test::temp_catalog catalog;
    for (const char* id : {"alpha-beta", "alpha", "alpha-beta-gamma"}) {
        json tool = test::minimal_tool(id);
        tool["category"] = "Order";
        catalog.add_tool(tool);
    }
    test::write_file(catalog.path() / "comparisons.json", R"({"pairs": [["alpha", "alpha-beta"], ["alpha-beta-gamma", "alpha"]]})");
    test::temp_dir dir;
    const auto run = test::run_batch_command(catalog.path(), dir.path() / "site", {"--formats", "json"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);

    for (const char* page : {"compare/alpha-vs-alpha-beta.json", "compare/alpha-beta-gamma-vs-alpha.json", "tools/alpha.json",
                             "tools/alpha-beta.json", "tools/alpha-beta-gamma.json"})
        CHECK(fs::exists(dir.path() / "site" / page));
    const json category = json::parse(test::read_file(dir.path() / "site" / "category" / "order.json"));
    std::vector<std::string> listed;
    for (const json& tool : category["tools"]) listed.push_back(tool["id"]);
    CHECK(listed == std::vector<std::string>{"alpha", "alpha-beta", "alpha-beta-gamma"});
    REQUIRE(category["comparisons"].size() == 2);
    CHECK(category["comparisons"][0]["tools"][0]["id"] == "alpha");
    CHECK(category["comparisons"][0]["tools"][1]["id"] == "alpha-beta");
    CHECK(category["comparisons"][1]["tools"][0]["id"] == "alpha-beta-gamma");
    const json page = json::parse(test::read_file(dir.path() / "site" / "tools" / "alpha-beta.json"));
    CHECK(page.dump().find("\"alpha-beta\"") != std::string::npos);
}
