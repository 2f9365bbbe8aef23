// verdict explain, run as a maintainer runs it: every rule each seat weighed,
// fired or not, adding up from the base to the very score `verdict review`
// gives, on the shipped catalog, a generated one and a changed panel.
#include "support/generated_catalog.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"
#include "verdict/persona.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

using namespace verdict;
using nlohmann::json;

namespace {

json run_json(const std::vector<std::string>& args) {
    const auto run = test::run_verdict(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

// Holds each explanation of `explained` to the review of the same tool in `reviewed`: the same seats and verdicts,
// the fired rules exactly the reasons, running totals from the base to the score, the margin the score minus the
// threshold. Returns how many rules did not fire, so a caller can see they are listed at all.
std::size_t check_reconciles(const json& explained, const json& reviewed) {
    REQUIRE(explained.size() == reviewed.size());
    std::size_t unfired = 0;
    for (std::size_t t = 0; t < explained.size(); ++t) {
        const json& e = explained[t];
        const json& r = reviewed[t];
        REQUIRE(e["tool"]["id"] == r["tool"]["id"]);
        CHECK(e["panel"] == r["panel"]);
        REQUIRE(e["seats"].size() == r["reviews"].size());
        for (std::size_t s = 0; s < e["seats"].size(); ++s) {
            const json& seat = e["seats"][s];
            const json& review = r["reviews"][s];
            INFO(e["tool"]["id"] << " / " << seat["seat"]);
            CHECK(seat["seat"] == review["persona"]);
            CHECK(seat["verdict"] == review["verdict"]);
            CHECK(seat["base"] == review["base"]);
            CHECK(seat["threshold"] == review["threshold"]);
            CHECK(seat["every_rule"] == true);
            double total = seat["base"].get<double>();
            json fired = json::array();
            for (const json& rule : seat["rules"]) {
                total += rule["points"].get<double>();
                CHECK(rule["total"].get<double>() == Approx(total));
                if (rule["fired"]) {
                    CHECK(rule["points"] == (rule["rule"] == "clamp" ? rule["points"] : rule["weight"]));
                    fired.push_back({{"rule", rule["rule"]}, {"points", rule["points"]}, {"fact", rule["fact"]}, {"value", rule["value"]}});
                } else {
                    CHECK(rule["points"] == 0);
                    CHECK(rule["weight"].is_number());
                    ++unfired;
                }
            }
            json reasons = json::array();
            for (const json& reason : review["reasons"])
                reasons.push_back({{"rule", reason["rule"]}, {"points", reason["points"]}, {"fact", reason["fact"]}, {"value", reason["value"]}});
            CHECK(fired == reasons);
            CHECK(total == Approx(review["score"].get<double>()));
            CHECK(seat["score"] == review["score"]);
            if (seat["verdict"] == "abstain") CHECK(seat["margin"].is_null());
            else {
                CHECK(seat["margin"].get<double>() == Approx(seat["score"].get<double>() - seat["threshold"].get<double>()));
                CHECK((seat["margin"].get<double>() >= 0) == (seat["verdict"] == "ship"));
            }
        }
    }
    return unfired;
}

}  // namespace

TEST_CASE("explain --all reconciles with review --all on the shipped catalog, and lists the rules that did not fire", "[cli][explain]") {
    const json explained = run_json({"explain", "--all", "--format", "json"});
    const json reviewed = run_json({"review", "--all", "--format", "json"});
    CHECK(check_reconciles(explained, reviewed) > 0);
}

TEST_CASE("explain --all reconciles with review --all on a generated catalog", "[cli][explain]") {
    test::temp_dir dir;
    test::generate_catalog(dir.path(), 120, 6, 31);
    const std::string catalog = dir.path().string();
    const json explained = run_json({"explain", "--all", "--format", "json", "--catalog", catalog});
    const json reviewed = run_json({"review", "--all", "--format", "json", "--catalog", catalog});
    REQUIRE(explained.size() == 120);
    CHECK(check_reconciles(explained, reviewed) > 0);
    std::set<std::string> verdicts;
    for (const json& e : explained)
        for (const json& seat : e["seats"]) verdicts.insert(seat["verdict"]);
    CHECK(verdicts == std::set<std::string>{"abstain", "ship", "skip"});
}

TEST_CASE("a weight changed in panel.json shows in explain as the weight in force, and moves the score by it", "[cli][explain]") {
    const json before = run_json({"explain", "claw-code", "--persona", "developer", "--format", "json"});
    const json& rules = before["seats"][0]["rules"];
    const auto fired = std::find_if(rules.begin(), rules.end(), [](const json& r) { return r["fired"] == true; });
    REQUIRE(fired != rules.end());
    const std::string rule = (*fired)["rule"];
    const double weight = (*fired)["weight"];

    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    for (json& seat : panel["seats"])
        if (seat["id"] == "developer") seat["settings"]["weights"][rule] = weight - 7;
    catalog.set_panel(panel);
    const json after = run_json({"explain", "claw-code", "--persona", "developer", "--format", "json", "--catalog", catalog.path().string()});
    const json& changed = after["seats"][0]["rules"];
    const auto now = std::find_if(changed.begin(), changed.end(), [&](const json& r) { return r["rule"] == rule; });
    REQUIRE(now != changed.end());
    CHECK((*now)["weight"] == weight - 7);
    CHECK(after["seats"][0]["score"].get<double>() == Approx(before["seats"][0]["score"].get<double>() - 7));
    CHECK(after["seats"][0]["margin"].get<double>() == Approx(before["seats"][0]["margin"].get<double>() - 7));
}

TEST_CASE("explain prints a table per seat, from the base to the score, and what would flip the verdict", "[cli][explain]") {
    const json doc = run_json({"explain", "claw-code", "--format", "json"});
    const auto run = test::run_verdict({"explain", "claw-code"});
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Catch::StartsWith("Claw Code (claw-code)\nPanel ship 75% (3/4)"));
    for (const json& seat : doc["seats"]) {
        const std::string score = std::to_string(seat["score"].get<int>());
        const std::string threshold = std::to_string(seat["threshold"].get<int>());
        const int margin = seat["margin"].get<int>();
        INFO(seat["seat"]);
        CHECK_THAT(run.out, Catch::Contains(seat["seat"].get<std::string>() + " · " + seat["persona_name"].get<std::string>() + " 2.0.0 · " +
                                            seat["verdict"].get<std::string>() + " " + score + "\n  RULE"));
        const std::string flip = margin >= 0 ? "ship, margin +" + std::to_string(margin) + " (it skips after losing more than " + std::to_string(margin)
                                             : "skip, margin " + std::to_string(margin) + " (it ships with " + std::to_string(-margin) + " more points)";
        CHECK_THAT(run.out, Catch::Contains("= " + score + " against threshold " + threshold + ": " + flip));
    }
    CHECK_THAT(run.out, Catch::Contains("promise_only"));   // weighed, not fired: the developer's rule for a release that is only a promise
}

TEST_CASE("explain lists each quote sentence by sentence with the rules and facts it stands on, as the JSON does", "[cli][explain]") {
    const json doc = run_json({"explain", "claw-code", "--format", "json"});
    const auto run = test::run_verdict({"explain", "claw-code"});
    REQUIRE(run.exit_code == 0);
    for (const json& seat : doc["seats"]) {
        INFO(seat["seat"]);
        REQUIRE_FALSE(seat["sentences"].empty());
        std::string listed = "  The quote, sentence by sentence, and what each stands on:\n";
        for (std::size_t i = 0; i < seat["sentences"].size(); ++i) {
            const json& q = seat["sentences"][i];
            const auto names = [](const json& list) {
                std::vector<std::string> out;
                for (const json& each : list) out.push_back(each.get<std::string>());
                return join_list(out);
            };
            std::string sources;
            if (!q["rules"].empty()) sources = (q["rules"].size() == 1 ? "rule " : "rules ") + names(q["rules"]);
            if (!q["facts"].empty()) sources += (sources.empty() ? "" : "; ") + std::string(q["facts"].size() == 1 ? "fact " : "facts ") + names(q["facts"]);
            listed += "  " + std::to_string(i + 1) + ". " + q["text"].get<std::string>() + "\n     stands on " + sources + "\n";
        }
        CHECK_THAT(run.out, Catch::Contains(listed));
    }
    // The skeptic's skip opens on its biggest loss, the legal risk, and closes on it.
    CHECK_THAT(run.out, Catch::Contains("  1. The legal situation is murky: it was rewritten after Claude Code's source maps leaked"));
    CHECK_THAT(run.out, Catch::Contains("     stands on rule legal_risk_high; facts risks.legal and risks.legal_notes\n"));
}

TEST_CASE("explain --persona explains one seat, and an unknown seat is bad input with a suggestion", "[cli][explain][errors]") {
    const json one = run_json({"explain", "claw-code", "--persona", "skeptic", "--format", "json"});
    REQUIRE(one["seats"].size() == 1);
    CHECK(one["seats"][0]["seat"] == "skeptic");

    const auto unknown = test::run_verdict({"explain", "claw-code", "--persona", "skeptik"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("--persona: expected a seat of "));
    CHECK_THAT(unknown.err, Catch::Contains("found \"skeptik\" (did you mean \"skeptic\"?)"));
    const auto neither = test::run_verdict({"explain"});
    CHECK(neither.exit_code == 2);
    CHECK_THAT(neither.err, Catch::Contains("expected tool ids or --all, found neither"));
}

TEST_CASE("a review a script built by hand explains only the rules that fired, and says so", "[cli][explain]") {
    test::temp_catalog catalog;
    json panel = test::stock_panel_json();
    panel["seats"] = json::array({{{"id", "hand"}, {"script", (test::source_dir() / "tests/fixtures/scripts/hand_built_review.lua").string()}}});
    panel["default_seats"] = json::array({"hand"});
    panel["quorum"] = 1;
    catalog.set_panel(panel);
    catalog.add_tool(test::minimal_tool("well-formed"));
    const json doc = run_json({"explain", "well-formed", "--format", "json", "--catalog", catalog.path().string()});
    const json& seat = doc["seats"][0];
    CHECK(seat["every_rule"] == false);
    CHECK(seat["known_facts"].is_null());
    REQUIRE(seat["rules"].size() == 1);
    CHECK(seat["rules"][0]["rule"] == "steady");
    CHECK(seat["rules"][0]["total"] == seat["score"]);
    const auto text = test::run_verdict({"explain", "well-formed", "--catalog", catalog.path().string()});
    CHECK_THAT(text.out, Catch::Contains("(a review built without a scorecard: only the rules that fired are known)"));
}

TEST_CASE("explain --persona of a seat that does not sit on a tool shows how it would review it, and says it does not count", "[cli][explain]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    panel["seats"].push_back({{"id", "tinkerer"}, {"script", (test::source_dir() / "scripts" / "skeptic.lua").string()}});
    catalog.set_panel(panel);
    const auto run = test::run_verdict({"explain", "claw-code", "--persona", "tinkerer", "--format", "json", "--catalog", catalog.path().string()});
    REQUIRE(run.exit_code == 0);
    const json doc = json::parse(run.out);
    REQUIRE(doc["seats"].size() == 1);
    CHECK(doc["seats"][0]["seat"] == "tinkerer");
    CHECK(doc["panel"]["ship_pct"] == 75);   // the panel of the seats that sit, unchanged
    CHECK(run.err == "verdict: note: seat tinkerer does not sit on claw-code's panel, so its verdict there does not count; this is how it "
                     "would review it (seat it in the tool's \"seats\" or panel.json's \"default_seats\")\n");
    CHECK(test::json_schema_errors("explain", run.out).empty());
    const auto sitting = test::run_verdict({"explain", "claw-code", "--persona", "skeptic", "--catalog", catalog.path().string()});
    CHECK(sitting.err.empty());
}
