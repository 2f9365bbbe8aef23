// verdict review, run as a user runs it: the real program, the real plugins,
// output parsed back, exit statuses 0 / 1 / 2.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;

TEST_CASE("review --format json prints the panel and every seat's review, parsed back", "[cli][review]") {
    const auto run = test::run_verdict({"review", "claw-code", "--format", "json"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    const json doc = json::parse(run.out);
    CHECK(doc["tool"]["id"] == "claw-code");
    CHECK(doc["tool"]["name"] == "Claw Code");
    CHECK(doc["panel"]["ship_pct"] == 75);
    CHECK(doc["panel"]["fraction"] == "3/4");
    CHECK(doc["panel"]["ship"] == 3);
    CHECK(doc["panel"]["skip"] == 1);
    CHECK(doc["panel"]["state"] == "complete");
    CHECK(doc["panel"]["rule_set"] == test::stock_panel_json()["rule_set"]);
    REQUIRE(doc["reviews"].size() == 4);
    std::vector<std::string> seats;
    for (const json& r : doc["reviews"]) {
        seats.push_back(r["persona"]);
        CHECK_FALSE(r["quote"].get<std::string>().empty());
        CHECK_FALSE(r["reasons"].empty());
        CHECK(r["error"].is_null());
    }
    CHECK(seats == std::vector<std::string>{"developer", "skeptic", "futurist", "creator"});
}

TEST_CASE("review --all --format json gives an array of every tool in id order", "[cli][review]") {
    const auto run = test::run_verdict({"review", "--all", "--format", "json"});
    REQUIRE(run.exit_code == 0);
    const json docs = json::parse(run.out);
    REQUIRE(docs.is_array());
    std::vector<std::string> ids;
    for (const json& d : docs) ids.push_back(d["tool"]["id"]);
    CHECK(ids == std::vector<std::string>{"claude-haiku-open-weights", "claw-code", "llama-4-compact-12b", "llama-4-scout-quantized",
                                          "modal-gpu-serverless-inference"});
    CHECK(docs[0]["panel"]["ship_pct"] == 50);
    CHECK(docs[4]["panel"]["ship_pct"] == 100);
}

TEST_CASE("review prints text by default: the panel line, then each seat with its receipt", "[cli][review]") {
    const auto run = test::run_verdict({"review", "claude-haiku-open-weights"});
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::Contains("Claude Haiku Open Weights (claude-haiku-open-weights)"));
    CHECK_THAT(run.out, Catch::Contains("Panel ship 50% (2/4)"));
    CHECK_THAT(run.out, Catch::Contains("developer · Developer 2.0.0 · SHIP"));
    CHECK_THAT(run.out, Catch::Contains("skeptic · Skeptic 2.0.0 · SKIP"));
    CHECK_THAT(run.out, Catch::Contains("licence.commercial_use = forbidden"));
}

TEST_CASE("several ids give an array in the order asked; output bytes repeat exactly", "[cli][review]") {
    const auto first = test::run_verdict({"review", "modal-gpu-serverless-inference", "claw-code", "--format", "json"});
    REQUIRE(first.exit_code == 0);
    const json docs = json::parse(first.out);
    REQUIRE(docs.size() == 2);
    CHECK(docs[0]["tool"]["id"] == "modal-gpu-serverless-inference");
    CHECK(docs[1]["tool"]["id"] == "claw-code");
    CHECK(test::run_verdict({"review", "modal-gpu-serverless-inference", "claw-code", "--format", "json"}).out == first.out);
}

TEST_CASE("an unknown tool id is bad input with a suggestion; the ids that exist are still reviewed", "[cli][review][errors]") {
    const auto run = test::run_verdict({"review", "claw-cod", "modal-gpu-serverless-inference", "--format", "json"});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("verdict: error: no tool \"claw-cod\""));
    CHECK_THAT(run.err, Catch::Contains("did you mean \"claw-code\"?"));
    const json docs = json::parse(run.out);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0]["tool"]["id"] == "modal-gpu-serverless-inference");
}

TEST_CASE("usage errors exit 2 and say what was expected", "[cli][review][errors]") {
    const auto neither = test::run_verdict({"review"});
    CHECK(neither.exit_code == 2);
    CHECK_THAT(neither.err, Catch::Contains("expected tool ids or --all, found neither"));
    CHECK(test::run_verdict({"review", "claw-code", "--all"}).exit_code == 2);
    const auto format = test::run_verdict({"review", "claw-code", "--format", "jsno"});
    CHECK(format.exit_code == 2);
    CHECK_THAT(format.err, Catch::Contains("did you mean \"json\"?"));
    const auto option = test::run_verdict({"review", "claw-code", "--catalgo", "x"});
    CHECK(option.exit_code == 2);
    CHECK_THAT(option.err, Catch::Contains("--catalog"));
    CHECK(option.out.empty());
}

TEST_CASE("a seat whose plugin throws fails alone: exit 1, the seat shows failed, the rest review", "[cli][review][failures]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    panel["seats"][1]["plugin"] = (test::fixture_plugin_dir() / "throwing_review.so").string();
    catalog.set_panel(panel);
    const auto run = test::run_verdict({"review", "modal-gpu-serverless-inference", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("seat skeptic failed"));
    CHECK_THAT(run.err, Catch::Contains("throwing_review.so"));
    const json doc = json::parse(run.out);
    CHECK(doc["panel"]["failed"] == 1);
    CHECK(doc["panel"]["ship"] == 3);
    CHECK(doc["panel"]["ship_pct"] == 100);
    CHECK(doc["panel"]["fraction"] == "3/3");
    CHECK(doc["reviews"][1]["verdict"] == "failed");
    CHECK_THAT(doc["reviews"][1]["error"].get<std::string>(), Catch::Contains("throwing_review.so"));
    CHECK(doc["reviews"][0]["verdict"] == "ship");
}

TEST_CASE("a bad tool file is reported with file and pointer, and --all reviews the rest", "[cli][review][errors]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json bad = test::minimal_tool("broken-tool");
    bad["licence"] = {{"commercial_use", "maybe"}};
    catalog.add_tool(bad);
    const auto run = test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("tools/broken-tool.json: /licence/commercial_use: expected one of \"allowed\", \"restricted\", \"forbidden\""));
    CHECK(json::parse(run.out).size() == 5);
}

TEST_CASE("asking for a tool whose file has problems says it was left out, not that it does not exist", "[cli][review][errors]") {
    test::temp_catalog catalog;
    catalog.add_tool(test::minimal_tool("good-tool"));
    json bad = test::minimal_tool("broken-tool");
    bad.erase("tagline");
    catalog.add_tool(bad);
    const auto run = test::run_verdict({"review", "broken-tool", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("tools/broken-tool.json: /: expected required field \"tagline\", found no such field"));
    CHECK_THAT(run.err, Catch::Contains("tool \"broken-tool\" was left out"));
    CHECK(run.out.empty());
}

TEST_CASE("review --all on a catalog without tools says so and exits 2 without printing a review", "[cli][review]") {
    test::temp_catalog catalog;
    const auto run = test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("tools: expected at least one usable tool file (<id>.json), found none"));
    CHECK(run.out.empty());
}

TEST_CASE("review text shows control characters in catalog text as spaces, so a terminal never runs them", "[cli][review]") {
    test::temp_catalog catalog;
    json tool = test::minimal_tool("evil-0-x-tool");
    tool["name"] = "Evil\u001b]0;x\u0007 Tool";
    tool["tagline"] = "A line\r\nFAKE LINE \u001b[31mred";
    catalog.add_tool(tool);
    const auto run = test::run_verdict({"review", "evil-0-x-tool", "--catalog", catalog.path().string()});
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::StartsWith("Evil ]0;x  Tool (evil-0-x-tool)\n"));
    CHECK_THAT(run.out, Catch::Contains("A line  FAKE LINE  [31mred\n"));
    for (const char c : run.out) CHECK_FALSE(((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F));
}
