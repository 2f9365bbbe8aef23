// A batch interrupted part-way (SIGKILL, SIGINT) on a catalog big enough to
// be caught in the act: every page it leaves is a whole old or new version,
// and the next normal run ends with the bytes of a clean run and no
// temporary left. Only Markdown is made, to keep the folders small; the
// writing path is the same for every format.
#include "batch/batch_test_support.hpp"
#include "support/background_process.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

using namespace verdict;
using namespace std::chrono_literals;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> batch_args(const fs::path& catalog, const fs::path& out) {
    return {"batch", "--catalog", catalog.string(), "--out", out.string(), "--formats", "md", "--jobs", "1", "--quiet"};
}

void batch_ok(const fs::path& catalog, const fs::path& out) {
    const auto run = test::run_batch_command(catalog, out, {"--formats", "md", "--jobs", "2"});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
}

// Starts a batch, polls every millisecond until `caught()` says it is part-way through, and sends it `signal`.
// Returns its exit status (128 + the signal when the signal ended it).
int interrupted_batch(const fs::path& catalog, const fs::path& out, int signal, const std::function<bool()>& caught, const fs::path& logs) {
    test::background_process batch(test::verdict_binary(), batch_args(catalog, out), test::source_dir(), logs / "batch-out.txt", logs / "batch-err.txt");
    while (batch.running() && !caught()) std::this_thread::sleep_for(1ms);
    batch.send(signal);
    const int status = batch.wait();
    INFO("stdout: " << test::read_file(logs / "batch-out.txt") << "\nstderr: " << test::read_file(logs / "batch-err.txt"));
    REQUIRE(status != 0);   // else it finished before it could be interrupted, and the test proves nothing
    return status;
}

std::size_t entries_in(const fs::path& folder) {
    std::error_code ec;
    std::size_t n = 0;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;
}

std::int64_t mtime_ns(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return -1;
    return std::int64_t{info.st_mtim.tv_sec} * 1'000'000'000 + info.st_mtim.tv_nsec;
}

// True once `folder` has changed (a page or a temporary created or renamed in it) and `settle` has passed since,
// so that some pages have been replaced by the time the run is interrupted.
std::function<bool()> changed_for(const fs::path& folder, std::chrono::milliseconds settle) {
    const std::int64_t start = mtime_ns(folder);
    auto seen = std::make_shared<std::optional<std::chrono::steady_clock::time_point>>();
    return [=] {
        if (!*seen && mtime_ns(folder) != start) *seen = std::chrono::steady_clock::now();
        return *seen && std::chrono::steady_clock::now() - **seen >= settle;
    };
}

struct page_versions {
    std::vector<std::string> in_no_version;   ///< Pages equal to none of the versions: partial or foreign.
    std::size_t newest = 0;                   ///< Pages equal to the last version and not to the others.
};

// Compares every page of `out` with the same page in each folder of `versions`. The state is left to the run after:
// it may hold the claims the killed run made first, and either way the next run must repair.
page_versions versions_of_pages(const fs::path& out, const std::vector<fs::path>& versions) {
    page_versions found;
    const test::folder_snapshot files = test::snapshot_of(out);
    const std::vector<std::string> temporaries = test::temporaries_in(files);   // partial by nature; cleared by the next run
    for (const auto& [path, state] : files) {
        if (std::find(temporaries.begin(), temporaries.end(), path) != temporaries.end()) continue;
        const std::string bytes = test::read_file(out / path);
        std::vector<bool> equal;
        for (const fs::path& version : versions) equal.push_back(fs::exists(version / path) && test::read_file(version / path) == bytes);
        if (std::find(equal.begin(), equal.end(), true) == equal.end()) found.in_no_version.push_back(path);
        else if (equal.back() && std::count(equal.begin(), equal.end(), true) == 1) ++found.newest;
    }
    return found;
}

// The next normal run must end with exactly a clean run's bytes and no temporary.
void check_repaired(const fs::path& catalog, const fs::path& out, const fs::path& clean) {
    const auto repair = test::run_batch_command(catalog, out, {"--formats", "md"});
    INFO("the run after the interrupted one: exit " << repair.exit_code << "\n" << repair.out << repair.err);
    CHECK(repair.exit_code == 0);
    const std::vector<std::string> differing = test::differences(out, clean);
    INFO("differences from a clean run: " << test::first_of(differing));
    CHECK(differing.empty());
    CHECK(test::temporaries_in(test::snapshot_of(out)).empty());
}

}  // namespace

TEST_CASE("a first run killed part-way (SIGKILL, SIGINT), then a normal run, gives a clean run's bytes and no temporary", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 2000, 8, 61);
    batch_ok(catalog, dir.path() / "clean");

    for (const int signal : {SIGKILL, SIGINT}) {
        CAPTURE(signal);
        const fs::path out = dir.path() / ("site-" + std::to_string(signal));
        const int status = interrupted_batch(catalog, out, signal, [&] { return entries_in(out / "compare") >= 20; }, dir.path());
        CAPTURE(status);
        // Whatever page is there is whole, as the clean run made it.
        const page_versions left = versions_of_pages(out, {dir.path() / "clean"});
        INFO("pages that are not the clean run's: " << test::first_of(left.in_no_version));
        CHECK(left.in_no_version.empty());
        CHECK(left.newest > 0);
        check_repaired(catalog, out, dir.path() / "clean");
    }
}

namespace {

// Kills a run of `catalog` into `out` (which holds `before`'s site) once it has replaced some pages, and checks that
// every page left is whole: `before`'s version or `during`'s.
void kill_part_way(const fs::path& catalog, const fs::path& out, const fs::path& before, const fs::path& during, const fs::path& logs) {
    interrupted_batch(catalog, out, SIGKILL, changed_for(out / "compare", 50ms), logs);
    const page_versions left = versions_of_pages(out, {before, during});
    INFO("pages that are neither the old nor the new version: " << test::first_of(left.in_no_version));
    CHECK(left.in_no_version.empty());
    REQUIRE(left.newest > 0);                                // it was caught part-way: some pages replaced...
    REQUIRE(test::differences(out, during).size() > 1);      // ...and some not
}

}  // namespace

TEST_CASE("a re-run killed part-way leaves each page old or new, and the next run gives a clean run's bytes", "[batch]") {
    test::temp_dir dir;
    const fs::path first = dir.path() / "first";
    const fs::path second = dir.path() / "second";
    test::generate_catalog(first, 600, 6, 71);
    fs::copy(first, second, fs::copy_options::recursive);
    // A new rule set changes every page, and by the same number of bytes: sizes alone cannot tell one from the other.
    json panel = json::parse(test::read_file(second / "panel.json"));
    REQUIRE(panel["rule_set"] == "2026.11-1");
    panel["rule_set"] = "2026.11-2";
    std::ofstream(second / "panel.json", std::ios::binary) << panel.dump(2);
    const fs::path clean_first = dir.path() / "clean-first";
    const fs::path clean_second = dir.path() / "clean-second";
    batch_ok(first, clean_first);
    batch_ok(second, clean_second);

    const fs::path out = dir.path() / "site";
    batch_ok(first, out);
    // The second catalog's run killed, then run again: the folder moves on to the second site.
    kill_part_way(second, out, clean_first, clean_second, dir.path());
    check_repaired(second, out, clean_second);

    // The first catalog's run killed, then the second's run again, as if the change that started it were undone.
    // The pages the killed run replaced have the second site's sizes and inputs the manifest knew before: only a
    // manifest that recorded what was about to be written can tell them from the pages it had made.
    kill_part_way(first, out, clean_second, clean_first, dir.path());
    check_repaired(second, out, clean_second);
}

TEST_CASE("the temporaries of cut-short writes are cleared by the next run: in the page folders while claims are left", "[batch]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    batch_ok(test::stock_catalog(), out);
    const fs::path page_temporary = out / "compare" / ".claude-haiku-open-weights-vs-claw-code.md.tmp-4194301";
    const fs::path root_temporary = out / ".index.md.tmp-4194302";
    // A Markdown category page sits in a folder of its own, one level further down.
    const fs::path category_temporary = out / "category" / "developer-tools" / "._index.md.tmp-4194303";
    for (const fs::path& temporary : {page_temporary, root_temporary, category_temporary}) test::write_file(temporary, "cut short");

    auto run_clearing = [&](const std::string& cleared) {
        const auto run = test::run_batch_command(test::stock_catalog(), out, {"--formats", "md"});
        INFO(run.out << run.err);
        CHECK(run.exit_code == 0);
        CHECK(run.out.find(cleared + " cleared") != std::string::npos);
    };

    SECTION("a run interrupted while writing pages leaves its claims and its unfinished row: both are cleared") {
        test::state_exec(out, "BEGIN; INSERT INTO runs (started, engine_version, rule_set, outcome) VALUES ('2026-12-01T00:00:00Z', '0.1.0', '', 'running'); "
                              "UPDATE pages SET input_hash = 0, bytes_hash = 0, size = 0 WHERE path = 'compare/claude-haiku-open-weights-vs-claw-code.md'; "
                              "DELETE FROM meta WHERE name = 'inputs_environment'; COMMIT");
        run_clearing("3 interrupted writes");
        CHECK_FALSE(fs::exists(page_temporary));
        CHECK_FALSE(fs::exists(root_temporary));
        CHECK_FALSE(fs::exists(category_temporary));
        CHECK(test::state_rows(out, "SELECT outcome FROM runs WHERE started = '2026-12-01T00:00:00Z'") == "interrupted\n");
        CHECK(test::state_rows(out, "SELECT count(*) FROM pages WHERE size = 0") == "0\n");
    }
    SECTION("without claims no page write was cut short: the page folders are not listed, the folder itself is") {
        test::forget_inputs(out);   // not a no-op: the run reads its inputs
        run_clearing("1 interrupted write");
        CHECK(fs::exists(page_temporary));
        CHECK(fs::exists(category_temporary));
        CHECK_FALSE(fs::exists(root_temporary));
    }
}

TEST_CASE("a run killed part-way under a new rule set adds nothing to the history, and the next run records each change once", "[batch][history]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 600, 6, 73);
    const fs::path out = dir.path() / "site";
    batch_ok(catalog, out);
    test::demand_more_of_developers(catalog, "2026.11-2");

    interrupted_batch(catalog, out, SIGKILL, changed_for(out / "compare", 50ms), dir.path());
    CHECK(test::state_rows(out, "SELECT count(*) FROM history") == "0\n");
    batch_ok(catalog, out);
    const long changes = std::stol(test::state_rows(out, "SELECT count(*) FROM history"));
    CHECK(changes > 0);
    CHECK(test::state_rows(out, "SELECT count(*) FROM (SELECT DISTINCT tool_id, seat FROM history)") == std::to_string(changes) + "\n");
    CHECK(test::state_rows(out, "SELECT DISTINCT seat, rule_set FROM history") == "developer|2026.11-2\n");
}
