// A changed run takes the comparisons from the last run's record instead of
// parsing, validating and resolving comparisons.json again. The record must
// be trusted exactly while what the pairs follow from is unchanged: the
// file's bytes, and the tools' ids and categories (the all-pairs-within rule
// reads the categories); and a damaged record must read as absent.
#include "batch/batch_test_support.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::size_t lines_in(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

std::size_t files_in(const fs::path& dir) { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }

}  // namespace

TEST_CASE("comparisons come from the last run's record while comparisons.json and the tools' ids and categories are unchanged", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::copy_stock_catalog(catalog);
    const fs::path out = dir.path() / "site";
    auto batch = [&] {
        const auto run = test::run_batch_command(catalog, out, {"--formats", "json"});
        INFO(run.out << run.err);
        REQUIRE(run.exit_code == 0);
    };
    batch();

    // The shipped catalog lists four pairs and every pair within its one category: ten pages, ten pairs recorded.
    auto recorded_pairs = [&out] { return test::state_rows(out, "SELECT left_tool, right_tool FROM pairs ORDER BY position"); };
    const std::string recorded = recorded_pairs();
    REQUIRE(test::state_rows(out, "SELECT count(*) FROM meta WHERE name = 'pairs_key'") == "1\n");
    CHECK(files_in(out / "compare") == 10);
    CHECK(lines_in(recorded) == 10);
    // Tools in id order: claude-haiku-open-weights 0, claw-code 1, ... The pair of 0 and 1 comes from the rule alone.
    const fs::path rule_page = out / "compare" / "claude-haiku-open-weights-vs-claw-code.json";
    REQUIRE(fs::exists(rule_page));
    REQUIRE(("\n" + recorded).find("\n0|1\n") != std::string::npos);

    SECTION("a record made from the same inputs is trusted, and a change to comparisons.json's bytes is not") {
        test::state_exec(out, "DELETE FROM pairs WHERE left_tool = 0 AND right_tool = 1");
        test::forget_inputs(out);   // not a no-op: the run reads its inputs
        batch();
        CHECK_FALSE(fs::exists(rule_page));   // the pair taken off the record is no longer made
        CHECK(files_in(out / "compare") == 9);

        test::write_file(catalog / "comparisons.json", test::read_file(catalog / "comparisons.json") + "\n");
        batch();
        CHECK(fs::exists(rule_page));
        CHECK(files_in(out / "compare") == 10);
        CHECK(lines_in(recorded_pairs()) == 10);
    }
    SECTION("a tool moved to another category changes what the rule pairs, and the comparisons are read again") {
        json claw = json::parse(test::read_file(catalog / "tools" / "claw-code.json"));
        claw["category"] = "Creator Tools";
        test::write_file(catalog / "tools" / "claw-code.json", claw.dump(2));
        batch();
        CHECK_FALSE(fs::exists(rule_page));
        CHECK(fs::exists(out / "compare" / "claw-code-vs-modal-gpu-serverless-inference.json"));   // listed by name: kept
        CHECK(files_in(out / "compare") == 7);
        CHECK(lines_in(recorded_pairs()) == 7);
    }
    SECTION("a record pointing past the tools reads as absent, and is written again whole") {
        test::state_exec(out, "UPDATE pairs SET right_tool = 99 WHERE position = 0");
        test::forget_inputs(out);
        batch();
        CHECK(files_in(out / "compare") == 10);
        CHECK(recorded_pairs() == recorded);
    }
}
