// verdict stats on a constructed catalog whose agreement is known: three
// script seats, each shipping exactly when one fact is true, over the eight
// tools that have every combination of the three facts. The figures the tests
// expect are worked out by hand in the comments.
#include "support/generated_catalog.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

using namespace verdict;
using nlohmann::json;

namespace {

// A persona that ships (50 + 20 = 70, threshold 60) exactly when `condition` holds of the tool, and skips (50)
// otherwise; its rule "unused" is declared and never weighed.
std::string script_shipping_when(const std::string& id, const std::string& fact, const std::string& condition) {
    return "local defaults = {base = 50, threshold = 60, min_facts = 0, weights = {yes = 20, unused = -5}}\n"
           "local function review(tool, ctx)\n"
           "  local v = " + condition + "\n"
           "  ctx.rule(\"yes\", \"" + fact + "\", v, v, \"It has it.\")\n"
           "  return ctx.finish(tool.name .. \" reviewed.\")\n"
           "end\n"
           "return {id = \"" + id + "\", name = \"" + id + "\", version = \"1.0.0\", defaults = defaults, review = review}\n";
}

// Eight tools, one for each combination of released (R), free (F) and open source (O).
struct known_catalog {
    test::temp_catalog catalog;

    // Seats a, b and c ship on R, F and `third_condition` (of fact `third_fact`); `shadow` is a fourth, shadow seat on F.
    known_catalog(const std::string& third_fact, const std::string& third_condition) {
        const auto scripts = catalog.path() / "scripts";
        test::write_file(scripts / "a.lua", script_shipping_when("a", "availability", "tool.availability == \"released\""));
        test::write_file(scripts / "b.lua", script_shipping_when("b", "pricing.entry", "tool.pricing.entry == \"free\""));
        test::write_file(scripts / "c.lua", script_shipping_when("c", third_fact, third_condition));
        test::write_file(scripts / "shadow.lua", script_shipping_when("shadow", "pricing.entry", "tool.pricing.entry == \"free\""));
        json panel = {{"rule_set", "known-1"}, {"quorum", 1}, {"default_seats", {"a", "b", "c"}},
                      {"seats", {{{"id", "a"}, {"script", "scripts/a.lua"}}, {{"id", "b"}, {"script", "scripts/b.lua"}},
                                 {{"id", "c"}, {"script", "scripts/c.lua"}}, {{"id", "shadow"}, {"script", "scripts/shadow.lua"}, {"shadow", true}}}}};
        catalog.set_panel(panel);
        for (int combo = 0; combo < 8; ++combo) {
            json t = test::minimal_tool("tool-" + std::to_string(combo));
            t["availability"] = combo & 1 ? "released" : "announced";
            t["pricing"]["entry"] = combo & 2 ? "free" : "paid";
            t["licence"] = {{"open_source", (combo & 4) != 0}};
            catalog.add_tool(t);
        }
    }

    json stats() const {
        const auto run = test::run_verdict({"stats", "--format", "json", "--catalog", catalog.path().string()});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return json::parse(run.out);
    }
};

std::map<std::string, json> seats_by_id(const json& stats) {
    std::map<std::string, json> out;
    for (const json& s : stats["seats"]) out[s["seat"]] = s;
    return out;
}

std::map<std::string, int> agreed_by_pair(const json& stats) {
    std::map<std::string, int> out;
    for (const json& p : stats["pairs"]) {
        CHECK(p["both_voted"] == 8);
        out[p["seats"][0].get<std::string>() + "-" + p["seats"][1].get<std::string>()] = p["agreed"];
    }
    return out;
}

}  // namespace

TEST_CASE("stats of three independent seats: every pair agrees half the time and Fleiss' kappa is 0", "[cli][stats]") {
    const known_catalog known("licence.open_source", "tool.licence.open_source");
    const json stats = known.stats();
    CHECK(stats["tools"] == 8);
    // R, F and O each hold on 4 of 8 tools, and any two are equal on 4 of 8.
    CHECK(agreed_by_pair(stats) == std::map<std::string, int>{{"a-b", 4}, {"a-c", 4}, {"a-shadow", 4}, {"b-c", 4}, {"b-shadow", 8}, {"c-shadow", 4}});
    // Ships per tool k = 0, 1, 2, 3 on 1, 3, 3, 1 tools: agreement per tool 1, 1/3, 1/3, 1; mean 0.5. Ship share 12/24,
    // so chance agreement 0.5, and kappa (0.5 - 0.5) / (1 - 0.5) = 0.
    CHECK(stats["panel"]["tools"] == 8);
    CHECK(stats["panel"]["votes"] == 24);
    CHECK(stats["panel"]["observed"].get<double>() == Approx(0.5));
    CHECK(stats["panel"]["expected"].get<double>() == Approx(0.5));
    CHECK(stats["panel"]["kappa"].get<double>() == Approx(0.0).margin(1e-12));

    const auto seats = seats_by_id(stats);
    for (const char* id : {"a", "b", "c"}) {
        const json& s = seats.at(id);
        INFO(id);
        CHECK(s["seated"] == 8);
        CHECK(s["ship"] == 4);
        CHECK(s["skip"] == 4);
        CHECK(s["mean_score"] == 60);   // (4 × 70 + 4 × 50) / 8
        CHECK(s["counted_votes"] == 8);
        CHECK(s["rules"] == json::parse(R"([{"rule": "unused", "weight": -5, "weighed": 0, "fired": 0, "mean_points": null},
                                             {"rule": "yes", "weight": 20, "weighed": 8, "fired": 4, "mean_points": 20}])"));
    }
    // A seat decides where the other two split: 1 ship and 2 skips, or 2 and 1, either way. For a: b ≠ c on 4 tools.
    CHECK(seats.at("a")["decisive"] == 4);
    CHECK(seats.at("shadow")["shadow"] == true);
    CHECK(seats.at("shadow")["decisive"].is_null());
    CHECK(seats.at("shadow")["ship"] == 4);

    const auto text = test::run_verdict({"stats", "--catalog", known.catalog.path().string()});
    CHECK_THAT(text.out, Catch::Contains("Fleiss' kappa 0 (observed 0.5, by chance 0.5), over the 24 votes of the counting seats on 8 tools\n"));
    CHECK_THAT(text.out, Catch::Contains("  b · shadow  8 of 8 (100%)\n"));
    CHECK_THAT(text.out, Catch::Contains("  never fired: unused\n"));
}

TEST_CASE("stats of two seats that always agree and one on its own: kappa 1/3, and the lone seat never decides", "[cli][stats]") {
    const known_catalog known("availability", "tool.availability == \"released\"");
    const json stats = known.stats();
    CHECK(agreed_by_pair(stats).at("a-c") == 8);
    CHECK(agreed_by_pair(stats).at("a-b") == 4);
    // Ships per tool k = 2R + F: 0, 1, 2, 3 on 2 tools each; agreement 1, 1/3, 1/3, 1, mean 2/3. Ship share 1/2, chance
    // 1/2, kappa (2/3 - 1/2) / (1/2) = 1/3.
    CHECK(stats["panel"]["observed"].get<double>() == Approx(2.0 / 3));
    CHECK(stats["panel"]["kappa"].get<double>() == Approx(1.0 / 3));
    // With k = 1 (R false, F true) a's skip decides; with k = 2 (R true, F false) a's ship decides: 4 tools. b is on the
    // winning side of a 2-1 split or in a 3-0 one, where flipping it never changes the majority.
    const auto seats = seats_by_id(stats);
    CHECK(seats.at("a")["decisive"] == 4);
    CHECK(seats.at("c")["decisive"] == 4);
    CHECK(seats.at("b")["decisive"] == 0);
}

TEST_CASE("stats counts of every seat on the shipped and a generated catalog add up to what verdict review says", "[cli][stats]") {
    test::temp_dir dir;
    test::generate_catalog(dir.path(), 150, 6, 5);
    for (const std::string& catalog : {test::stock_catalog().string(), dir.path().string()}) {
        INFO(catalog);
        const auto stats_run = test::run_verdict({"stats", "--format", "json", "--catalog", catalog});
        REQUIRE(stats_run.exit_code == 0);
        const json stats = json::parse(stats_run.out);
        const json reviews = json::parse(test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog}).out);
        std::map<std::string, std::map<std::string, int>> counted;
        std::map<std::string, std::map<std::string, int>> fired;
        for (const json& r : reviews)
            for (const json& s : r["reviews"]) {
                ++counted[s["persona"]][s["verdict"]];
                ++counted[s["persona"]]["seated"];
                for (const json& why : s["reasons"]) ++fired[s["persona"]][why["rule"]];
            }
        CHECK(stats["tools"] == reviews.size());
        for (const json& s : stats["seats"]) {
            const std::string id = s["seat"];
            INFO(id);
            for (const char* count : {"seated", "ship", "skip", "abstain"}) CHECK(s[count] == counted[id][count]);
            for (const json& rule : s["rules"]) CHECK(rule["fired"] == fired[id][rule["rule"]]);
        }
    }
}
