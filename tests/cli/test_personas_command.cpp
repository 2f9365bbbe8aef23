// verdict personas: each seat's persona, source file, version and state.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"
#include "verdict/persona.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;

TEST_CASE("personas lists every seat of the shipped panel as loaded, with its plugin file", "[cli][personas]") {
    const auto run = test::run_verdict({"personas", "--format", "json"});
    REQUIRE(run.exit_code == 0);
    const json rows = json::parse(run.out);
    REQUIRE(rows.size() == 5);
    const std::vector<std::string> seats{"developer", "skeptic", "futurist", "business", "creator"};
    for (std::size_t i = 0; i < seats.size(); ++i) {
        INFO(seats[i]);
        CHECK(rows[i]["seat"] == seats[i]);
        CHECK(rows[i]["state"] == "loaded");
        CHECK(rows[i]["version"] == "1.0.0");
        CHECK_THAT(rows[i]["source"].get<std::string>(), Catch::EndsWith("lib/verdict/personas/" + seats[i] + ".so"));
        CHECK(rows[i]["default"] == (seats[i] != "creator"));
    }
}

TEST_CASE("personas in text shows a table, and a seat that failed to load with its reason and exit 1", "[cli][personas][failures]") {
    test::temp_catalog catalog;
    json panel = test::stock_panel_json();
    panel["seats"][2]["plugin"] = (test::fixture_plugin_dir() / "wrong_api_version.so").string();
    catalog.set_panel(panel);
    const auto run = test::run_verdict({"personas", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out, Catch::StartsWith("SEAT"));
    CHECK_THAT(run.out, Catch::Contains("Developer"));
    CHECK_THAT(run.out, Catch::Contains("futurist failed: "));
    CHECK_THAT(run.out, Catch::Contains("wrong_api_version.so: loading: expected persona API version " + std::to_string(verdict::api_version)));
}
