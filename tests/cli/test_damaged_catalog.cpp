// Commands on a damaged catalog: each names what it cannot read and why,
// exits 2, and prints no review or report made from what it could read.
// Every case works on a copy of the whole shipped catalog (fixtures and
// schema copies included), so that only the damage makes it fail.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"
#include "support/unprivileged.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

using namespace verdict;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path copy_catalog(const fs::path& dir) {
    const fs::path catalog = dir / "catalog";
    fs::copy(test::stock_catalog(), catalog, fs::copy_options::recursive);
    return catalog;
}

std::vector<std::string> on_catalog(std::vector<std::string> args, const fs::path& catalog) {
    args.push_back("--catalog");
    args.push_back(catalog.string());
    return args;
}

std::size_t count_lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("review --all, stats, index, test and lint on a catalog whose tools/ is empty, missing or unreadable exit 2, "
          "say so, and print no report",
          "[cli][damaged]") {
    struct tools_damage {
        std::string name;
        std::string problem;   ///< What follows "<catalog>/tools".
    };
    const std::vector<tools_damage> damages{{"empty", ": expected at least one usable tool file (<id>.json), found none"},
                                            {"missing", ": expected a readable folder of tool files (<id>.json), found no such folder"},
                                            {"unreadable", ": expected a readable folder of tool files (<id>.json), found permission denied"}};
    const std::vector<std::vector<std::string>> commands{{"review", "--all"}, {"stats"}, {"index"}, {"test"}, {"lint"}};
    for (const tools_damage& d : damages) DYNAMIC_SECTION("tools/ " << d.name) {
        test::temp_dir dir;
        const fs::path catalog = copy_catalog(dir.path());
        const fs::path tools = catalog / "tools";
        std::optional<test::no_access> locked;   // given back before the folder is removed
        if (d.name == "empty")
            for (const auto& entry : fs::directory_iterator(tools)) fs::remove(entry.path());
        if (d.name == "missing") fs::remove_all(tools);
        if (d.name == "unreadable") {
            test::hand_to_unprivileged(dir.path());
            locked.emplace(tools);
        }
        for (const std::vector<std::string>& command : commands) {
            const std::vector<std::string> args = on_catalog(command, catalog);
            const auto run = locked ? test::run_verdict_unprivileged(args) : test::run_verdict(args);
            INFO("verdict " << command[0] << ":\n" << run.out << run.err);
            CHECK(run.exit_code == 2);
            CHECK_THAT(run.out + run.err, !Catch::Contains("internal error"));
            if (command[0] == "lint") {   // lint prints its problems on stdout
                CHECK_THAT(run.out, Catch::Contains(tools.generic_string() + d.problem));
                CHECK_THAT(run.out + run.err, !Catch::Contains("no problems"));
            } else {
                CHECK_THAT(run.err, Catch::Contains(tools.generic_string() + d.problem));
                CHECK(run.out == "");
            }
        }
    }
}

TEST_CASE("lint says a comparisons.json that is a loop of symbolic links is one, and exits 2 without an internal error", "[cli][lint][damaged]") {
    test::temp_dir dir;
    const fs::path catalog = copy_catalog(dir.path());
    const fs::path comparisons = catalog / "comparisons.json";
    fs::remove(comparisons);
    fs::create_symlink("comparisons.json", comparisons);

    const auto run = test::run_verdict({"lint", "--catalog", catalog.string()});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Catch::Contains(comparisons.generic_string() + ": expected a readable file, found a loop of symbolic links"));
    CHECK_THAT(run.out + run.err, !Catch::Contains("internal error"));
}

TEST_CASE("lint refuses a fixtures/ that is a file or unreadable, and verdict test an unreadable one, naming it", "[cli][lint][damaged]") {
    test::temp_dir dir;
    const fs::path catalog = copy_catalog(dir.path());
    const fs::path fixtures = catalog / "fixtures";
    const std::string expected = fixtures.generic_string() + ": expected a readable folder of test fixtures (*.json), found ";

    SECTION("lint, fixtures/ a file") {
        fs::remove_all(fixtures);
        test::write_file(fixtures, "not a folder\n");
        const auto run = test::run_verdict({"lint", "--catalog", catalog.string()});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.out, Catch::Contains(expected + "a file"));
    }
    SECTION("lint, fixtures/ unreadable") {
        test::hand_to_unprivileged(dir.path());
        const test::no_access locked(fixtures);
        const auto run = test::run_verdict_unprivileged({"lint", "--catalog", catalog.string()});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.out, Catch::Contains(expected + "permission denied"));
    }
    SECTION("test, fixtures/ unreadable") {
        test::hand_to_unprivileged(dir.path());
        const test::no_access locked(fixtures);
        const auto run = test::run_verdict_unprivileged({"test", "--catalog", catalog.string()});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Catch::Contains(expected + "permission denied"));
        CHECK(run.out == "");
    }
}

TEST_CASE("lint refuses a votes/ that is a file, naming it", "[cli][lint][damaged]") {
    test::temp_dir dir;
    const fs::path catalog = copy_catalog(dir.path());
    const fs::path votes = catalog / "votes";
    test::write_file(votes, "not a folder\n");

    const auto run = test::run_verdict({"lint", "--catalog", catalog.string()});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Catch::Contains(votes.generic_string() + ": expected a readable folder of vote exports (*.csv), found a file"));
}

TEST_CASE("lint checks the schema/ copies against the engine's schemas: an edit is a problem at its pointer, a reformatted "
          "copy is none, and a copy that is not JSON is a problem at its line and column",
          "[cli][lint][damaged]") {
    test::temp_dir dir;
    const fs::path catalog = copy_catalog(dir.path());
    const fs::path copy = catalog / "schema" / "tool.schema.json";
    json schema = test::read_json(copy);

    SECTION("one description edited") {
        REQUIRE(schema["properties"]["name"].contains("description"));
        schema["properties"]["name"]["description"] = "Edited in the copy only.";
        test::write_file(copy, schema.dump(2));
        const auto run = test::run_verdict({"lint", "--catalog", catalog.string()});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.out, Catch::StartsWith(copy.generic_string() + ": /properties/name/description: expected a copy of the schema this verdict applies"));
        CHECK(count_lines(run.out) == 1);
    }
    SECTION("reformatted, equal as JSON") {
        const std::string reformatted = schema.dump(5);
        REQUIRE(reformatted != test::read_file(copy));
        test::write_file(copy, reformatted);
        const auto run = test::run_verdict({"lint", "--catalog", catalog.string()});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 0);
        CHECK(run.out == "");
        CHECK_THAT(run.err, Catch::Contains("no problems"));
    }
    SECTION("not JSON") {
        test::write_file(copy, "{\n  \"title\": \"verdict catalog tool\",\n  oops\n}\n");   // "oops" at line 3, column 3
        const auto run = test::run_verdict({"lint", "--catalog", catalog.string()});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.out, Catch::StartsWith(copy.generic_string() + ": line 3, column 3"));
        CHECK(count_lines(run.out) == 1);
    }
}

TEST_CASE("every command given a catalog folder that is missing exits 2, names it and suggests --catalog", "[cli][damaged]") {
    test::temp_dir dir;
    const fs::path missing = dir.path() / "no-catalog-here";
    const std::string panel = (test::stock_catalog() / "panel.json").string();
    const std::vector<std::vector<std::string>> commands{{"review", "claw-code"},
                                                         {"review", "--all"},
                                                         {"explain", "claw-code"},
                                                         {"compare", "claw-code", "modal-gpu-serverless-inference"},
                                                         {"index"},
                                                         {"stats"},
                                                         {"test"},
                                                         {"lint"},
                                                         {"personas"},
                                                         {"batch", "--out", (dir.path() / "site").string()},
                                                         {"diff", "--panel", panel, "--panel", panel},
                                                         {"diff", "--against", "HEAD"}};
    for (const std::vector<std::string>& command : commands) {
        const auto run = test::run_verdict(on_catalog(command, missing));
        INFO("verdict " << command[0] << ":\n" << run.out << run.err);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.out + run.err, Catch::Contains(missing.generic_string() + ": expected a catalog folder (panel.json, tools/), found no such folder") &&
                                          Catch::Contains("--catalog DIR"));
        if (command[0] != "lint") CHECK(run.out == "");   // lint prints its problems on stdout
    }
    CHECK_FALSE(fs::exists(dir.path() / "site"));
}
