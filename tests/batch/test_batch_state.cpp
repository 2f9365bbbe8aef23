// The folder's state database through the real program: a folder left by the
// text files of earlier engines is converted with no page lost; a state that
// is damaged or from a newer engine is refused, and --force sets it aside;
// a process killed inside a transaction leaves the state as it was.
#include "batch/batch_test_support.hpp"
#include "state/state_database.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

fs::path state_file(const fs::path& out) { return out / ".verdict" / "state.sqlite"; }

std::string batch_ok(const fs::path& catalog, const fs::path& out, const std::vector<std::string>& extra = {}) {
    const auto run = test::run_batch_command(catalog, out, extra);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
}

// 16 lower-case hex digits of the signed 64-bit integer the state holds.
std::string hex_of(const std::string& integer) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(std::stoll(integer)));
    return text;
}

// Turns `out`'s state back into the text files an earlier engine left: the manifest ("<key> <content> <size> <path>"
// under a header) with `extra_lines`, the records it kept beside it, and its lock; the state folder goes.
void make_legacy(const fs::path& out, const std::string& extra_lines) {
    std::string manifest = "verdict-manifest 1\n";
    std::istringstream rows(test::manifest_rows(out));
    for (std::string row; std::getline(rows, row);) {
        std::vector<std::string> field;
        std::istringstream cells(row);
        for (std::string cell; std::getline(cells, cell, '|');) field.push_back(cell);
        REQUIRE(field.size() == 4);
        manifest += hex_of(field[1]) + " " + hex_of(field[2]) + " " + field[3] + " " + field[0] + "\n";
    }
    test::write_file(out / ".verdict-manifest", manifest + extra_lines);
    test::write_file(out / ".verdict-reviews", "verdict-reviews 2 0123\n");
    test::write_file(out / ".verdict-inputs", "inputs 0123\n");
    test::write_file(out / ".verdict-pairs", "verdict-pairs 1 0123\n");
    test::write_file(out / ".verdict-lock", "");
    fs::remove_all(out / ".verdict");
}

}  // namespace

TEST_CASE("a folder left by the text-file state of earlier engines is converted on its first run: no page lost, none made again", "[batch][state]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    const std::string rows = test::manifest_rows(out);
    // A page the catalog no longer makes, which the old manifest lists as the engine's, and a person's file it does not.
    test::write_file(out / "compare" / "gone-a-vs-gone-b.html", "an old comparison\n");
    test::write_file(out / "compare" / "notes.html", "a person's notes\n");
    make_legacy(out, "00000000000000aa 00000000000000bb 18 compare/gone-a-vs-gone-b.html\n");
    const test::folder_snapshot before = test::snapshot_of(out);

    const std::string summary = batch_ok(test::stock_catalog(), out);
    INFO(summary);
    CHECK(test::summary_count(summary, "written") == 0);
    CHECK(test::summary_count(summary, "deleted") == 1);
    CHECK_FALSE(fs::exists(out / "compare" / "gone-a-vs-gone-b.html"));
    CHECK(test::read_file(out / "compare" / "notes.html") == "a person's notes\n");
    for (const char* old : {".verdict-manifest", ".verdict-claims", ".verdict-reviews", ".verdict-inputs", ".verdict-pairs", ".verdict-lock"})
        CHECK_FALSE(fs::exists(out / old));
    CHECK(test::manifest_rows(out) == rows);
    std::set<std::string> rewritten = test::rewritten_paths(before, test::snapshot_of(out));
    CHECK(rewritten.empty());
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), out), "written") == 0);
}

TEST_CASE("claims an earlier engine left are converted too: the claimed page is made again, the interrupted writes cleared", "[batch][state]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    const std::string rows = test::manifest_rows(out);
    const std::string claimed = "compare/claude-haiku-open-weights-vs-claw-code.html";
    make_legacy(out, "");
    test::write_file(out / ".verdict-claims", claimed + "\n");
    test::write_file(out / claimed, "cut short by a killed run");
    test::write_file(out / "compare" / ".claude-haiku-open-weights-vs-claw-code.md.tmp-4194301", "cut short");

    const std::string summary = batch_ok(test::stock_catalog(), out);
    INFO(summary);
    CHECK(test::summary_count(summary, "written") == 1);
    CHECK(summary.find("1 interrupted write cleared") != std::string::npos);
    CHECK(test::read_file(out / claimed).starts_with("<!DOCTYPE html>"));
    CHECK(test::manifest_rows(out) == rows);
}

TEST_CASE("a damaged text-file manifest is refused, naming its line, and --force goes on without it", "[batch][state]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    // The bad line comes after the manifest's header and its line per page.
    const std::string line = std::to_string(std::stol(test::state_rows(out, "SELECT count(*) FROM pages")) + 2);
    make_legacy(out, "not a manifest line\n");
    const test::folder_snapshot before = test::snapshot_of(out);
    const auto refused = test::run_batch_command(test::stock_catalog(), out);
    INFO(refused.out << refused.err);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains((out / ".verdict-manifest").generic_string() + ": line " + line + ": expected \"<key> <content> <size> <path>\"") &&
                                Catch::Contains("--force"));
    CHECK(test::rewritten_paths(before, test::snapshot_of(out)).empty());
    CHECK(fs::exists(out / ".verdict-manifest"));
    CHECK_FALSE(fs::exists(state_file(out)));

    batch_ok(test::stock_catalog(), out, {"--force"});
    CHECK_FALSE(fs::exists(out / ".verdict-manifest"));
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), out), "written") == 0);
}

TEST_CASE("a state that is damaged or from a newer engine is refused with what to do, and --force sets it aside and begins again", "[batch][state]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    const std::string rows = test::manifest_rows(out);
    std::string expected;
    std::string kept_as;
    SECTION("not a database at all") {
        test::write_file(state_file(out), std::string(8192, 'x'));
        expected = "is damaged";
        kept_as = "state.sqlite.damaged";
    }
    SECTION("every page but the header overwritten") {
        std::string bytes = test::read_file(state_file(out));
        REQUIRE(bytes.size() > 8192);
        std::fill(bytes.begin() + 4096, bytes.end(), '\xff');
        test::write_file(state_file(out), bytes);
        expected = "malformed";
        kept_as = "state.sqlite.damaged";
    }
    SECTION("made by a newer engine") {
        test::state_exec(out, "PRAGMA user_version = 99");
        expected = "was made by a newer verdict (state schema 99; this engine reads " + std::to_string(state_schema_version) + "): run that verdict, or run with --force";
        kept_as = "state.sqlite.newer";
    }
    const test::folder_snapshot before = test::snapshot_of(out);
    const auto refused = test::run_batch_command(test::stock_catalog(), out);
    INFO(refused.out << refused.err);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::StartsWith("verdict: error: " + state_file(out).generic_string()) && Catch::Contains(expected) &&
                                Catch::Contains("--force"));
    CHECK(test::rewritten_paths(before, test::snapshot_of(out)).empty());

    const std::string forced = batch_ok(test::stock_catalog(), out, {"--force"});
    CHECK(fs::exists(out / ".verdict" / kept_as));
    CHECK(test::manifest_rows(out) == rows);
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), out), "written") == 0);
}

TEST_CASE("a process killed inside a transaction on the state leaves it as it was: the next run is a no-op", "[batch][state]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 200, 4, 17);
    batch_ok(catalog, out);
    const std::string rows = test::manifest_rows(out);
    const std::string tools = test::state_rows(out, "SELECT * FROM tools ORDER BY file");

    // A child changes every row with a cache of one page, so that its uncommitted pages spill into the log, and is
    // killed before it commits, as a batch killed between its claims and its record would be.
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        sqlite3* db = nullptr;
        if (sqlite3_open(state_file(out).c_str(), &db) != SQLITE_OK) ::_exit(3);
        sqlite3_exec(db, "PRAGMA cache_size = 1; BEGIN IMMEDIATE; UPDATE pages SET size = size + 1, input_hash = 0; DELETE FROM tools; "
                         "INSERT INTO runs (started, engine_version, rule_set, outcome) VALUES ('now', '0', '', 'running')", nullptr, nullptr, nullptr);
        ::raise(SIGKILL);
        ::_exit(4);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
    REQUIRE(fs::file_size(out / ".verdict" / "state.sqlite-wal") > 4096);   // the uncommitted changes reached the file

    CHECK(test::state_rows(out, "PRAGMA integrity_check") == "ok\n");
    CHECK(test::manifest_rows(out) == rows);
    const std::string summary = batch_ok(catalog, out);
    CHECK_THAT(summary, Catch::StartsWith("verdict batch: 0 of 200 tools reviewed") && Catch::Contains(" 0 written"));
    CHECK(test::state_rows(out, "SELECT * FROM tools ORDER BY file") == tools);
}

TEST_CASE("a state kept outside its folder (--state) outlives the folder, and a run into another folder with it is refused", "[batch][state]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    const fs::path state = dir.path() / "kept" / "site.sqlite";
    const std::vector<std::string> with_state{"--state", state.string()};
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), out, with_state), "written") == 55);
    CHECK(fs::is_regular_file(state));
    CHECK_FALSE(fs::exists(state_file(out)));
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), out, with_state), "written") == 0);
    CHECK(test::state_file_rows(state, "SELECT value FROM meta WHERE name = 'site_folder'") == fs::weakly_canonical(out).generic_string() + "\n");

    // Without it, the folder holds pages and no state of its own: it is not taken for the engine's.
    const auto without = test::run_batch_command(test::stock_catalog(), out);
    CHECK(without.exit_code == 2);
    CHECK_THAT(without.err, Catch::Contains("has no state"));

    // The folder deleted: the state stays, and the next run makes every page again into it.
    fs::remove_all(out);
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), out, with_state), "written") == 55);
    CHECK(test::state_file_rows(state, "SELECT count(*) FROM runs WHERE outcome = 'done'") == "2\n");

    // Another folder with the same state would take this folder's pages for its own stale ones.
    const fs::path other = dir.path() / "other";
    const auto refused = test::run_batch_command(test::stock_catalog(), other, with_state);
    INFO(refused.out << refused.err);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains(state.generic_string() + " is the state of " + fs::weakly_canonical(out).generic_string() + ", not of ") &&
                                Catch::Contains("--force"));
    CHECK_FALSE(fs::exists(other / "index.html"));
    CHECK(test::summary_count(batch_ok(test::stock_catalog(), other, {"--state", state.string(), "--force"}), "written") == 55);
}

TEST_CASE("a run refused before it writes a page leaves neither the new folder nor a new --state file, whether the panel or the catalog is at fault",
          "[batch][state]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::copy_stock_catalog(catalog);
    // A panel that cannot be read, and a category rule too large to make (a problem no page can show).
    for (const auto& [what, damage] : std::vector<std::pair<std::string, std::string>>{
             {"panel.json", "{"}, {"comparisons.json", R"({"all_pairs_within": ["Developer Tools"], "max_category_pairs": 1})"}}) {
        SECTION(what) {
            test::write_file(catalog / what, damage);
            const fs::path out = dir.path() / "site";
            const fs::path state = dir.path() / "site-state.sqlite";
            const auto refused = test::run_batch_command(catalog, out, {"--state", state.string()});
            INFO(refused.out << refused.err);
            CHECK(refused.exit_code == 2);
            CHECK_FALSE(fs::exists(out));
            for (const char* suffix : {"", "-wal", "-shm"}) CHECK_FALSE(fs::exists(state.string() + suffix));
        }
    }
}
