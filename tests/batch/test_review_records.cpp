// The review records are read by every run that is not a no-op: what one run
// records, the next must read back field for field, whatever bytes the
// catalog's text holds; a run that reviewed one tool must change one row;
// and a row this engine did not write must read as absent, so that every
// tool is reviewed again rather than trusted from a wrong record.
#include "batch/review_records.hpp"
#include "batch/batch_test_support.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

review_records sample_records() {
    review_records records{"0123456789abcdef", {}};
    records.by_file["catalog/tools/plain.json"] = {{812, 1763700000123456789},
                                                   {"plain", "Plain", "Developer Tools", "A tagline.", "2026-11-02"},
                                                   {3, 1, 0, 0, 3, "majority", 75, 6.25, {}},
                                                   "fedcba9876543210"};
    records.by_file["catalog/tools/odd\tname,\\.json"] = {
        {0, -5},
        {"odd", "Tab\there, comma, back\\slash \\t", "Line\nbreak\r\ncategory", "\xe2\x80\xae" "reversed, \xff not UTF-8", ""},
        {1, 1, 1, 1, 4, "rule,set\t2", std::nullopt, std::nullopt, {"business", "seat,with\\comma\"quote"}},
        ""};
    records.by_file["catalog/tools/third.json"] = {{1, 2}, {"third", "", "", "", ""}, {0, 2, 0, 0, 2, "r", 0, 0.1 + 0.2, {"x"}}, "f"};
    return records;
}

// Records `records` in a new state in `dir`.
std::unique_ptr<state_database> state_with(const fs::path& dir, const review_records& records) {
    std::string refusal;
    bool cannot_write = false;
    auto state = state_database::open(dir, state_database::file_of(dir), false, refusal, cannot_write);
    REQUIRE(state);
    sqlite_transaction t(state->db());
    record_review_records(*state, records, true);
    t.commit();
    return state;
}

}  // namespace

TEST_CASE("review records read back exactly as recorded, whatever bytes their text holds", "[batch][records]") {
    test::temp_dir dir;
    const review_records records = sample_records();
    const auto state = state_with(dir.path(), records);
    const auto read = read_review_records(*state);
    REQUIRE(read);
    CHECK(*read == records);
    CHECK(read->by_file.at("catalog/tools/third.json").verdict.mean_score == 0.1 + 0.2);   // to the last bit
}

TEST_CASE("recording the records again changes only the rows that differ, and drops the files no longer there", "[batch][records]") {
    test::temp_dir dir;
    review_records records = sample_records();
    for (int i = 0; i < 50; ++i) records.by_file["catalog/tools/more-" + std::to_string(i) + ".json"] = records.by_file.at("catalog/tools/plain.json");
    state_with(dir.path(), records).reset();
    records.by_file.at("catalog/tools/plain.json").summary.tagline = "Another tagline.";
    records.by_file.erase("catalog/tools/third.json");
    const auto state = state_with(dir.path(), records);
    CHECK(*read_review_records(*state) == records);
    // The rows this connection changed: the one tagline, the one file gone, and the environment; not 52 rows.
    CHECK(sqlite3_total_changes(state->db().handle()) == 3);
    CHECK(test::state_rows(dir.path(), "SELECT tagline FROM tools WHERE file = 'catalog/tools/plain.json'") == "Another tagline.\n");
}

TEST_CASE("records that are not this engine's read as absent, so every tool is reviewed again", "[batch][records]") {
    test::temp_dir dir;
    auto state = state_with(dir.path(), sample_records());
    SECTION("a missing-seats list that is not a JSON list of names") {
        state->db().exec("UPDATE tools SET missing = '[1]' WHERE file = 'catalog/tools/third.json'");
        CHECK_FALSE(read_review_records(*state));
    }
    SECTION("no environment: no run recorded them") {
        sqlite_transaction t(state->db());
        state->set_meta("reviews_environment", std::nullopt);
        t.commit();
        CHECK_FALSE(read_review_records(*state));
    }
}

TEST_CASE("the records of a run that reviewed some tools only are recorded beside the others, which stand", "[batch][records]") {
    test::temp_dir dir;
    review_records all = sample_records();
    state_with(dir.path(), all).reset();
    review_records some{all.environment, {}};
    some.by_file["catalog/tools/plain.json"] = all.by_file.at("catalog/tools/plain.json");
    some.by_file.at("catalog/tools/plain.json").summary.name = "Plain, renamed";
    std::string refusal;
    bool cannot_write = false;
    const auto state = state_database::open(dir.path(), state_database::file_of(dir.path()), false, refusal, cannot_write);
    REQUIRE(state);
    sqlite_transaction t(state->db());
    record_review_records(*state, some, false);
    t.commit();
    all.by_file.at("catalog/tools/plain.json").summary.name = "Plain, renamed";
    CHECK(*read_review_records(*state) == all);
}
