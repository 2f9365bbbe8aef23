// The history of every verdict, through the real program: a rule-set change
// and a fact edit are recorded with their causes, exactly the changes
// `verdict diff` finds between the same two rule sets; the pages, the JSON
// pages and `verdict history` show them; the history survives --force; and
// a run that is refused adds nothing to it.
#include "batch/batch_test_support.hpp"
#include "state/state_database.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

using namespace verdict;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string batch_ok(const fs::path& catalog, const fs::path& out, const std::vector<std::string>& extra = {}) {
    const auto run = test::run_batch_command(catalog, out, extra);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
}

json read_json(const fs::path& file) { return json::parse(test::read_file(file)); }

void write_json(const fs::path& file, const json& value) { std::ofstream(file, std::ios::binary) << value.dump(2); }

// The stock panel under a new rule set whose skeptic weighs a high legal risk at -10 rather than -35.
void soften_legal_risk(const fs::path& catalog) {
    json panel = read_json(catalog / "panel.json");
    panel["rule_set"] = "2026.12-1";
    for (json& seat : panel["seats"])
        if (seat["id"] == "skeptic") seat["settings"] = {{"weights", {{"legal_risk_high", -10}}}};
    write_json(catalog / "panel.json", panel);
}

long history_rows(const fs::path& out) { return std::stol(test::state_rows(out, "SELECT count(*) FROM history")); }

// "tool|seat|verdict before|score before|verdict after|score after" of each change the state recorded, in order.
std::vector<std::string> recorded_changes(const fs::path& out) {
    std::vector<std::string> rows;
    std::istringstream lines(test::state_rows(
        out, "SELECT tool_id, seat, verdict_before, ifnull(printf('%.4f', score_before), 'none'), verdict_after, ifnull(printf('%.4f', score_after), "
             "'none') FROM history ORDER BY id"));
    for (std::string line; std::getline(lines, line);) rows.push_back(line);
    return rows;
}

std::string score_text(const json& score) {
    if (score.is_null()) return "none";
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", score.get<double>());
    return text;
}

// The same rows from `verdict diff` of the two panel files: each review whose verdict or score moved.
std::vector<std::string> diff_changes(const fs::path& catalog, const fs::path& old_panel) {
    const auto run = test::run_verdict({"diff", "--catalog", catalog.string(), "--panel", old_panel.string(), "--panel", (catalog / "panel.json").string(),
                                        "--format", "json"});
    INFO(run.out << run.err);
    REQUIRE((run.exit_code == 0 || run.exit_code == 1));
    std::vector<std::string> rows;
    const json diff = json::parse(run.out);
    for (const json& c : diff.at("reviews")) {
        if (c["before"]["verdict"] == c["after"]["verdict"] && c["before"]["score"] == c["after"]["score"]) continue;
        rows.push_back(c["tool"].get<std::string>() + "|" + c["seat"].get<std::string>() + "|" + c["before"]["verdict"].get<std::string>() + "|" +
                       score_text(c["before"]["score"]) + "|" + c["after"]["verdict"].get<std::string>() + "|" + score_text(c["after"]["score"]));
    }
    return rows;
}

json timeline_of(const fs::path& out, const std::string& tool_id) {
    const auto run = test::run_verdict({"history", tool_id, "--out", out.string(), "--format", "json"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

// The lines of the last changes of `tool_id` that its pages must show, newest first.
std::vector<std::string> shown_lines(const fs::path& out, const std::string& tool_id) {
    const json changes = timeline_of(out, tool_id).at("changes");
    std::vector<std::string> lines;
    for (auto c = changes.rbegin(); c != changes.rend() && lines.size() < 3; ++c) lines.push_back((*c)["change"]["line"]);
    return lines;
}

std::string html_text(std::string line) {
    for (std::size_t at = 0; (at = line.find('>', at)) != std::string::npos;) line.replace(at, 1, "&gt;");
    return line;
}

}  // namespace

TEST_CASE("a rule-set change records every seat whose verdict or score moved, as verdict diff finds them, and every page shows its tools' changes",
          "[batch][history]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::copy_stock_catalog(catalog);
    fs::copy_file(catalog / "panel.json", dir.path() / "old-panel.json");
    batch_ok(catalog, out);
    // A tool reviewed for the first time has its seats recorded, and no change.
    CHECK(history_rows(out) == 0);
    CHECK(std::stol(test::state_rows(out, "SELECT count(*) FROM seat_reviews")) >= 20);
    for (const char* format : {"html", "md"}) CHECK(test::read_file(out / "tools" / ("claw-code." + std::string(format))).find("What changed") == std::string::npos);

    soften_legal_risk(catalog);
    batch_ok(catalog, out);
    const std::vector<std::string> recorded = recorded_changes(out);
    CHECK(recorded == diff_changes(catalog, dir.path() / "old-panel.json"));
    REQUIRE_FALSE(recorded.empty());
    CHECK(test::state_rows(out, "SELECT verdict_before, verdict_after, rule_set, data_date, rules FROM history WHERE tool_id = 'claw-code' AND seat = 'skeptic'") ==
          "skip|skip|2026.12-1|2026-11-21|[{\"rule\":\"legal_risk_high\",\"before\":-35.0,\"after\":-10.0}]\n");

    const auto text = test::run_verdict({"history", "claw-code", "--out", out.string()});
    CHECK(text.exit_code == 0);
    CHECK_THAT(text.out, Catch::Contains("rule set 2026.12-1, data of 2026-11-21") &&
                             Catch::Contains("skeptic skip 20 → skip 45: legal_risk_high -35 → -10"));

    std::set<std::string> changed;
    for (const std::string& row : recorded) changed.insert(row.substr(0, row.find('|')));
    for (const std::string& id : test::tool_ids(catalog)) {
        INFO(id);
        const std::vector<std::string> lines = changed.count(id) ? shown_lines(out, id) : std::vector<std::string>{};
        const std::string html = test::read_file(out / "tools" / (id + ".html"));
        CHECK((html.find("What changed") != std::string::npos) == !lines.empty());
        std::vector<std::string> in_json;
        const json page = read_json(out / "tools" / (id + ".json"));
        for (const json& c : page.at("page").at("changes")) in_json.push_back(c["line"]);
        CHECK(in_json == lines);
        for (const std::string& line : lines) CHECK(html.find(html_text(line)) != std::string::npos);
        // Every comparison of the tool shows the same lines.
        for (const auto& [left, right] : test::comparisons_of(catalog)) {
            if (left != id && right != id) continue;
            const json comparison = read_json(out / "compare" / (left + "-vs-" + right + ".json"));
            std::vector<std::string> on_page;
            for (const json& c : comparison.at("tools").at(left == id ? 0 : 1).at("changes")) on_page.push_back(c["line"]);
            CHECK(on_page == lines);
        }
    }
}

TEST_CASE("a fact edited in one tool records the facts whose values changed beside the rules, and reviews that tool alone", "[batch][history]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::copy_stock_catalog(catalog);
    batch_ok(catalog, out);
    json tool = read_json(catalog / "tools" / "claude-haiku-open-weights.json");
    tool["licence"]["commercial_use"] = "allowed";
    write_json(catalog / "tools" / "claude-haiku-open-weights.json", tool);
    const std::string summary = batch_ok(catalog, out);
    CHECK_THAT(summary, Catch::Contains("1 of 5 tools reviewed"));
    CHECK(test::state_rows(out, "SELECT DISTINCT tool_id FROM history") == "claude-haiku-open-weights\n");
    // The developer still ships, at a higher score: a change of score alone is recorded too.
    CHECK(test::state_rows(out, "SELECT verdict_before, score_before, verdict_after, score_after, facts FROM history WHERE seat = 'developer'") ==
          "ship|80.0|ship|90.0|[{\"fact\":\"licence.commercial_use\",\"before\":\"forbidden\",\"after\":\"allowed\"}]\n");
    CHECK_THAT(test::read_file(out / "tools" / "claude-haiku-open-weights.md"),
               Catch::Contains("developer ship 80 → ship 90 (non\\_commercial -10 → not fired; licence.commercial\\_use forbidden → allowed)"));
    CHECK_THAT(test::read_file(out / "changes.atom"), Catch::Contains("Claude Haiku Open Weights: developer ship 80 → ship 90"));

    // Nothing changed since: a no-op, and the history as it was.
    const long rows = history_rows(out);
    CHECK(test::summary_count(batch_ok(catalog, out), "written") == 0);
    CHECK(history_rows(out) == rows);
}

TEST_CASE("the history survives --force, and the pages that show it are the same bytes for any --jobs", "[batch][history]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::copy_stock_catalog(catalog);
    const fs::path one = dir.path() / "one";
    const fs::path two = dir.path() / "two";
    batch_ok(catalog, one, {"--jobs", "1"});
    batch_ok(catalog, two, {"--jobs", "2"});
    soften_legal_risk(catalog);
    batch_ok(catalog, one, {"--jobs", "1"});
    batch_ok(catalog, two, {"--jobs", "2"});
    CHECK(test::differences(one, two).empty());
    const std::string history = test::state_rows(one, "SELECT tool_id, seat, rule_set, data_date, verdict_before, verdict_after, rules, facts FROM history");
    REQUIRE_FALSE(history.empty());

    const test::folder_snapshot before = test::snapshot_of(one);
    batch_ok(catalog, one, {"--force"});
    CHECK(test::state_rows(one, "SELECT tool_id, seat, rule_set, data_date, verdict_before, verdict_after, rules, facts FROM history") == history);
    for (const auto& [path, state] : test::snapshot_of(one)) {
        if (path.starts_with(".verdict")) continue;
        INFO(path);
        CHECK(test::same_bytes(one / path, two / path));
    }
    CHECK(before.size() == test::snapshot_of(one).size());
}

TEST_CASE("a run refused before it records adds nothing to the history, and the next run that goes through records the changes once", "[batch][history]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 40, 2, 5);
    const fs::path out = dir.path() / "site";
    batch_ok(catalog, out);
    test::demand_more_of_developers(catalog, "2026.12-2");
    // Most tools gone: the run would delete more than a quarter of the site, and stops before changing anything.
    const fs::path kept = dir.path() / "kept";
    fs::create_directories(kept);
    const std::vector<std::string> ids = test::tool_ids(catalog);
    for (std::size_t i = 0; i < ids.size() * 3 / 4; ++i) fs::rename(catalog / "tools" / (ids[i] + ".json"), kept / (ids[i] + ".json"));
    const auto refused = test::run_batch_command(catalog, out);
    CHECK(refused.exit_code == 2);
    CHECK(history_rows(out) == 0);
    for (const auto& file : fs::directory_iterator(kept)) fs::rename(file.path(), catalog / "tools" / file.path().filename());
    batch_ok(catalog, out);
    const long rows = history_rows(out);
    CHECK(rows > 0);
    CHECK(std::stol(test::state_rows(out, "SELECT count(*) FROM (SELECT DISTINCT tool_id, seat FROM history)")) == rows);
}

TEST_CASE("a state an earlier engine made (schema 1) gets the history's tables on its first run, with no page made again", "[batch][history][state]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    test::state_exec(out, "DROP TABLE history; DROP TABLE seat_reviews; DROP TABLE page_folders; PRAGMA user_version = 1");
    const auto old = test::run_verdict({"history", "claw-code", "--out", out.string()});
    CHECK(old.exit_code == 2);
    CHECK_THAT(old.err, Catch::Contains("found one an earlier verdict made; run verdict batch once to add it"));
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), out), "written") == 0);
    CHECK(test::state_rows(out, "PRAGMA user_version") == std::to_string(state_schema_version) + "\n");
    CHECK(test::state_rows(out, "SELECT count(*) FROM history") == "0\n");
}

TEST_CASE("verdict history names what it could not find: a folder with no state, a tool the batch never reviewed", "[batch][history][cli]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    const auto missing = test::run_verdict({"history", "claw-code", "--out", out.string()});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::StartsWith("verdict: error: " + (out / ".verdict" / "state.sqlite").generic_string() + ": expected the state a verdict batch keeps, found no such file"));
    batch_ok(test::stock_catalog(), out);
    const auto unknown = test::run_verdict({"history", "claw-cod", "--out", out.string()});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("expected a tool the batch reviewed, found no record of \"claw-cod\" (did you mean \"claw-code\"?)"));
    const auto none = test::run_verdict({"history", "claw-code", "--out", out.string()});
    CHECK(none.exit_code == 0);
    CHECK(none.out == "claw-code: 0 changes of verdict or score since the batch first reviewed it\n");
}

TEST_CASE("a seat that starts or stops sitting is a change from or to \"not seated\", a shadow seat's is marked, and a seat that fails changes nothing",
          "[batch][history]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::copy_stock_catalog(catalog);
    batch_ok(catalog, out);
    const std::string recorded = test::state_rows(out, "SELECT tool_id, seat, verdict, score, points, facts FROM seat_reviews ORDER BY tool_id, seat");
    const json stock = read_json(catalog / "panel.json");
    const std::size_t tools = test::tool_ids(catalog).size();

    SECTION("a shadow seat seated on trial, then removed") {
        json panel = stock;
        panel["seats"].push_back({{"id", "strict_skeptic"}, {"plugin", "skeptic"}, {"shadow", true}, {"settings", {{"threshold", 70}}}});
        write_json(catalog / "panel.json", panel);
        batch_ok(catalog, out);
        // It reviews every tool: one change each, from not seated, and none of them counts.
        CHECK(test::state_rows(out, "SELECT count(*), count(DISTINCT tool_id), min(verdict_before), max(verdict_before), min(shadow_after), sum(verdict_after IN "
                                    "('ship', 'skip', 'abstain')) FROM history WHERE seat = 'strict_skeptic'") ==
              std::to_string(tools) + "|" + std::to_string(tools) + "|not seated|not seated|1|" + std::to_string(tools) + "\n");
        CHECK(test::state_rows(out, "SELECT count(*) FROM history WHERE seat <> 'strict_skeptic'") == "0\n");
        const auto text = test::run_verdict({"history", "claw-code", "--out", out.string()});
        CHECK_THAT(text.out, Catch::Contains("strict_skeptic not seated → skip") && Catch::Contains("(shadow)") && !Catch::Contains("(flipped)"));

        write_json(catalog / "panel.json", stock);
        batch_ok(catalog, out);
        CHECK(test::state_rows(out, "SELECT count(*), min(verdict_after), max(verdict_after), min(shadow_before) FROM history WHERE run = (SELECT max(run) FROM history)") ==
              std::to_string(tools) + "|not seated|not seated|1\n");
        CHECK(test::state_rows(out, "SELECT tool_id, seat, verdict, score, points, facts FROM seat_reviews ORDER BY tool_id, seat") == recorded);
    }
    SECTION("a seat whose persona crashes, then is mended") {
        json panel = stock;
        for (json& seat : panel["seats"])
            if (seat["id"] == "creator") seat["plugin"] = fs::absolute(test::fixture_plugin_dir() / "hostile_null_write.so").string();
        write_json(catalog / "panel.json", panel);
        const auto failing = test::run_batch_command(catalog, out);
        INFO(failing.out << failing.err);
        CHECK(failing.exit_code == 1);
        CHECK_THAT(failing.err, Catch::Contains("seat creator failed"));
        // The failure says nothing of the tool: no change, and the seat's last review stands for the next run.
        CHECK(history_rows(out) == 0);
        CHECK(test::state_rows(out, "SELECT tool_id, seat, verdict, score, points, facts FROM seat_reviews ORDER BY tool_id, seat") == recorded);
        write_json(catalog / "panel.json", stock);
        batch_ok(catalog, out);
        CHECK(history_rows(out) == 0);
    }
}
