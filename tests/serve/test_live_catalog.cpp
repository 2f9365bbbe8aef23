// The catalog `verdict serve` holds, kept current as files change: a change
// re-reviews what it reaches and no more, a broken file keeps the last good
// pages and says where it broke, and fixing it clears the problem. Real
// plugins and a real script, in a copy of the shipped catalog.
#include "serve/live_catalog.hpp"
#include "serve/site_pages.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace verdict;
using namespace verdict::serve;
using nlohmann::json;

namespace {

// The shipped catalog's tools and comparisons under the stock panel, with the skeptic seated as its Lua twin, copied
// beside panel.json.
struct live_copy {
    test::temp_catalog files;
    std::filesystem::path script = files.path() / "skeptic.lua";
    live_catalog live{files.path(), test::persona_dir(), {}};

    live_copy() {
        files.add_stock_tools();
        std::filesystem::copy_file(test::stock_catalog() / "comparisons.json", files.path() / "comparisons.json",
                                   std::filesystem::copy_options::overwrite_existing);
        std::filesystem::copy_file(test::source_dir() / "scripts" / "skeptic.lua", script);
        json panel = test::stock_panel_json();
        for (json& seat : panel["seats"])
            if (seat["id"] == "skeptic") seat = {{"id", "skeptic"}, {"script", "skeptic.lua"}};
        files.set_panel(panel);
    }

    std::filesystem::path tool_file(const std::string& id) const { return files.path() / "tools" / (id + ".json"); }

    reload_report change(const std::vector<std::filesystem::path>& changed) { return live.apply(live.classify(changed)); }

    std::string page(const std::string& path) const {
        const auto made = site_page(*live.current(), path);
        return made ? made->body : std::string();
    }

    std::string outcome(const std::string& id, const std::string& seat) const {
        const seat_review* s = live.current()->find_review(id)->find_seat(seat);
        return s ? std::string(name_of(s->outcome())) : "-";
    }
};

void replace_in_file(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    std::string text = test::read_file(file);
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    test::write_file(file, text.replace(at, from.size(), to));
}

}  // namespace

TEST_CASE("a change is classified by what it reaches", "[serve][live]") {
    live_copy c;
    c.live.load();
    const catalog_change tool = c.live.classify({c.tool_file("claw-code")});
    CHECK(tool.tool_files == std::set<std::filesystem::path>{c.tool_file("claw-code")});
    CHECK_FALSE(tool.everything);
    CHECK(c.live.classify({c.script}).seats == std::set<std::string>{"skeptic"});
    CHECK(c.live.classify({c.files.path() / "panel.json"}).everything);
    CHECK(c.live.classify({c.files.path() / "comparisons.json"}).comparisons);
    CHECK(c.live.classify({c.files.path() / "votes" / "export.csv"}).votes);
    CHECK(c.live.classify({c.files.path() / "site.json"}).site);
    CHECK(c.live.classify({c.files.path() / "notes.txt", c.files.path() / "tools" / ".claw-code.json.swp"}).empty());
    const auto folders = c.live.folders();
    CHECK(std::count(folders.begin(), folders.end(), c.files.path() / "tools") == 1);
    CHECK(std::count(folders.begin(), folders.end(), c.script.parent_path()) == 1);
}

TEST_CASE("a tool file's change re-reviews that tool alone, and its pages change", "[serve][live]") {
    live_copy c;
    const reload_report first = c.live.load();
    REQUIRE(c.live.current());
    CHECK(first.problems == 0);
    CHECK(c.live.current()->tools.tools.size() == 5);
    const std::string other_page = c.page("/tools/modal-gpu-serverless-inference.html");
    const std::string before = c.page("/tools/claw-code.html");
    json tool = test::read_json(c.tool_file("claw-code"));
    tool["tagline"] = "A tagline written while the server ran";
    test::write_file(c.tool_file("claw-code"), tool.dump(2));
    const reload_report report = c.change({c.tool_file("claw-code")});
    CHECK(report.what == "claw-code (4 seats)");
    CHECK(report.held_back.empty());
    CHECK(c.page("/tools/claw-code.html") != before);
    CHECK(c.page("/tools/claw-code.html").find("A tagline written while the server ran") != std::string::npos);
    CHECK(c.page("/tools/modal-gpu-serverless-inference.html") == other_page);
}

TEST_CASE("a tool file that breaks keeps the tool's last good review and names the line; fixing it clears that", "[serve][live]") {
    live_copy c;
    c.live.load();
    const std::string good = test::read_file(c.tool_file("claw-code"));
    const std::string page = c.page("/tools/claw-code.html");
    test::write_file(c.tool_file("claw-code"), "{\n  \"id\": \"claw-code\",\n  \"name\": \n}\n");
    const reload_report broken = c.change({c.tool_file("claw-code")});
    CHECK(broken.problems == 1);
    const std::vector<live_problem> problems = c.live.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file.ends_with("tools/claw-code.json"));
    CHECK(problems[0].where.starts_with("line 4, column 1"));
    CHECK(c.page("/tools/claw-code.html") == page);
    test::write_file(c.tool_file("claw-code"), good);
    const reload_report fixed = c.change({c.tool_file("claw-code")});
    CHECK(fixed.problems == 0);
    CHECK(c.live.problems().empty());
}

TEST_CASE("a removed tool file takes the tool and its comparisons away; a new one adds them", "[serve][live]") {
    live_copy c;
    c.live.load();
    const std::string text = test::read_file(c.tool_file("claw-code"));
    CHECK_FALSE(c.page("/compare/claw-code-vs-modal-gpu-serverless-inference.html").empty());
    std::filesystem::remove(c.tool_file("claw-code"));
    const reload_report removed = c.change({c.tool_file("claw-code")});
    CHECK(removed.what == "claw-code (removed)");
    CHECK(c.live.current()->tools.tools.size() == 4);
    CHECK(c.page("/tools/claw-code.html").empty());
    CHECK(c.page("/compare/claw-code-vs-modal-gpu-serverless-inference.html").empty());
    test::write_file(c.tool_file("claw-code"), text);
    c.change({c.tool_file("claw-code")});
    CHECK(c.live.current()->tools.tools.size() == 5);
    CHECK_FALSE(c.page("/compare/claw-code-vs-modal-gpu-serverless-inference.html").empty());
}

TEST_CASE("a script's change re-reviews its seat on every tool, and the verdicts it flips show", "[serve][live]") {
    live_copy c;
    c.live.load();
    REQUIRE(c.outcome("llama-4-compact-12b", "skeptic") == "ship");
    const std::string developer = c.live.current()->find_review("llama-4-compact-12b")->find_seat("developer")->result->quote;
    replace_in_file(c.script, "base = 50, threshold = 50", "base = 50, threshold = 99");
    const reload_report report = c.change({c.script});
    CHECK(report.what == "seat skeptic on 5 tools");
    CHECK(report.failed_reviews == 0);
    CHECK(c.outcome("llama-4-compact-12b", "skeptic") == "skip");
    CHECK(c.live.current()->find_review("llama-4-compact-12b")->verdict.ship_pct == 75);
    CHECK(c.live.current()->find_review("llama-4-compact-12b")->find_seat("developer")->result->quote == developer);
    CHECK(c.page("/tools/llama-4-compact-12b.json").find("\"ship_pct\": 75") != std::string::npos);
}

TEST_CASE("a script that no longer loads keeps the last good pages and names its line; fixing it publishes the change", "[serve][live]") {
    live_copy c;
    c.live.load();
    const std::string good = test::read_file(c.script);
    const std::string page = c.page("/tools/claude-haiku-open-weights.html");
    replace_in_file(c.script, "local defaults = {", "local defaults = {{");
    const reload_report broken = c.change({c.script});
    CHECK_FALSE(broken.held_back.empty());
    const std::vector<live_problem> problems = c.live.problems();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file.ends_with("skeptic.lua"));
    CHECK(problems[0].where.starts_with("line "));
    CHECK(c.page("/tools/claude-haiku-open-weights.html") == page);
    test::write_file(c.script, good);
    replace_in_file(c.script, "base = 50, threshold = 50", "base = 50, threshold = 99");
    const reload_report fixed = c.change({c.script});
    CHECK(fixed.held_back.empty());
    CHECK(c.live.problems().empty());
    CHECK(c.outcome("llama-4-compact-12b", "skeptic") == "skip");
}

TEST_CASE("an edit to the panel that breaks it keeps the last good pages until it is fixed, then everything is reviewed", "[serve][live]") {
    live_copy c;
    c.live.load();
    const std::string good = test::read_file(c.files.path() / "panel.json");
    test::write_file(c.files.path() / "panel.json", "{\"rule_set\": ");
    const reload_report broken = c.change({c.files.path() / "panel.json"});
    CHECK_FALSE(broken.held_back.empty());
    REQUIRE(c.live.problems().size() == 1);
    CHECK(c.live.current()->tools.tools.size() == 5);
    json panel = json::parse(good);
    panel["rule_set"] = "2026.12-2";
    test::write_file(c.files.path() / "panel.json", panel.dump(2));
    const reload_report fixed = c.change({c.files.path() / "panel.json"});
    CHECK(fixed.held_back.empty());
    CHECK(fixed.what == "5 tools by 5 seats");
    CHECK(c.live.current()->find_review("claw-code")->verdict.rule_set == "2026.12-2");
}

TEST_CASE("a seat broken from the start holds back nothing else: other seats' and tools' edits still show", "[serve][live]") {
    live_copy c;
    const std::filesystem::path developer = c.files.path() / "developer.lua";
    std::filesystem::copy_file(test::source_dir() / "scripts" / "developer.lua", developer);
    test::write_file(developer, "local defaults = {{\n");
    json panel = test::read_json(c.files.path() / "panel.json");
    for (json& seat : panel["seats"])
        if (seat["id"] == "developer") seat = {{"id", "developer"}, {"script", "developer.lua"}};
    c.files.set_panel(panel);
    c.live.load();
    REQUIRE(c.live.current());
    CHECK(c.outcome("llama-4-compact-12b", "developer") == "failed");
    replace_in_file(c.script, "base = 50, threshold = 50", "base = 50, threshold = 99");
    const reload_report seat = c.change({c.script});
    CHECK(seat.held_back.empty());
    CHECK(c.outcome("llama-4-compact-12b", "skeptic") == "skip");
    json tool = test::read_json(c.tool_file("claw-code"));
    tool["tagline"] = "Still published";
    test::write_file(c.tool_file("claw-code"), tool.dump(2));
    CHECK(c.change({c.tool_file("claw-code")}).held_back.empty());
    CHECK(c.page("/tools/claw-code.html").find("Still published") != std::string::npos);
}

TEST_CASE("while a script that loaded is broken, its seat is held back and tool edits still show; the fix brings both", "[serve][live]") {
    live_copy c;
    c.live.load();
    const std::string good = test::read_file(c.script);
    test::write_file(c.script, good + "\nthis is not lua\n");
    CHECK(c.change({c.script}).held_back == "seat skeptic");
    json tool = test::read_json(c.tool_file("claw-code"));
    tool["tagline"] = "Edited while a script was broken";
    test::write_file(c.tool_file("claw-code"), tool.dump(2));
    const reload_report edit = c.change({c.tool_file("claw-code")});
    CHECK(edit.what == "claw-code (4 seats)");
    CHECK(edit.held_back == "seat skeptic");
    CHECK(c.page("/tools/claw-code.html").find("Edited while a script was broken") != std::string::npos);
    test::write_file(c.script, good);
    const reload_report fixed = c.change({c.script});
    CHECK(fixed.held_back.empty());
    CHECK(c.live.problems().empty());
}

TEST_CASE("a comparisons.json that breaks keeps the last good comparisons until it is fixed", "[serve][live]") {
    live_copy c;
    c.live.load();
    const std::filesystem::path comparisons = c.files.path() / "comparisons.json";
    const std::string good = test::read_file(comparisons);
    const std::string page = c.page("/compare/claw-code-vs-modal-gpu-serverless-inference.html");
    REQUIRE_FALSE(page.empty());
    test::write_file(comparisons, "{\"pairs\": [");
    const reload_report broken = c.change({comparisons});
    CHECK(broken.held_back == "comparisons.json");
    CHECK(c.page("/compare/claw-code-vs-modal-gpu-serverless-inference.html") == page);
    // A panel.json edit that reviews everything meanwhile keeps the last good comparisons too.
    json panel = test::read_json(c.files.path() / "panel.json");
    panel["rule_set"] = "2026.12-3";
    c.files.set_panel(panel);
    CHECK(c.change({c.files.path() / "panel.json"}).held_back == "comparisons.json");
    CHECK_FALSE(c.page("/compare/claw-code-vs-modal-gpu-serverless-inference.html").empty());
    test::write_file(comparisons, good);
    CHECK(c.change({comparisons}).held_back.empty());
    CHECK(c.live.problems().empty());
}

TEST_CASE("a script a held-back panel.json names is watched and reaches its seat", "[serve][live]") {
    live_copy c;
    c.live.load();
    const std::filesystem::path moved = c.files.path() / "elsewhere" / "skeptic.lua";
    test::write_file(moved, "not lua at all\n");
    json panel = test::read_json(c.files.path() / "panel.json");
    for (json& seat : panel["seats"])
        if (seat["id"] == "skeptic") seat["script"] = "elsewhere/skeptic.lua";
    c.files.set_panel(panel);
    CHECK_FALSE(c.change({c.files.path() / "panel.json"}).held_back.empty());
    const auto folders = c.live.folders();
    CHECK(std::count(folders.begin(), folders.end(), moved.parent_path()) == 1);
    CHECK(c.live.classify({moved}).seats == std::set<std::string>{"skeptic"});
    std::filesystem::copy_file(c.script, moved, std::filesystem::copy_options::overwrite_existing);
    const reload_report fixed = c.change({moved});
    CHECK(fixed.held_back.empty());
    CHECK(c.live.problems().empty());
}
