// When only tool files changed, a run makes just the pages those tools reach,
// from just the tools those pages show, and takes the rest of the site as the
// last run left it. Whatever the change, the folder must end as a clean run
// of the changed catalog leaves it, byte for byte: a change the scope cannot
// follow (a tool moving category, a new date the index shows, a file that no
// longer reads) must still come out right.
#include "batch/batch_test_support.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;
using test::read_json;

namespace {


// Community votes on every tenth tool, so that pages in and out of a scope show them.
void add_votes(const fs::path& catalog) {
    fs::create_directories(catalog / "votes");
    std::ofstream csv(catalog / "votes" / "export.csv", std::ios::binary);
    csv << "tool_id,voter_id,vote,timestamp\n";
    const std::vector<std::string> ids = test::tool_ids(catalog);
    for (std::size_t i = 0; i < ids.size(); i += 10)
        for (int voter = 0; voter < 12; ++voter)
            csv << ids[i] << ",voter-" << voter << "," << (voter % 3 ? "ship" : "skip") << ",2026-11-" << 10 + voter << "T10:00:00Z\n";
}

// Two tools of different categories, compared in a pair added to the catalog's: a change to either reaches both
// categories' pages.
std::pair<std::string, std::string> compare_across_categories(const fs::path& catalog) {
    auto category = [&](const std::string& id) { return read_json(catalog / "tools" / (id + ".json")).at("category").get<std::string>(); };
    const std::vector<std::string> ids = test::tool_ids(catalog);
    for (const std::string& other : ids)
        if (category(other) != category(ids.front())) {
            json comparisons = read_json(catalog / "comparisons.json");
            comparisons["pairs"].push_back({ids.front(), other});
            test::write_file(catalog / "comparisons.json", comparisons.dump(2));
            return {ids.front(), other};
        }
    FAIL("the tools of " << catalog << " are all in one category");
    return {};
}

}  // namespace

TEST_CASE("a run after only tool files changed leaves the folder as a clean run of the changed catalog does", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 150, 4, 61);
    add_votes(catalog);
    const auto [id, partner] = compare_across_categories(catalog);
    CAPTURE(id, partner);
    const auto first = test::run_batch_command(catalog, out);
    INFO(first.out << first.err);
    REQUIRE(first.exit_code == 0);

    int exit_code = 0;
    std::string reviewed = "1 of 150 tools reviewed";
    SECTION("one tool's tagline") { test::edit_tool(catalog, id, "tagline", "A tagline changed by the scoped test"); }
    SECTION("two tools' taglines, in two categories") {
        test::edit_tool(catalog, id, "tagline", "A tagline changed by the scoped test");
        test::edit_tool(catalog, partner, "tagline", "Another tagline changed by the scoped test");
        reviewed = "2 of 150 tools reviewed";
    }
    SECTION("a tool's name, which its partner's category page shows") { test::shout_name(catalog, id); }
    SECTION("a tool's category, which moves it to another category's page") {
        test::edit_tool(catalog, id, "category", read_json(catalog / "tools" / (partner + ".json")).at("category").get<std::string>());
    }
    SECTION("a tool's date, later than any other: the index shows it") { test::edit_tool(catalog, id, "updated", "2031-01-01"); }
    SECTION("a tool file that no longer reads") {
        std::ofstream(catalog / "tools" / (id + ".json"), std::ios::binary) << "{ not json";
        exit_code = 1;
    }
    const auto changed = test::run_batch_command(catalog, out);
    INFO(changed.out << changed.err);
    CHECK(changed.exit_code == exit_code);
    CHECK(changed.out.find(reviewed) != std::string::npos);

    const auto clean = test::run_batch_command(catalog, dir.path() / "clean");
    REQUIRE(clean.exit_code == exit_code);
    const std::vector<std::string> differences = test::differences(out, dir.path() / "clean");
    INFO("differences from a clean run: " << test::first_of(differences));
    CHECK(differences.empty());
    // The records the next run starts from are those a clean run leaves, too.
    for (const char* select : {"SELECT * FROM tools ORDER BY file", "SELECT * FROM inputs ORDER BY path", "SELECT * FROM pairs ORDER BY position",
                               "SELECT * FROM meta ORDER BY name", "SELECT path, input_hash, bytes_hash, size FROM pages ORDER BY path"}) {
        CAPTURE(select);
        CHECK(test::state_rows(out, select) == test::state_rows(dir.path() / "clean", select));
    }

    // And the run after it has nothing left to do.
    const auto again = test::run_batch_command(catalog, out);
    CHECK(test::summary_count(again.out, "written") == 0);
}
