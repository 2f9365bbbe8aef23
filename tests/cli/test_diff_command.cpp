// verdict diff, run as a maintainer runs it before publishing a rule change:
// the flips it lists are the ones worked out here, independently, from the
// old panel's explanation and the changed weight.
#include "support/generated_catalog.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>

using namespace verdict;
using nlohmann::json;

namespace {

// The stock panel with `rule` of seat `seat` weighing `weight`, written beside the catalog's own panel.json.
std::string changed_panel(const std::filesystem::path& dir, const std::string& seat, const std::string& rule, double weight) {
    json panel = test::stock_panel_json();
    for (json& s : panel["seats"])
        if (s["id"] == seat) s["settings"]["weights"][rule] = weight;
    const std::filesystem::path file = dir / "panel-new.json";
    test::write_file(file, panel.dump(2));
    return file.string();
}

// "tool/seat" of each review whose verdict the new weight flips, worked out from the old panel's explanation: the
// same rules fire, with the rule's points replaced, the total clamped to 0-100; an abstention stays one.
std::set<std::string> expected_flips(const json& explained, const std::string& seat, const std::string& rule, double weight) {
    std::set<std::string> flips;
    for (const json& tool : explained)
        for (const json& s : tool["seats"]) {
            if (s["seat"] != seat || s["verdict"] == "abstain" || s["verdict"] == "failed") continue;
            double total = s["base"].get<double>();
            for (const json& r : s["rules"])
                if (r["rule"] != "clamp") total += r["rule"] == rule && r["fired"] == true ? weight : r["points"].get<double>();
            const bool ships = std::clamp(total, 0.0, 100.0) >= s["threshold"].get<double>();
            if (ships != (s["verdict"] == "ship")) flips.insert(tool["tool"]["id"].get<std::string>() + "/" + seat);
        }
    return flips;
}

std::set<std::string> listed_flips(const json& diff) {
    std::set<std::string> flips;
    for (const json& r : diff["reviews"])
        if (r["flipped"] == true) flips.insert(r["tool"].get<std::string>() + "/" + r["seat"].get<std::string>());
    return flips;
}

}  // namespace

TEST_CASE("diff lists exactly the flips a weight change makes, worked out independently, on a generated catalog", "[cli][diff]") {
    test::temp_dir dir;
    test::generate_catalog(dir.path(), 150, 6, 47);
    const std::string catalog = dir.path().string();
    const auto explained = test::run_verdict({"explain", "--all", "--format", "json", "--catalog", catalog});
    REQUIRE(explained.exit_code == 0);
    const json old = json::parse(explained.out);
    const std::string panel = changed_panel(dir.path(), "developer", "artifact", -30);
    const std::set<std::string> expected = expected_flips(old, "developer", "artifact", -30);
    REQUIRE(expected.size() > 3);

    const auto run = test::run_verdict({"diff", "--panel", (dir.path() / "panel.json").string(), "--panel", panel, "--format", "json", "--catalog", catalog});
    CHECK(run.exit_code == 1);
    const json diff = json::parse(run.out);
    CHECK(listed_flips(diff) == expected);
    CHECK(diff["counts"]["verdicts_flipped"] == expected.size());
    CHECK(diff["counts"]["tools"] == 150);
    for (const json& r : diff["reviews"]) {
        INFO(r.dump());
        CHECK(r["seat"] == "developer");
        REQUIRE(r["rules"].size() == 1);
        CHECK(r["rules"][0]["rule"] == "artifact");
        CHECK(r["rules"][0]["before"] == 15);
        CHECK(r["rules"][0]["after"] == -30);
    }
    // Each panel % listed moved, and each that moved is listed: read both sides from verdict review.
    const auto before = json::parse(test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog}).out);
    test::write_file(dir.path() / "panel.json", test::read_file(panel));
    const auto after = json::parse(test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog}).out);
    std::set<std::string> moved;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (before[i]["panel"]["ship_pct"] != after[i]["panel"]["ship_pct"]) moved.insert(before[i]["tool"]["id"]);
    std::set<std::string> listed;
    for (const json& p : diff["panels"]) listed.insert(p["tool"]);
    CHECK(listed == moved);
    CHECK_FALSE(moved.empty());
}

TEST_CASE("diff of a panel against itself lists nothing and exits 0, in every format", "[cli][diff]") {
    const std::string panel = (test::stock_catalog() / "panel.json").string();
    const auto text = test::run_verdict({"diff", "--panel", panel, "--panel", panel});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("0 of 20 reviews changed (0 verdicts flipped), 0 of 5 panel % changed, 0 of 10 picks changed"));
    const auto doc = test::run_verdict({"diff", "--panel", panel, "--panel", panel, "--format", "json"});
    CHECK(doc.exit_code == 0);
    CHECK(json::parse(doc.out)["reviews"].empty());
    const auto md = test::run_verdict({"diff", "--panel", panel, "--panel", panel, "--format", "md"});
    CHECK(md.exit_code == 0);
    CHECK_THAT(md.out, Catch::StartsWith("# Verdict diff: "));
}

TEST_CASE("diff on the shipped catalog shows a flip in text and Markdown, with the rule that moved", "[cli][diff]") {
    test::temp_dir dir;
    const std::string panel = changed_panel(dir.path(), "skeptic", "legal_risk_high", -5);
    // The new panel sits outside the catalog: its stock plugin names still resolve, its paths are its own.
    const auto text = test::run_verdict({"diff", "--panel", (test::stock_catalog() / "panel.json").string(), "--panel", panel});
    CHECK(text.exit_code == 1);
    CHECK_THAT(text.out, Catch::Contains("FLIP claw-code / skeptic: skip 20 → ship 50\n         legal_risk_high -35 → -5\n"));
    CHECK_THAT(text.out, Catch::Contains("claw-code: 75% → 100%"));
    const auto md = test::run_verdict({"diff", "--panel", (test::stock_catalog() / "panel.json").string(), "--panel", panel, "--format", "md"});
    CHECK_THAT(md.out, Catch::Contains("| claw-code | skeptic | skip 20 | ship 50 | yes | legal\\_risk\\_high -35 → -5 |"));
}

TEST_CASE("diff needs --panel twice, and a bad panel file is bad input naming it", "[cli][diff][errors]") {
    const auto once = test::run_verdict({"diff", "--panel", "catalog/panel.json"});
    CHECK(once.exit_code == 2);
    CHECK_THAT(once.err, Catch::Contains("expected --panel twice (the old configuration, then the new), found it 1 time"));
    test::temp_dir dir;
    test::write_file(dir.path() / "broken.json", "{\"rule_set\": 3}");
    const auto broken = test::run_verdict({"diff", "--panel", "catalog/panel.json", "--panel", (dir.path() / "broken.json").string()});
    CHECK(broken.exit_code == 2);
    CHECK_THAT(broken.err, Catch::Contains("broken.json"));
}
