// verdict test, run as editors and maintainers run it: the shipped fixtures
// hold the brief's verdict table; what a fixture finds is what verdict review
// says; a rule change that turns a verdict is a miss with its receipt; a bad
// fixture is bad input that names the file and the pointer.
#include "support/generated_catalog.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> stock_seats{"developer", "skeptic", "futurist", "business", "creator"};

// Each tool's review by id, from verdict review --all.
std::map<std::string, json> reviews_by_id(const std::string& catalog) {
    const auto run = test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog});
    REQUIRE(run.exit_code == 0);
    std::map<std::string, json> out;
    for (const json& r : json::parse(run.out)) out[r["tool"]["id"]] = r;
    return out;
}

// What `review` says of `seat`: its verdict and score, as verdict test words what it found.
std::string found_in(const json& review, const std::string& seat) {
    for (const json& r : review["reviews"])
        if (r["persona"] == seat) return r["verdict"].get<std::string>() + (r["score"].is_null() ? "" : " " + r["score"].dump());
    return "not seated";
}

// A fixture file expecting, of every tool of `reviews`, each seat's verdict and the panel's %, as they are.
json fixtures_from(const std::map<std::string, json>& reviews) {
    json fixtures = json::array();
    for (const auto& [id, review] : reviews) {
        json seats = json::object();
        for (const json& r : review["reviews"]) seats[r["persona"].get<std::string>()] = {{"verdict", r["verdict"]}};
        json fixture = {{"tool", id}, {"seats", seats}};
        if (!review["panel"]["ship_pct"].is_null()) fixture["panel"] = {{"ship_pct", review["panel"]["ship_pct"]}};
        fixtures.push_back(fixture);
    }
    return {{"fixtures", fixtures}};
}

// A score as verdict writes it: 65, 62.5.
std::string number_text(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

// "tool-id/subject" of each check that missed.
std::set<std::string> misses_of(const json& run) {
    std::set<std::string> out;
    for (const json& f : run["fixtures"])
        for (const json& c : f["checks"])
            if (c["holds"] == false) out.insert(f["tool"].get<std::string>() + "/" + c["subject"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("the shipped fixtures hold the brief's table for every tool and seat, and find what verdict review says", "[cli][test]") {
    const auto run = test::run_verdict({"test", "--format", "json"});
    CHECK(run.exit_code == 0);
    const json result = json::parse(run.out);
    CHECK(result["counts"]["missed"] == 0);
    const auto reviews = reviews_by_id(test::stock_catalog().string());
    std::set<std::string> covered;
    for (const json& f : result["fixtures"]) {
        if (f["file"] != "catalog/fixtures/brief-verdicts.json") continue;
        const json& review = reviews.at(f["tool"]);
        CHECK(f["panel"] == review["panel"]);
        for (const json& c : f["checks"]) {
            INFO(f["tool"] << " " << c["subject"]);
            covered.insert(f["tool"].get<std::string>() + "/" + c["subject"].get<std::string>());
            if (c["subject"] == "panel") CHECK(c["found"] == review["panel"]["ship_pct"].dump() + "%");
            else CHECK(c["found"] == found_in(review, c["subject"]));
        }
    }
    // The whole table: every seat, seated or not, and the panel, of every tool.
    std::set<std::string> table;
    for (const auto& [id, review] : reviews) {
        for (const std::string& seat : stock_seats) table.insert(id + "/" + seat);
        table.insert(id + "/panel");
    }
    CHECK(covered == table);
    CHECK_THAT(test::run_verdict({"test"}).out, Catch::EndsWith("of 35 expectations hold, in 9 fixtures; 0 misses.\n"));
}

TEST_CASE("a weight change that turns a verdict is a miss, with the seat's receipt adding up to what it found", "[cli][test]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    panel["seats"][1]["settings"]["weights"]["legal_risk_high"] = -5;
    catalog.set_panel(panel);
    const fs::path fixtures = test::stock_catalog() / "fixtures" / "brief-verdicts.json";
    const auto run = test::run_verdict({"test", fixtures.string(), "--format", "json", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 1);
    const json result = json::parse(run.out);
    CHECK(misses_of(result) == std::set<std::string>{"claw-code/skeptic", "claw-code/panel"});
    for (const json& f : result["fixtures"])
        for (const json& c : f["checks"]) {
            if (c["holds"] == true || c["subject"] == "panel") continue;
            const json& receipt = c["receipt"];
            REQUIRE(receipt.is_object());
            CHECK(receipt["rules"].back()["total"] == receipt["score"]);
            CHECK(c["found"] == "ship " + receipt["score"].dump());
            CHECK(c["pointer"] == "/fixtures/2/seats/skeptic");
        }
    const auto text = test::run_verdict({"test", fixtures.string(), "--catalog", catalog.path().string()});
    CHECK_THAT(text.out, Catch::Contains("  MISS  Claw Code · skeptic: expected skip, found ship 50  (/fixtures/2/seats/skeptic)\n"));
    CHECK_THAT(text.out, Catch::Contains("legal_risk_high        -5    yes      -5     45  risks.legal = high\n"));
    CHECK_THAT(text.out, Catch::Contains("  MISS  Claw Code · panel: expected 75%, found 100%  (/fixtures/2/panel/ship_pct)\n"
                                         "          developer ship 90 · skeptic ship 50 · futurist ship 70 · creator ship 70\n"));
    CHECK_THAT(text.out, Catch::EndsWith("28 of 30 expectations hold, in 5 fixtures; 2 misses.\n"));
}

TEST_CASE("fixtures written from every review of a generated catalog hold, and a weight change misses exactly what it moves", "[cli][test]") {
    test::temp_dir dir;
    test::generate_catalog(dir.path(), 120, 5, 11);
    const std::string catalog = dir.path().string();
    const auto before = reviews_by_id(catalog);
    test::write_file(dir.path() / "fixtures" / "all.json", fixtures_from(before).dump(2));
    const auto holds = test::run_verdict({"test", "--format", "json", "--catalog", catalog});
    CHECK(holds.exit_code == 0);
    CHECK(json::parse(holds.out)["counts"]["fixtures"] == 120);
    CHECK(json::parse(holds.out)["counts"]["missed"] == 0);

    json panel = json::parse(test::read_file(dir.path() / "panel.json"));
    panel["seats"][0]["settings"]["threshold"] = 75;
    test::write_file(dir.path() / "panel.json", panel.dump(2));
    const auto after = reviews_by_id(catalog);
    std::set<std::string> moved;
    for (const auto& [id, review] : after) {
        const json& old = before.at(id);
        for (const json& r : review["reviews"]) {
            for (const json& o : old["reviews"])
                if (o["persona"] == r["persona"] && o["verdict"] != r["verdict"]) moved.insert(id + "/" + r["persona"].get<std::string>());
        }
        if (old["panel"]["ship_pct"] != review["panel"]["ship_pct"] && !old["panel"]["ship_pct"].is_null()) moved.insert(id + "/panel");
    }
    REQUIRE(moved.size() > 3);
    const auto misses = test::run_verdict({"test", "--format", "json", "--catalog", catalog});
    CHECK(misses.exit_code == 1);
    CHECK(misses_of(json::parse(misses.out)) == moved);
}

TEST_CASE("a fixture of an inline tool holds its score range with both bounds included", "[cli][test]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json facts = test::minimal_tool("inline-probe");
    facts["availability"] = "released";
    facts["licence"] = {{"open_source", true}};
    // The score the developer gives these facts, read from verdict review of the same tool as a catalog file.
    test::temp_catalog probe;
    probe.add_tool(facts);
    const json reviewed = json::parse(test::run_verdict({"review", "inline-probe", "--format", "json", "--catalog", probe.path().string()}).out);
    const double score = reviewed["reviews"][0]["score"];
    const std::string verdict = reviewed["reviews"][0]["verdict"];

    const json file = {{"fixtures",
                        {{{"name", "at its score"}, {"tool_facts", facts}, {"seats", {{"developer", {{"verdict", verdict}, {"score", {{"min", score}, {"max", score}}}}}}}},
                         {{"name", "just above"}, {"tool_facts", facts}, {"seats", {{"developer", {{"verdict", verdict}, {"score", {{"min", score + 1}}}}}}}},
                         {{"name", "just below"}, {"tool_facts", facts}, {"seats", {{"developer", {{"verdict", verdict}, {"score", {{"max", score - 1}}}}}}}}}}};
    test::write_file(catalog.path() / "fixtures" / "inline.json", file.dump(2));
    const auto run = test::run_verdict({"test", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 1);
    const json result = json::parse(run.out);
    REQUIRE(result["fixtures"].size() == 3);
    CHECK(result["fixtures"][0]["checks"][0]["holds"] == true);
    CHECK(result["fixtures"][0]["inline"] == true);
    CHECK(result["fixtures"][1]["checks"][0]["holds"] == false);
    CHECK(result["fixtures"][1]["checks"][0]["expected"] == verdict + ", with a score of at least " + number_text(score + 1));
    CHECK(result["fixtures"][2]["checks"][0]["holds"] == false);
    CHECK(result["fixtures"][2]["checks"][0]["found"] == verdict + " " + number_text(score));
}

TEST_CASE("a bad fixture is bad input naming its file and pointer, and the good fixtures still run", "[cli][test][errors]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json bad_facts = test::minimal_tool("bad-facts");
    bad_facts["availability"] = "someday";
    const json file = {{"fixtures",
                        {{{"tool", "claw-code"}, {"seats", {{"skeptik", {{"verdict", "skip"}}}}}},
                         {{"tool", "claw-cod"}, {"panel", {{"ship_pct", 75}}}},
                         {{"tool", "claw-code"}, {"tool_facts", test::minimal_tool("x")}, {"panel", {{"ship_pct", 75}}}},
                         {{"tool", "claw-code"}},
                         {{"tool", "claw-code"}, {"seats", {{"skeptic", {{"verdict", "skip"}, {"score", {{"min", 50}, {"max", 10}}}}}}}},
                         {{"tool_facts", bad_facts}, {"seats", {{"developer", {{"verdict", "skip"}}}}}},
                         {{"tool", "claw-code"}, {"seats", {{"business", {{"verdict", "not seated"}, {"score", {{"max", 10}}}}}}}},
                         {{"tool", "claw-code"}, {"panel", {{"mean_score", json::object()}}}},
                         {{"tool", "claw-code"}, {"panel", {{"ship_pct", 75}}}}}}};
    test::write_file(catalog.path() / "fixtures" / "mixed.json", file.dump(2));
    const auto run = test::run_verdict({"test", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    const std::string shown = (catalog.path() / "fixtures" / "mixed.json").string();
    for (const char* message :
         {": /fixtures/0/seats/skeptik: expected a seat of the panel, found unknown seat \"skeptik\" (did you mean \"skeptic\"?)",
          ": /fixtures/1/tool: expected a tool of the catalog, found unknown tool \"claw-cod\" (did you mean \"claw-code\"?)",
          ": /fixtures/2: expected exactly one of \"tool\" and \"tool_facts\", found both",
          ": /fixtures/3: expected something to expect: a seat under \"seats\", or \"panel\", found nothing",
          ": /fixtures/4/seats/skeptic/score: expected min at most max, found min 50 and max 10",
          ": /fixtures/5/tool_facts/availability: expected one of ",
          ": /fixtures/6/seats/business/score: expected no score for a seat expected not to sit, found a score range",
          ": /fixtures/7/panel/mean_score: expected at least one of \"min\" and \"max\", found neither"}) {
        INFO(run.err);
        CHECK_THAT(run.err, Catch::Contains(shown + std::string(message)));
    }
    CHECK_THAT(run.out, Catch::EndsWith("1 of 1 expectations hold, in 1 fixture; 0 misses.\n"));

    test::temp_catalog without_fixtures;
    without_fixtures.add_stock_tools();
    const auto none = test::run_verdict({"test", "--catalog", without_fixtures.path().string()});
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Catch::Contains("verdict: error: expected fixture files, found none in "));
    const auto schema = test::run_verdict({"test", (catalog.path() / "tools" / "claw-code.json").string(), "--catalog", catalog.path().string()});
    CHECK(schema.exit_code == 2);
    CHECK_THAT(schema.err, Catch::Contains("claw-code.json: /: expected required field \"fixtures\", found no such field"));
}
