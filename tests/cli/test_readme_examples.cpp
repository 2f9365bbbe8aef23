// The README shows real output: its sample review and its verdict table must
// be what the program prints today, or the README is lying to its readers.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <sstream>

using namespace verdict;
using nlohmann::json;

namespace {

std::string readme() { return test::read_file(test::source_dir() / "README.md"); }

// The lines of the fenced block that follows `marker`, up to a line "    ..." that elides the rest.
std::string sample_after(const std::string& text, const std::string& marker) {
    const std::size_t at = text.find(marker);
    REQUIRE(at != std::string::npos);
    const std::size_t start = text.find("```\n", at) + 4;
    const std::size_t end = std::min(text.find("    ...\n", start), text.find("```", start));
    return text.substr(start, end - start);
}

std::vector<std::string> cells(const std::string& row) {
    std::vector<std::string> out;
    std::stringstream in(row);
    std::string cell;
    std::getline(in, cell, '|');
    while (std::getline(in, cell, '|')) {
        const auto first = cell.find_first_not_of(' ');
        if (first != std::string::npos) out.push_back(cell.substr(first, cell.find_last_not_of(' ') - first + 1));
    }
    return out;
}

}  // namespace

TEST_CASE("the README's sample review is the start of what verdict review claw-code prints", "[cli][readme]") {
    const std::string sample = sample_after(readme(), "From `build/bin/verdict review claw-code`:");
    const auto run = test::run_verdict({"review", "claw-code"});
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.substr(0, sample.size()) == sample);
}

TEST_CASE("the README's verdict table is what verdict review --all says", "[cli][readme]") {
    const auto run = test::run_verdict({"review", "--all", "--format", "json"});
    REQUIRE(run.exit_code == 0);
    std::map<std::string, std::vector<std::string>> actual;
    for (const json& doc : json::parse(run.out)) {
        std::map<std::string, std::string> by_seat;
        for (const json& r : doc["reviews"]) by_seat[r["persona"]] = r["verdict"];
        std::vector<std::string> row;
        for (const char* seat : {"developer", "skeptic", "futurist", "business", "creator"})
            row.push_back(by_seat.count(seat) ? by_seat[seat] : "–");
        row.push_back(std::to_string(doc["panel"]["ship_pct"].get<int>()) + "%");
        actual[doc["tool"]["name"]] = row;
    }
    std::stringstream lines(readme());
    std::size_t rows = 0;
    for (std::string line; std::getline(lines, line);) {
        const auto row = cells(line);
        if (row.size() != 7 || !actual.count(row[0])) continue;
        INFO(row[0]);
        CHECK(std::vector<std::string>(row.begin() + 1, row.end()) == actual[row[0]]);
        ++rows;
    }
    CHECK(rows == actual.size());
}

TEST_CASE("the README's rule change, start to finish, says what verdict says", "[cli][readme]") {
    const std::string text = readme();
    REQUIRE(text.find("`legal_risk_high` from -35 to -10") != std::string::npos);
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    panel["seats"][1]["settings"]["weights"]["legal_risk_high"] = -10;
    catalog.set_panel(panel);

    // Step 2: one review moves, no verdict flips.
    const auto diff = test::run_verdict({"diff", "--panel", (test::stock_catalog() / "panel.json").string(), "--panel",
                                         (catalog.path() / "panel.json").string()});
    CHECK(diff.exit_code == 0);
    CHECK_THAT(diff.out, Catch::Contains("1 of 20 reviews changed (0 verdicts flipped)"));
    CHECK_THAT(diff.out, Catch::Contains("claw-code / skeptic: skip 20 → skip 45\n         legal_risk_high -35 → -10\n"));
    CHECK_THAT(text, Catch::Contains("skip 20 to skip 45, `legal_risk_high -35 → -10`"));
    // Step 3: the margin the README quotes.
    const auto explain = test::run_verdict({"explain", "claw-code", "--persona", "skeptic", "--catalog", catalog.path().string()});
    CHECK_THAT(explain.out, Catch::Contains("= 45 against threshold 50: skip, margin -5 (it ships with 5 more points)\n"));
    CHECK_THAT(text, Catch::Contains("\"skip, margin -5 (it ships with 5 more points)\""));
    // Step 4: the fixture it suggests holds after the change, and not before it.
    const std::size_t at = text.find("e.g. in a file of your own under");
    REQUIRE(at != std::string::npos);
    const std::size_t start = text.find('\n', text.find("```json", at)) + 1;
    std::string fixture;
    std::stringstream lines(text.substr(start, text.find("```", start) - start));
    for (std::string line; std::getline(lines, line);)
        if (const std::size_t text_at = line.find_first_not_of(' '); text_at != std::string::npos) fixture += line.substr(text_at) + "\n";
    test::write_file(catalog.path() / "fixtures" / "skeptic.json", fixture);
    CHECK(test::run_verdict({"test", "--catalog", catalog.path().string()}).exit_code == 0);
    catalog.set_panel(test::stock_panel_json());
    CHECK(test::run_verdict({"test", "--catalog", catalog.path().string()}).exit_code == 1);
}
