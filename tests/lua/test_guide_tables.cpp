// The tables of scripts/README.md held to the engine: the limits table names
// every limit panel.json takes, each with the default the engine applies and
// its unit, what counts and what happens past it; the defaults table gives
// every setting with the default a script that leaves it out gets, which
// `defaults = {}` shows through the real program.
#include "json/schemas.hpp"
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace verdict;

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" `");
    const auto last = text.find_last_not_of(" `");
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

// The rows of the Markdown table in scripts/README.md whose header row starts with `header`, each row's cells
// trimmed of spaces and backticks, keyed by the first cell.
std::map<std::string, std::vector<std::string>> readme_table(const std::string& header) {
    std::istringstream readme(test::read_file(test::source_dir() / "scripts" / "README.md"));
    std::map<std::string, std::vector<std::string>> rows;
    std::string line;
    bool inside = false;
    while (std::getline(readme, line)) {
        line = trimmed(line);
        if (!inside) {
            inside = line.rfind(header, 0) == 0;
            continue;
        }
        if (line.empty() || line[0] != '|') break;
        if (line.rfind("|---", 0) == 0) continue;
        std::vector<std::string> cells;
        std::istringstream row(line.substr(1));
        for (std::string cell; std::getline(row, cell, '|');) cells.push_back(trimmed(cell));
        rows[cells.front()] = cells;
    }
    INFO("no table headed \"" << header << "\" in scripts/README.md");
    REQUIRE_FALSE(rows.empty());
    return rows;
}

// "67,108,864 (64 MiB)" -> 67108864: the number a cell starts with, its thousands separators dropped.
double leading_number(const std::string& cell) {
    std::string digits;
    for (const char c : cell) {
        if (c == ',') continue;
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') break;
        digits += c;
    }
    INFO("cell \"" << cell << "\"");
    REQUIRE_FALSE(digits.empty());
    return std::stod(digits);
}

}  // namespace

TEST_CASE("the README's limits table gives every limit panel.json takes, with the engine's default, unit, what counts and what follows",
          "[lua][guide][limits]") {
    const auto table = readme_table("| limit | default | unit | what counts toward it | past it");
    const script_limits engine;
    const std::map<std::string, double> defaults{{"instructions_per_review", static_cast<double>(engine.instructions_per_review)},
                                                 {"instructions_per_load", static_cast<double>(engine.instructions_per_load)},
                                                 {"memory_bytes", static_cast<double>(engine.memory_bytes)},
                                                 {"source_bytes", static_cast<double>(engine.source_bytes)},
                                                 {"seconds", engine.seconds}};
    const nlohmann::json panel_schema = nlohmann::json::parse(panel_schema_text());
    std::set<std::string> taken;
    for (const auto& [name, schema] : panel_schema.at("$defs").at("script_limits").at("properties").items()) taken.insert(name);
    std::set<std::string> documented;
    for (const auto& [name, cells] : table) documented.insert(name);
    CHECK(documented == taken);
    for (const auto& [name, cells] : table) {
        INFO("limit " << name);
        REQUIRE(cells.size() == 5);
        REQUIRE(defaults.count(name) == 1);
        CHECK(leading_number(cells[1]) == defaults.at(name));
        for (std::size_t i = 2; i < cells.size(); ++i) CHECK_FALSE(cells[i].empty());
    }
}

TEST_CASE("the README's defaults table gives every setting of defaults with the value a script that leaves it out gets",
          "[lua][guide][defaults]") {
    const auto table = readme_table("| setting | default | what |");
    std::set<std::string> documented;
    for (const auto& [name, cells] : table) documented.insert(name);
    CHECK(documented == std::set<std::string>{"base", "threshold", "min_facts", "weights"});

    // A script that leaves every one of them out, as the table says it may: it loads, with exactly those values.
    const auto persona = test::load_fixture("empty_defaults");
    const settings& s = persona->defaults();
    CHECK(s.base == leading_number(table.at("base")[1]));
    CHECK(s.threshold == leading_number(table.at("threshold")[1]));
    CHECK(s.min_facts == leading_number(table.at("min_facts")[1]));
    CHECK(table.at("weights")[1] == "none");
    CHECK(s.weights.empty());
    CHECK(s.base == settings{}.base);
    CHECK(s.threshold == settings{}.threshold);
    CHECK(s.min_facts == settings{}.min_facts);
}

TEST_CASE("a script with defaults = {} lints clean and abstains at its base, as the README says", "[lua][guide][defaults]") {
    const auto lint = test::run_verdict({"lint", test::fixture_script("empty_defaults").string()});
    INFO(lint.err);
    CHECK(lint.exit_code == 0);
    CHECK_THAT(lint.err, Catch::Contains("no problems"));

    const auto out = test::review_with("empty_defaults");
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->verdict == verdict_kind::abstain);
    CHECK(out.result->score == settings{}.base);
    CHECK(out.result->quote == "Probe Tool is in the catalog.");
}
