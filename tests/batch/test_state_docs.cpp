// docs/state.md and the README's sqlite3 queries describe the state a real
// batch leaves: every table and column the docs name exists, every column
// that exists is named, and every query the README shows runs and finds rows.
#include "batch/batch_test_support.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

fs::path stock_site(const test::temp_dir& dir) {
    const fs::path out = dir.path() / "site";
    const auto run = test::run_batch_command(test::stock_catalog(), out);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    return out;
}

// Each "### `table`" section of docs/state.md, with the names in backticks of the first cell of its table's rows.
std::map<std::string, std::set<std::string>> documented_columns() {
    std::map<std::string, std::set<std::string>> tables;
    std::istringstream doc(test::read_file(test::source_dir() / "docs" / "state.md"));
    std::string table;
    const std::regex heading("^### `([a-z_]+)`$");
    const std::regex name("`([a-z_]+)`");
    for (std::string line; std::getline(doc, line);) {
        std::smatch match;
        if (std::regex_match(line, match, heading)) table = match[1];
        else if (line.starts_with("## ")) table.clear();
        else if (!table.empty() && line.starts_with("| `")) {
            const std::string first = line.substr(1, line.find('|', 1) - 1);
            for (std::sregex_iterator it(first.begin(), first.end(), name), end; it != end; ++it) tables[table].insert((*it)[1]);
        }
    }
    return tables;
}

}  // namespace

TEST_CASE("docs/state.md names every table and column of the state a batch leaves, and nothing else", "[batch][state][docs]") {
    test::temp_dir dir;
    const fs::path out = stock_site(dir);
    std::map<std::string, std::set<std::string>> actual;
    std::istringstream tables(test::state_rows(out, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    for (std::string table; std::getline(tables, table);) {
        std::istringstream columns(test::state_rows(out, "SELECT name FROM pragma_table_xinfo('" + table + "')"));
        for (std::string column; std::getline(columns, column);) actual[table].insert(column);
    }
    REQUIRE(actual.size() == 9);
    CHECK(documented_columns() == actual);
}

TEST_CASE("every sqlite3 query the README shows runs on a real batch's state and finds rows", "[batch][state][docs][readme]") {
    test::temp_dir dir;
    const fs::path out = stock_site(dir);
    // Then a rule change that flips a verdict, published, so that the history has rows for its queries to find.
    const fs::path catalog = dir.path() / "catalog";
    test::copy_stock_catalog(catalog);
    std::string panel = test::read_file(catalog / "panel.json");
    const std::string skeptic = "{\"id\": \"skeptic\", \"plugin\": \"skeptic\"}";
    REQUIRE(panel.find(skeptic) != std::string::npos);
    panel.replace(panel.find(skeptic), skeptic.size(), "{\"id\": \"skeptic\", \"plugin\": \"skeptic\", \"settings\": {\"threshold\": 45, \"weights\": {\"legal_risk_high\": -10}}}");
    panel.replace(panel.find("2026.11-1"), 9, "2026.12-1");
    test::write_file(catalog / "panel.json", panel);
    const auto changed = test::run_batch_command(catalog, out);
    INFO(changed.out << changed.err);
    REQUIRE(changed.exit_code == 0);
    std::istringstream readme(test::read_file(test::source_dir() / "README.md"));
    const std::string prefix = "sqlite3 site/.verdict/state.sqlite \"";
    std::size_t queries = 0;
    for (std::string line; std::getline(readme, line);) {
        if (!line.starts_with(prefix) || !line.ends_with("\"")) continue;
        const std::string query = line.substr(prefix.size(), line.size() - prefix.size() - 1);
        CAPTURE(query);
        const std::string rows = test::state_rows(out, query);
        CHECK_FALSE(rows.starts_with("cannot"));
        CHECK_FALSE(rows.empty());
        ++queries;
    }
    CHECK(queries >= 3);
}
