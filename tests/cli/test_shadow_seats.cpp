// Shadow seats, run as a maintainer trials a persona on the live catalog: the
// trial seat reviews every tool and shows wherever reviews are read (tool
// pages, explain, diff, personas), yet every panel % and every comparison page
// comes out exactly as it does without it.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The stock panel with a strict skeptic on trial: at threshold 100 it skips every tool, so counting it would lower
// every panel % that is above 0.
json trial_panel() {
    json panel = test::stock_panel_json();
    panel["seats"].insert(panel["seats"].begin() + 2,
                          json{{"id", "strict_skeptic"}, {"plugin", "skeptic"}, {"shadow", true}, {"settings", {{"threshold", 100}}}});
    return panel;
}

// A catalog of the stock tools under `panel`.
struct catalog_under {
    test::temp_catalog catalog;
    explicit catalog_under(const json& panel) {
        catalog.add_stock_tools();
        catalog.set_panel(panel);
        test::write_file(catalog.path() / "comparisons.json", test::read_file(test::stock_catalog() / "comparisons.json"));
    }
    std::string path() const { return catalog.path().string(); }
};

json reviews_of(const catalog_under& c) {
    const auto run = test::run_verdict({"review", "--all", "--format", "json", "--catalog", c.path()});
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

// Each file under `dir` by its path relative to it, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file()) out[fs::relative(entry.path(), dir).generic_string()] = test::read_file(entry.path());
    return out;
}

}  // namespace

TEST_CASE("a shadow seat reviews every tool, marked, and changes no panel verdict", "[cli][shadow]") {
    const catalog_under stock(test::stock_panel_json());
    const catalog_under trial(trial_panel());
    const json before = reviews_of(stock);
    const json after = reviews_of(trial);
    REQUIRE(before.size() == 5);
    REQUIRE(after.size() == before.size());
    int would_move = 0;
    for (std::size_t i = 0; i < after.size(); ++i) {
        INFO(after[i]["tool"]["id"]);
        CHECK(after[i]["panel"] == before[i]["panel"]);
        json others = json::array();
        json shadow;
        for (const json& r : after[i]["reviews"]) {
            if (r["persona"] == "strict_skeptic") shadow = r;
            else others.push_back(r);
        }
        CHECK(others == before[i]["reviews"]);
        REQUIRE(shadow.is_object());
        CHECK(shadow["shadow"] == true);
        CHECK(shadow["verdict"] == "skip");
        CHECK(shadow["threshold"] == 100);
        for (const json& r : others) CHECK(r["shadow"] == false);
        // Counted, its skip would have moved this tool's %: the equality above is not a coincidence.
        const json& p = before[i]["panel"];
        const int ship = p["ship"].get<int>();
        const int voting = p["voting"].get<int>();
        if (ship > 0 && (200 * ship + voting + 1) / (2 * (voting + 1)) != p["ship_pct"].get<int>()) ++would_move;
    }
    CHECK(would_move == 5);

    const auto text = test::run_verdict({"review", "claw-code", "--catalog", trial.path()});
    CHECK_THAT(text.out, Catch::Contains("strict_skeptic · Skeptic 2.0.0 · SKIP 20 (threshold 100) · shadow seat, not counted"));
    CHECK_THAT(text.out, Catch::Contains("Panel ship 75% (3/4)"));
}

TEST_CASE("explain, diff and personas show a shadow seat, and promoting it moves exactly the % it would have moved", "[cli][shadow][diff]") {
    const catalog_under trial(trial_panel());
    const auto explained = test::run_verdict({"explain", "--all", "--persona", "strict_skeptic", "--format", "json", "--catalog", trial.path()});
    REQUIRE(explained.exit_code == 0);
    for (const json& tool : json::parse(explained.out)) {
        REQUIRE(tool["seats"].size() == 1);
        CHECK(tool["seats"][0]["shadow"] == true);
        CHECK(tool["seats"][0]["margin"].get<double>() < 0);
    }
    CHECK_THAT(test::run_verdict({"explain", "claw-code", "--catalog", trial.path()}).out,
               Catch::Contains("strict_skeptic · Skeptic 2.0.0 · skip 20 · shadow seat, not counted"));

    const auto personas = test::run_verdict({"personas", "--format", "json", "--catalog", trial.path()});
    REQUIRE(personas.exit_code == 0);
    const json seats = json::parse(personas.out);
    for (const json& s : seats) CHECK(s["shadow"] == (s["seat"] == "strict_skeptic"));

    // Seating a persona as a shadow flips nothing: its reviews show as changes, but no counted verdict moves.
    const auto seated = test::run_verdict({"diff", "--panel", (test::stock_catalog() / "panel.json").string(), "--panel",
                                           (trial.catalog.path() / "panel.json").string(), "--catalog", trial.path()});
    CHECK(seated.exit_code == 0);
    CHECK_THAT(seated.out, Catch::Contains("5 of 25 reviews changed (0 verdicts flipped), 0 of 5 panel % changed"));
    CHECK_THAT(seated.out, Catch::Contains("     claw-code / strict_skeptic: not seated → skip 20 (shadow)\n"));

    // Promotion: the same seat, counted and seated by default.
    json promoted = trial_panel();
    promoted["seats"][2].erase("shadow");
    promoted["default_seats"].push_back("strict_skeptic");
    const fs::path promoted_file = trial.catalog.path() / "promoted.json";
    test::write_file(promoted_file, promoted.dump(2));
    const auto run = test::run_verdict({"diff", "--panel", (trial.catalog.path() / "panel.json").string(), "--panel", promoted_file.string(),
                                        "--format", "json", "--catalog", trial.path()});
    // Claw Code names its own seats, so the promoted seat, no longer shadow, leaves it: no verdict counted there before
    // or after. Every other tool keeps the seat's skip, now counted: four flips.
    CHECK(run.exit_code == 1);
    const json diff = json::parse(run.out);
    CHECK(diff["counts"]["verdicts_flipped"] == 4);
    for (const json& r : diff["reviews"]) CHECK(r["flipped"] == (r["tool"] != "claw-code"));
    for (const json& r : diff["reviews"]) {
        INFO(r.dump());
        CHECK(r["seat"] == "strict_skeptic");
        CHECK(r["before"]["shadow"] == true);
        if (r["tool"] == "claw-code") {
            CHECK(r["after"]["verdict"] == "not seated");
        } else {
            CHECK(r["after"]["verdict"] == "skip");
            CHECK(r["after"]["shadow"] == false);
        }
    }
    const json before = reviews_of(trial);
    std::map<std::string, int> expected;
    for (const json& t : before) {
        const json& p = t["panel"];
        if (t["tool"]["id"] == "claw-code") continue;
        const int ship = p["ship"].get<int>();
        const int voting = p["voting"].get<int>() + 1;
        expected[t["tool"]["id"]] = (200 * ship + voting) / (2 * voting);
    }
    std::map<std::string, int> listed;
    for (const json& p : diff["panels"]) listed[p["tool"]] = p["after"].get<int>();
    CHECK(listed == expected);
}

TEST_CASE("comparison pages and the index are byte for byte the same with a shadow seat, and tool pages show it", "[cli][shadow][batch]") {
    const catalog_under stock(test::stock_panel_json());
    const catalog_under trial(trial_panel());
    test::temp_dir out;
    for (const auto* c : {&stock, &trial}) {
        const auto run = test::run_verdict({"batch", "--catalog", c->path(), "--out", (out.path() / (c == &stock ? "stock" : "trial")).string()});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
    }
    const auto stock_site = files_under(out.path() / "stock");
    const auto trial_site = files_under(out.path() / "trial");
    REQUIRE(stock_site.size() == trial_site.size());
    int tool_pages = 0;
    for (const auto& [file, bytes] : stock_site) {
        INFO(file);
        if (file.rfind("tools/", 0) == 0) {
            ++tool_pages;
            CHECK(trial_site.at(file) != bytes);
            CHECK_THAT(trial_site.at(file), Catch::Contains("strict") || Catch::Contains("Strict"));
        } else if (file[0] != '.') {   // the batch's own records name the panel's seats
            CHECK(trial_site.at(file) == bytes);
        }
    }
    CHECK(tool_pages == 5 * 3);
    const std::string html = trial_site.at("tools/claw-code.html");
    CHECK_THAT(html, Catch::Contains("<article class=\"card seat seat-shadow\">"));
    CHECK_THAT(html, Catch::Contains("<span class=\"tag\">Shadow</span>"));
    CHECK_THAT(html, Catch::Contains("Shadow seats</dt><dd>Strict skeptic (shadow seat, not counted)"));
    const std::string md = trial_site.at("tools/claw-code.md");
    CHECK_THAT(md, Catch::Contains("  - seat: \"strict_skeptic\"\n    shadow: true\n"));
    CHECK_THAT(md, Catch::Contains("### Strict skeptic: Skip (shadow seat, not counted)"));
}

TEST_CASE("a shadow seat that fails fails the run, and still counts for nothing", "[cli][shadow][failures]") {
    json panel = test::stock_panel_json();
    panel["seats"].push_back(json{{"id", "broken_trial"}, {"script", "no_such_persona.lua"}, {"shadow", true}});
    const catalog_under broken(panel);
    const catalog_under stock(test::stock_panel_json());
    const auto run = test::run_verdict({"review", "--all", "--format", "json", "--catalog", broken.path()});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("seat broken_trial failed: ") && Catch::Contains("no_such_persona.lua"));
    const json after = json::parse(run.out);
    const json before = reviews_of(stock);
    for (std::size_t i = 0; i < after.size(); ++i) {
        INFO(after[i]["tool"]["id"]);
        CHECK(after[i]["panel"] == before[i]["panel"]);
        CHECK(after[i]["panel"]["failed"] == 0);
        CHECK(after[i]["reviews"].back()["verdict"] == "failed");
    }
}
