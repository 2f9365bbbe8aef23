// verdict personas: each seat's persona, source file, version and state.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"
#include "verdict/persona.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

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
        CHECK(rows[i]["version"] == "2.0.0");
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

namespace {

// The settings list of `seat` in `personas --settings --format json` output, by name.
std::map<std::string, json> settings_of(const json& seats, const std::string& seat) {
    std::map<std::string, json> out;
    for (const json& s : seats)
        if (s["seat"] == seat)
            for (const json& setting : s["settings"]) out[setting["name"]] = setting;
    return out;
}

}  // namespace

TEST_CASE("personas --settings lists every setting in force per seat and where it comes from, as explain applies them", "[cli][personas]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    for (json& seat : panel["seats"])
        if (seat["id"] == "skeptic") seat["settings"] = {{"threshold", 45}, {"weights", {{"legal_risk_high", -20}}}};
    catalog.set_panel(panel);
    const auto run = test::run_verdict({"personas", "--settings", "--format", "json", "--catalog", catalog.path().string()});
    REQUIRE(run.exit_code == 0);
    const json seats = json::parse(run.out);
    const auto skeptic = settings_of(seats, "skeptic");
    REQUIRE(skeptic.count("threshold"));
    CHECK(skeptic.at("threshold")["value"] == 45);
    CHECK(skeptic.at("threshold")["default"] == 50);
    CHECK(skeptic.at("threshold")["overridden_at"] == "/seats/1/settings/threshold");
    CHECK(skeptic.at("weights.legal_risk_high")["value"] == -20);
    CHECK(skeptic.at("weights.legal_risk_high")["overridden_at"] == "/seats/1/settings/weights/legal_risk_high");
    CHECK(skeptic.at("base")["overridden_at"].is_null());
    CHECK(skeptic.at("base")["value"] == skeptic.at("base")["default"]);

    // What personas says is in force is what explain reviews under, for every seat and every rule explain shows.
    const auto explained = test::run_verdict({"explain", "--all", "--format", "json", "--catalog", catalog.path().string()});
    REQUIRE(explained.exit_code == 0);
    std::size_t rules_checked = 0;
    for (const json& tool : json::parse(explained.out))
        for (const json& seat : tool["seats"]) {
            const auto in_force = settings_of(seats, seat["seat"]);
            CHECK(seat["threshold"] == in_force.at("threshold")["value"]);
            CHECK(seat["base"] == in_force.at("base")["value"]);
            for (const json& rule : seat["rules"])
                if (rule["rule"] != "clamp") {
                    CHECK(rule["weight"] == in_force.at("weights." + rule["rule"].get<std::string>())["value"]);
                    ++rules_checked;
                }
        }
    CHECK(rules_checked > 20);

    const auto text = test::run_verdict({"personas", "--settings", "--catalog", catalog.path().string()});
    CHECK_THAT(text.out, Catch::Contains("skeptic · Skeptic 2.0.0\n  SETTING"));
    CHECK_THAT(text.out, Catch::Contains(" 45 "));
    CHECK_THAT(text.out, Catch::Contains("/seats/1/settings/threshold\n"));
}

TEST_CASE("personas --settings shows an override that did not take, and why", "[cli][personas][failures]") {
    test::temp_catalog catalog;
    json panel = test::stock_panel_json();
    for (json& seat : panel["seats"])
        if (seat["id"] == "skeptic") seat["settings"] = {{"weights", {{"legal_risk_hgh", -20}}}};
    catalog.set_panel(panel);
    const auto run = test::run_verdict({"personas", "--settings", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    const auto skeptic = settings_of(json::parse(run.out), "skeptic");
    REQUIRE(skeptic.count("weights.legal_risk_hgh"));
    CHECK(skeptic.at("weights.legal_risk_hgh")["value"].is_null());
    CHECK(skeptic.at("weights.legal_risk_hgh")["not_applied"] == "the persona declares no such rule");
    CHECK(skeptic.at("weights.legal_risk_high")["value"] == skeptic.at("weights.legal_risk_high")["default"]);
    const auto text = test::run_verdict({"personas", "--settings", "--catalog", catalog.path().string()});
    CHECK_THAT(text.out, Catch::Contains("/seats/1/settings/weights/legal_risk_hgh (not applied: the persona declares no such rule)"));
}

TEST_CASE("personas --format json, with and without --settings, with a failed seat too, validates against its schema", "[cli][personas][schema]") {
    const auto plain = test::run_verdict({"personas", "--format", "json"});
    CHECK(test::json_schema_errors("personas", plain.out).empty());
    const auto settings = test::run_verdict({"personas", "--settings", "--format", "json"});
    CHECK(test::json_schema_errors("personas", settings.out).empty());
    test::temp_catalog catalog;
    json panel = test::stock_panel_json();
    panel["seats"][2]["plugin"] = (test::fixture_plugin_dir() / "wrong_api_version.so").string();
    catalog.set_panel(panel);
    const auto failed = test::run_verdict({"personas", "--settings", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(json::parse(failed.out)[2]["state"] == "failed");
    CHECK(test::json_schema_errors("personas", failed.out).empty());
    // The schema can fail: a state it does not know is refused.
    json wrong = json::parse(plain.out);
    wrong[0]["state"] = "sleeping";
    CHECK_FALSE(test::json_schema_errors("personas", wrong.dump()).empty());
}
