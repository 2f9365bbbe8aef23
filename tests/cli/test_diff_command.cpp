// verdict diff, run as a maintainer runs it before publishing a rule change:
// the flips it lists are the ones worked out here, independently, from the
// old panel's explanation and the changed weight, whether the old rules come
// from a panel file or from a commit of a git repository.
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

// The rule changes diff lists for one seat's review under the new weight: the rule itself, and the clamp when it
// changes (a total clamped to 0-100 before or after, by a different amount), each side null where there is none.
json expected_rule_changes(const json& explained, const std::string& tool, const std::string& seat, const std::string& rule, double weight) {
    for (const json& each : explained) {
        if (each["tool"]["id"] != tool) continue;
        for (const json& s : each["seats"]) {
            if (s["seat"] != seat) continue;
            double before = s["base"].get<double>();
            double fired_points = 0;
            for (const json& r : s["rules"]) {
                if (r["rule"] == "clamp") continue;
                before += r["points"].get<double>();
                if (r["rule"] == rule && r["fired"] == true) fired_points = r["points"].get<double>();
            }
            const double after = before - fired_points + weight;
            auto clamp_of = [](double total) { return std::clamp(total, 0.0, 100.0) == total ? json(nullptr) : json(std::clamp(total, 0.0, 100.0) - total); };
            json changes = json::array({{{"rule", rule}, {"before", fired_points}, {"after", weight}}});
            if (clamp_of(before) != clamp_of(after)) changes.push_back({{"rule", "clamp"}, {"before", clamp_of(before)}, {"after", clamp_of(after)}});
            return changes;
        }
    }
    return nullptr;
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
        CHECK(r["rules"] == expected_rule_changes(old, r["tool"], "developer", "artifact", -30));
        CHECK(r["rules"][0] == json::parse(R"({"rule": "artifact", "before": 15, "after": -30})"));
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
    CHECK_THAT(once.err, Catch::Contains("expected --panel twice (the old configuration, then the new) or --against REV, found --panel 1 time"));
    test::temp_dir dir;
    test::write_file(dir.path() / "broken.json", "{\"rule_set\": 3}");
    const auto broken = test::run_verdict({"diff", "--panel", "catalog/panel.json", "--panel", (dir.path() / "broken.json").string()});
    CHECK(broken.exit_code == 2);
    CHECK_THAT(broken.err, Catch::Contains("broken.json"));
}

namespace {

// A git repository holding a generated catalog and the stock scripts, its developer seat a script, all committed.
struct catalog_repository {
    test::temp_dir dir;
    std::filesystem::path catalog = dir.path() / "catalog";
    std::filesystem::path script = dir.path() / "scripts" / "developer.lua";

    catalog_repository() {
        test::generate_catalog(catalog, 150, 6, 47);
        std::filesystem::copy(test::source_dir() / "scripts", dir.path() / "scripts");
        json panel = json::parse(test::read_file(catalog / "panel.json"));
        panel["seats"][0] = {{"id", "developer"}, {"script", "../scripts/developer.lua"}};
        test::write_file(catalog / "panel.json", panel.dump(2));
        git({"init", "-q"});
        git({"add", "-A"});
        git({"-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-m", "catalog"});
    }
    test::process_result git(const std::vector<std::string>& args) const {
        std::vector<std::string> all{"-C", dir.path().string()};
        all.insert(all.end(), args.begin(), args.end());
        auto run = test::run_process("git", all, dir.path());
        INFO("git " << args[0] << ": " << run.err);
        REQUIRE(run.exit_code == 0);
        return run;
    }
    std::string catalog_arg() const { return catalog.string(); }
};

// `text` with its one `from` replaced by `to`; fails the test when `from` is not there exactly once.
std::string with_replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("diff --against a commit reviews with that commit's scripts and lists exactly the flips an edited script makes", "[cli][diff][git]") {
    catalog_repository repo;
    const auto explained = test::run_verdict({"explain", "--all", "--format", "json", "--catalog", repo.catalog_arg()});
    REQUIRE(explained.exit_code == 0);
    const json old = json::parse(explained.out);
    const std::set<std::string> expected = expected_flips(old, "developer", "artifact", -30);
    REQUIRE(expected.size() > 3);
    // The edit is in the script itself, not the panel: only the committed script can give the old side.
    test::write_file(repo.script, with_replaced(test::read_file(repo.script), "artifact = 15,", "artifact = -30,"));
    const std::string status_before = repo.git({"status", "--porcelain"}).out;

    const auto run = test::run_verdict({"diff", "--against", "HEAD", "--format", "json", "--catalog", repo.catalog_arg()});
    CHECK(run.exit_code == 1);
    const json diff = json::parse(run.out);
    CHECK(listed_flips(diff) == expected);
    CHECK(diff["counts"]["tools"] == 150);
    CHECK(diff["added_tools"].empty());
    CHECK(diff["removed_tools"].empty());
    const std::string commit = repo.git({"rev-parse", "--short", "HEAD"}).out;
    CHECK(diff["before"] == "HEAD (" + commit.substr(0, commit.size() - 1) + ")");
    CHECK(diff["after"] == "working tree");
    for (const json& r : diff["reviews"]) {
        INFO(r.dump());
        CHECK(r["rules"] == expected_rule_changes(old, r["tool"], "developer", "artifact", -30));
    }
    // Reading the revision touched nothing of the working tree.
    CHECK(repo.git({"status", "--porcelain"}).out == status_before);
}

TEST_CASE("diff --against lists the tools added and removed since the revision, and compares only the tools on both sides", "[cli][diff][git]") {
    catalog_repository repo;
    const auto tools = json::parse(test::run_verdict({"review", "--all", "--format", "json", "--catalog", repo.catalog_arg()}).out);
    REQUIRE(tools.size() == 150);
    const std::string gone = tools[3]["tool"]["id"];
    std::filesystem::remove(repo.catalog / "tools" / (gone + ".json"));
    json added = test::minimal_tool("brand-new-tool");
    added["category"] = tools[0]["tool"]["category"];
    test::write_file(repo.catalog / "tools" / "brand-new-tool.json", added.dump(2));
    // The comparisons must no longer name the removed tool; the others stay.
    json comparisons = json::parse(test::read_file(repo.catalog / "comparisons.json"));
    json kept = json::array();
    for (const json& pair : comparisons["pairs"])
        if (pair[0] != gone && pair[1] != gone) kept.push_back(pair);
    REQUIRE(kept.size() < comparisons["pairs"].size());
    comparisons["pairs"] = kept;
    test::write_file(repo.catalog / "comparisons.json", comparisons.dump(2));

    const auto run = test::run_verdict({"diff", "--against", "HEAD", "--format", "json", "--catalog", repo.catalog_arg()});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    const json diff = json::parse(run.out);
    CHECK(diff["counts"]["tools"] == 149);
    CHECK(diff["counts"]["comparisons"] == kept.size());
    CHECK(diff["reviews"].empty());
    CHECK(diff["picks"].empty());
    REQUIRE(diff["removed_tools"].size() == 1);
    CHECK(diff["removed_tools"][0]["tool"] == gone);
    CHECK(diff["removed_tools"][0]["ship_pct"] == tools[3]["panel"]["ship_pct"]);
    REQUIRE(diff["added_tools"].size() == 1);
    CHECK(diff["added_tools"][0]["tool"] == "brand-new-tool");
    const auto text = test::run_verdict({"diff", "--against", "HEAD", "--catalog", repo.catalog_arg()});
    CHECK_THAT(text.out, Catch::Contains("; 1 tool added, 1 removed\n"));
    CHECK_THAT(text.out, Catch::Contains("\nTools removed\n  " + gone + " (panel "));
}

TEST_CASE("diff --against names what is wrong: no repository, no such revision, no catalog in it, a broken script in it", "[cli][diff][git][errors]") {
    test::temp_catalog outside;
    const auto no_repo = test::run_verdict({"diff", "--against", "HEAD", "--catalog", outside.path().string()});
    CHECK(no_repo.exit_code == 2);
    CHECK_THAT(no_repo.err, Catch::Contains("verdict: error: revision HEAD: expected the catalog folder ") && Catch::Contains("in a git repository"));

    catalog_repository repo;
    const auto no_rev = test::run_verdict({"diff", "--against", "no-such-branch", "--catalog", repo.catalog_arg()});
    CHECK(no_rev.exit_code == 2);
    CHECK_THAT(no_rev.err, Catch::Contains("expected a commit of the catalog's git repository, found nothing named \"no-such-branch\""));
    const auto option = test::run_verdict({"diff", "--against", "--help=x", "--catalog", repo.catalog_arg()});
    CHECK(option.exit_code == 2);

    // A later commit moves the catalog: the first commit has no "catalog/" folder for the new place.
    repo.git({"mv", "catalog", "catalog2"});
    repo.git({"-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-m", "move"});
    const auto no_catalog = test::run_verdict({"diff", "--against", "HEAD~1", "--catalog", (repo.dir.path() / "catalog2").string()});
    CHECK(no_catalog.exit_code == 2);
    CHECK_THAT(no_catalog.err, Catch::Contains("expected the catalog folder catalog2/ in commit ") && Catch::Contains("found nothing there"));

    // A script broken at the revision fails its seat on the old side, named as git names a file of a commit.
    test::write_file(repo.dir.path() / "scripts" / "developer.lua", "return {\n");
    repo.git({"-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-a", "-m", "break"});
    repo.git({"checkout", "-q", "HEAD~1", "--", "scripts/developer.lua"});
    const auto broken = test::run_verdict({"diff", "--against", "HEAD", "--catalog", (repo.dir.path() / "catalog2").string()});
    CHECK(broken.exit_code == 1);
    CHECK_THAT(broken.err, Catch::Contains("seat developer failed: HEAD:scripts/developer.lua:2: "));
    CHECK_THAT(broken.out, Catch::Contains("failed → ship"));
}

TEST_CASE("diff --against loads a plugin the old panel names by path from the working tree, where it is built", "[cli][diff][git]") {
    catalog_repository repo;
    const std::filesystem::path built = repo.dir.path() / "built";
    std::filesystem::create_directories(built);
    std::filesystem::copy_file(test::persona_dir() / "skeptic.so", built / "skeptic.so");
    test::write_file(repo.dir.path() / ".gitignore", "built/\n");
    json panel = json::parse(test::read_file(repo.catalog / "panel.json"));
    panel["seats"][1] = {{"id", "skeptic"}, {"plugin", "../built/skeptic.so"}};
    test::write_file(repo.catalog / "panel.json", panel.dump(2));
    repo.git({"add", "-A"});
    repo.git({"-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-m", "skeptic by path"});
    CHECK(repo.git({"ls-files", "built"}).out.empty());

    const auto run = test::run_verdict({"diff", "--against", "HEAD", "--format", "json", "--catalog", repo.catalog_arg()});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(json::parse(run.out)["counts"]["reviews_changed"] == 0);
}
