// verdict lint: every problem of catalog, panel and personas in one run.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace verdict;
using nlohmann::json;

namespace {

std::size_t count_lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("lint passes the shipped catalog and exits 0", "[cli][lint]") {
    const auto run = test::run_verdict({"lint"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, Catch::Contains("no problems (5 tools, 5 seats, 10 comparisons)"));
}

TEST_CASE("lint prints every problem of every file, one per line, and exits 2", "[cli][lint][errors]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json typo = test::minimal_tool("typo-tool");
    typo["vendr"] = "x";
    typo["pricing"]["entry"] = "Free";
    catalog.add_tool(typo);
    catalog.add_raw_tool_file("twice.json", R"({"id": "twice", "id": "twice"})");
    json panel = test::stock_panel_json();
    panel["seats"][0]["settings"] = {{"weights", {{"no_api_kye", 3}}}};
    catalog.set_panel(panel);

    const auto run = test::run_verdict({"lint", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Catch::Contains("tools/typo-tool.json: /vendr: expected a field the schema defines here, found unknown field \"vendr\" (did you mean \"vendor\"?)"));
    CHECK_THAT(run.out, Catch::Contains("tools/typo-tool.json: /pricing/entry: expected one of"));
    CHECK_THAT(run.out, Catch::Contains("(did you mean \"free\"?)"));
    CHECK_THAT(run.out, Catch::Contains("tools/twice.json: /id: expected each key once per object, found \"id\" a second time"));
    CHECK_THAT(run.out, Catch::Contains("panel.json: /seats/0/settings/weights/no_api_kye: expected a rule the persona of seat \"developer\" declares"));
    CHECK_THAT(run.out, Catch::Contains("did you mean \"no_api_key\"?"));
    CHECK_THAT(run.err, Catch::Contains("verdict lint: " + std::to_string(count_lines(run.out)) + " problems"));
}

TEST_CASE("lint checks the test fixtures: a seat or tool that is not there is a problem with its pointer", "[cli][lint][errors]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    test::write_file(catalog.path() / "fixtures" / "typos.json",
                     R"({"fixtures": [{"tool": "claw-cod", "panel": {"ship_pct": 75}}, {"tool": "claw-code", "seats": {"skeptik": {"verdict": "skip"}}}]})");
    const auto run = test::run_verdict({"lint", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Catch::Contains("fixtures/typos.json: /fixtures/0/tool: expected a tool of the catalog, found unknown tool \"claw-cod\" (did you mean \"claw-code\"?)"));
    CHECK_THAT(run.out, Catch::Contains("fixtures/typos.json: /fixtures/1/seats/skeptik: expected a seat of the panel, found unknown seat \"skeptik\""));
    CHECK(count_lines(run.out) == 2);
}

TEST_CASE("lint loads every persona and reviews every tool with it, naming the plugin that fails", "[cli][lint][failures]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    panel["seats"][4]["plugin"] = (test::fixture_plugin_dir() / "throwing_review.so").string();
    panel["seats"][3]["plugin"] = "no-such-folder/missing.so";
    catalog.set_panel(panel);
    const auto run = test::run_verdict({"lint", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Catch::Contains("missing.so: loading: expected a persona plugin file, found no such file"));
    // The creator seat sits on one tool only, but lint runs it on all five.
    std::size_t failures = 0;
    for (std::size_t at = run.out.find("throwing_review.so: review of"); at != std::string::npos; at = run.out.find("throwing_review.so: review of", at + 1))
        ++failures;
    CHECK(failures == 5);
}

TEST_CASE("lint reports a missing panel configuration and exits 2", "[cli][lint][errors]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    std::filesystem::remove(catalog.path() / "panel.json");
    const auto run = test::run_verdict({"lint", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Catch::Contains("panel.json: expected a readable file, found no such file"));
}

TEST_CASE("a script that counts its reviews in a file-level variable counts one every time: no review sees another", "[cli][lint][lua]") {
    const auto stateful = (test::source_dir() / "tests" / "fixtures" / "scripts" / "keeps_state.lua").string();
    const auto run = test::run_verdict({"lint", stateful});
    CHECK(run.exit_code == 0);
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    nlohmann::json panel = test::stock_panel_json();
    panel["seats"][0] = {{"id", "developer"}, {"script", stateful}};
    catalog.set_panel(panel);
    const auto reviews = test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog.path().string()});
    REQUIRE(reviews.exit_code == 0);
    std::size_t counted = 0;
    for (const auto& doc : nlohmann::json::parse(reviews.out)) {
        const std::string quote = doc["reviews"][0]["quote"];
        CHECK_THAT(quote, Catch::EndsWith(" is review number 1."));
        ++counted;
    }
    CHECK(counted == 5);
    const auto stock = test::run_verdict({"lint", "scripts/developer.lua", "scripts/creator.lua"});
    CHECK(stock.exit_code == 0);
}

TEST_CASE("lint warns when a tool's audience and its seats disagree, naming the seats that fit, and still exits 0", "[cli][lint][seats]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json for_creators = test::minimal_tool("for-creators");       // the panel's default seats hold business, not the creator
    for_creators["audience"] = {"creators", "hobbyists"};
    catalog.add_tool(for_creators);
    json for_companies = test::minimal_tool("for-companies");     // its own seats hold the creator, not business
    for_companies["audience"] = {"developers", "small_companies"};
    for_companies["seats"] = {"developer", "skeptic", "futurist", "creator"};
    catalog.add_tool(for_companies);
    json for_both = test::minimal_tool("for-both");               // creators and companies: either seat fits
    for_both["audience"] = {"creators", "enterprises"};
    catalog.add_tool(for_both);

    const auto run = test::run_verdict({"lint", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 0);
    CHECK(count_lines(run.out) == 2);
    CHECK_THAT(run.out, Catch::Contains("warning: " + (catalog.path() / "tools" / "for-creators.json").string() +
                                        ": /audience: expected the creator seat on a tool made for creators, found seats \"developer\", "
                                        "\"skeptic\", \"futurist\", \"business\" (the panel's default seats) (give it \"seats\": [\"developer\", "
                                        "\"skeptic\", \"futurist\", \"creator\"])\n"));
    CHECK_THAT(run.out, Catch::Contains("warning: " + (catalog.path() / "tools" / "for-companies.json").string() +
                                        ": /seats: expected the business seat on a tool made for companies, found seats \"developer\", "
                                        "\"skeptic\", \"futurist\", \"creator\" (give it \"seats\": [\"developer\", \"skeptic\", \"futurist\", "
                                        "\"business\"])\n"));
    CHECK_THAT(run.err, Catch::Contains("no problems (8 tools, 5 seats, 0 comparisons), 2 warnings"));

    // Doing what the warnings say silences them.
    for_creators["seats"] = {"developer", "skeptic", "futurist", "creator"};
    for_companies["seats"] = {"developer", "skeptic", "futurist", "business"};
    catalog.add_tool(for_creators);
    catalog.add_tool(for_companies);
    const auto fixed = test::run_verdict({"lint", "--catalog", catalog.path().string()});
    CHECK(fixed.exit_code == 0);
    CHECK(fixed.out.empty());
    CHECK_THAT(fixed.err, Catch::EndsWith("no problems (8 tools, 5 seats, 0 comparisons)\n"));
}
