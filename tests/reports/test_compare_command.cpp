// verdict compare and verdict index, run as a user runs them: the real program
// and plugins on the shipped catalog, and on throwaway catalogs with votes.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


using namespace verdict;
using nlohmann::json;

namespace {

json compare_json(const std::string& a, const std::string& b, const std::filesystem::path& catalog = test::stock_catalog()) {
    const auto run = test::run_verdict({"compare", a, b, "--format", "json", "--catalog", catalog.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("compare composes both tools' panel reviews, in the pages' seat order", "[reports][compare]") {
    const json page = compare_json("claw-code", "modal-gpu-serverless-inference");
    CHECK(page["title"] == "Claw Code vs Modal GPU Serverless Inference");
    CHECK(page["tools"][0]["panel"]["ship_pct"] == 75);
    CHECK(page["tools"][0]["panel"]["fraction"] == "3/4");
    CHECK(page["tools"][1]["panel"]["ship_pct"] == 100);
    std::vector<std::string> titles;
    for (const json& row : page["scorecard"]) titles.push_back(row["title"]);
    // As on the reference pages: four rows, the fourth pairing Claw Code's creator with Modal's business seat.
    CHECK(titles == std::vector<std::string>{"Developer", "Skeptic", "Futurist", "Creator · Business"});
    CHECK(page["scorecard"][2]["seat"] == "futurist");
    CHECK(page["scorecard"][3]["seat"].is_null());
    CHECK(page["scorecard"][3]["cells"][0]["seat"] == "creator");
    CHECK(page["scorecard"][3]["cells"][0]["state"] == "ship");
    CHECK(page["scorecard"][3]["cells"][1]["seat"] == "business");
    CHECK(page["scorecard"][3]["cells"][1]["state"] == "ship");
    CHECK(page["scorecard"][1]["disagree"] == true);   // the skeptic skips Claw Code and ships Modal
    CHECK(page["split"]["ship_only"][1] == json::array({"skeptic"}));
    CHECK(page["pick"]["tool"] == "modal-gpu-serverless-inference");
    CHECK(page["pick"]["rule"] == "panel_ship_pct");
}

TEST_CASE("a tool says the same on every page it appears on", "[reports][compare]") {
    const json one = compare_json("claude-haiku-open-weights", "modal-gpu-serverless-inference");
    const json two = compare_json("llama-4-compact-12b", "modal-gpu-serverless-inference");
    CHECK(one["tools"][1] == two["tools"][1]);
    for (std::size_t row = 0; row < 4; ++row) CHECK(one["scorecard"][row]["cells"][1] == two["scorecard"][row]["cells"][1]);
}

TEST_CASE("compare -o writes the page whole and prints nothing; an unwritable file fails with its name", "[reports][compare]") {
    test::temp_dir dir;
    const auto file = dir.path() / "page.html";
    const auto run = test::run_verdict({"compare", "claw-code", "llama-4-compact-12b", "--format", "html", "-o", file.string()});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.empty());
    const auto printed = test::run_verdict({"compare", "claw-code", "llama-4-compact-12b", "--format", "html"});
    CHECK(test::read_file(file) == printed.out);
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), {}) == 1);   // no temporary left behind

    const auto missing = dir.path() / "no-such-folder" / "page.html";
    const auto failed = test::run_verdict({"compare", "claw-code", "llama-4-compact-12b", "-o", missing.string()});
    CHECK(failed.exit_code == 1);
    CHECK_THAT(failed.err, Catch::Contains("no-such-folder/page.html") && Catch::Contains("No such file or directory"));
}

TEST_CASE("compare refuses anything but two different known tools", "[reports][compare]") {
    CHECK(test::run_verdict({"compare", "claw-code"}).exit_code == 2);
    const auto twice = test::run_verdict({"compare", "claw-code", "claw-code"});
    CHECK(twice.exit_code == 2);
    CHECK_THAT(twice.err, Catch::Contains("expected two different tool ids, found \"claw-code\" twice"));
    const auto unknown = test::run_verdict({"compare", "claw-code", "modal-gpu-serverless-inferense"});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("did you mean \"modal-gpu-serverless-inference\"?"));
    const auto format = test::run_verdict({"compare", "claw-code", "llama-4-compact-12b", "--format", "htm"});
    CHECK(format.exit_code == 2);
    CHECK_THAT(format.err, Catch::Contains("did you mean \"html\"?"));
}

TEST_CASE("the index lists each category, and its page every comparison of comparisons.json with a tool in it", "[reports][index]") {
    const auto root = test::run_verdict({"index", "--format", "json"});
    REQUIRE(root.exit_code == 0);
    const json index = json::parse(root.out);
    REQUIRE(index["categories"].size() == 1);
    CHECK(index["categories"][0]["name"] == "Developer Tools");
    CHECK(index["categories"][0]["page"] == "category/developer-tools.json");
    CHECK(index["categories"][0]["comparison_count"] == 10);
    CHECK(index["categories"][0]["tool_count"] == 5);
    CHECK(index["footer"]["rule_set"] == test::stock_panel_json()["rule_set"]);

    const auto run = test::run_verdict({"index", "--category", "Developer Tools", "--format", "json"});
    REQUIRE(run.exit_code == 0);
    const json listing = json::parse(run.out);
    REQUIRE(listing["comparisons"].size() == 10);   // four explicit pairs, then the rest of Developer Tools
    CHECK(listing["comparisons"][0]["slug"] == "claude-haiku-open-weights-vs-modal-gpu-serverless-inference");
    CHECK(listing["comparisons"][0]["page"] == "compare/claude-haiku-open-weights-vs-modal-gpu-serverless-inference.json");
    CHECK(listing["comparisons"][0]["tools"][0]["panel"]["ship_pct"] == 50);
    CHECK(listing["comparisons"][0]["tools"][1]["panel"]["ship_pct"] == 100);
    CHECK(listing["comparisons"][3]["slug"] == "claude-haiku-open-weights-vs-llama-4-scout-quantized");
    CHECK(listing["comparisons"][4]["slug"] == "claude-haiku-open-weights-vs-claw-code");
    CHECK(listing["tools"].size() == 5);
    CHECK(test::run_verdict({"index", "--category", "developer-tools", "--format", "json"}).out == run.out);   // by slug too
}

TEST_CASE("a comparison of tools from two categories is on both categories' pages, each counted once on the index", "[reports][index]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    for (const std::string id : {"pixel-forge", "canvas-loop"}) {
        json t = test::minimal_tool(id);
        t["category"] = "Image Generation";
        catalog.add_tool(t);
    }
    test::write_file(catalog.path() / "comparisons.json", R"({"pairs": [["claw-code", "pixel-forge"]], "all_pairs_within": ["Image Generation"]})");
    const std::string where = catalog.path().string();
    const auto run = test::run_verdict({"index", "--format", "json", "--catalog", where});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    const json index = json::parse(run.out);
    REQUIRE(index["categories"].size() == 2);
    CHECK(index["categories"][0]["name"] == "Developer Tools");
    CHECK(index["categories"][0]["comparison_count"] == 1);
    CHECK(index["categories"][0]["tool_count"] == 5);
    CHECK(index["categories"][1]["name"] == "Image Generation");
    CHECK(index["categories"][1]["slug"] == "image-generation");
    CHECK(index["categories"][1]["comparison_count"] == 2);
    CHECK(index["categories"][1]["tool_count"] == 2);
    CHECK(index["comparison_count"] == 2);
    CHECK(index["tool_count"] == 7);

    auto slugs = [&](const std::string& category) {
        const json page = json::parse(test::run_verdict({"index", "--category", category, "--format", "json", "--catalog", where}).out);
        std::vector<std::string> out;
        for (const json& e : page["comparisons"]) out.push_back(e["slug"]);
        return out;
    };
    CHECK(slugs("developer-tools") == std::vector<std::string>{"claw-code-vs-pixel-forge"});
    CHECK(slugs("image-generation") == std::vector<std::string>{"claw-code-vs-pixel-forge", "canvas-loop-vs-pixel-forge"});

    const auto md = test::run_verdict({"index", "--category", "Image Generation", "--format", "md", "--catalog", where});
    CHECK_THAT(md.out, Catch::Contains("](../../compare/claw-code-vs-pixel-forge.md)"));
    CHECK_THAT(md.out, Catch::Contains("](../../tools/canvas-loop.md)"));
    CHECK_THAT(test::run_verdict({"index", "--format", "md", "--catalog", where}).out,
               Catch::Contains("[Image Generation](category/image-generation/_index.md)"));
    // The comparison's Markdown page links each tool's category page.
    const auto across = test::run_verdict({"compare", "claw-code", "pixel-forge", "--format", "md", "--catalog", where});
    CHECK_THAT(across.out, Catch::Contains("\n[Developer Tools](../category/developer-tools/_index.md) · ") &&
                               Catch::Contains("\n[Image Generation](../category/image-generation/_index.md)"));

    const auto unknown = test::run_verdict({"index", "--category", "Image Generaton", "--catalog", where});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("no category \"Image Generaton\"") && Catch::Contains("did you mean \"Image Generation\"?"));
}

TEST_CASE("votes show on the pages: latest vote per voter, the minimum, and a sharp disagreement flagged", "[reports][votes]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    panel["community"] = {{"min_voters", 3}, {"disagreement_points", 40}};
    catalog.set_panel(panel);
    std::string csv = "tool_id,voter_id,vote,timestamp\n";
    // Modal (panel 100%): four voters, one of whom changes their mind to skip; three skip in the end -> 25%.
    csv += "modal-gpu-serverless-inference,a,ship,2026-04-01T10:00:00Z\n";
    csv += "modal-gpu-serverless-inference,a,skip,2026-04-02T10:00:00+02:00\n";
    csv += "modal-gpu-serverless-inference,b,skip,2026-04-01T10:00:00Z\n";
    csv += "modal-gpu-serverless-inference,c,skip,2026-04-01T10:00:00Z\n";
    csv += "modal-gpu-serverless-inference,d,ship,2026-12-01T23:30:00-05:00\n";   // 2026-12-02 in UTC, after the tools' dates
    // Claw Code: two voters, below the minimum of three.
    csv += "claw-code,a,ship,2026-04-01T10:00:00Z\nclaw-code,b,ship,2026-04-01T10:00:00Z\n";
    // Bad rows: each reported with its line, the rest still count.
    csv += "no-such-tool,a,ship,2026-04-01T10:00:00Z\n";
    csv += "claw-code,e,maybe,2026-04-01T10:00:00Z\n";
    test::write_file(catalog.path() / "votes" / "export.csv", csv);
    const auto run = test::run_verdict({"compare", "claw-code", "modal-gpu-serverless-inference", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("votes/export.csv: line 9: expected the id of a catalog tool, found unknown tool \"no-such-tool\""));
    CHECK_THAT(run.err, Catch::Contains("votes/export.csv: line 10: expected a vote of \"ship\" or \"skip\", found \"maybe\""));
    const json page = json::parse(run.out);
    const json& claw = page["tools"][0]["community"];
    CHECK(claw["ship_pct"].is_null());
    CHECK(claw["voters"] == 2);
    const json& modal = page["tools"][1]["community"];
    CHECK(modal["voters"] == 4);
    CHECK(modal["ship"] == 1);
    CHECK(modal["ship_pct"] == 25);
    CHECK(modal["gap_points"] == -75);
    CHECK(modal["sharp_disagreement"] == true);
    CHECK(page["community"]["disagreements"] ==
          json::array({"The community and the panel disagree sharply on Modal GPU Serverless Inference: community 25%, panel 100%."}));
    CHECK(modal["latest_vote_date"] == "2026-12-02");
    CHECK(page["footer"]["data_date"] == "2026-12-02");
}
