// verdict review, run as a user runs it: the real program on the shipped catalog.
#include "support/process.hpp"

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
    CHECK(doc["panel"]["ship"] == 3);
    CHECK(doc["panel"]["skip"] == 1);
    CHECK(doc["panel"]["rule_set"] == "2026.11-1");
    REQUIRE(doc["reviews"].size() == 4);
    std::vector<std::string> seats;
    for (const json& r : doc["reviews"]) seats.push_back(r["persona"]);
    CHECK(seats == std::vector<std::string>{"developer", "skeptic", "futurist", "creator"});
}
