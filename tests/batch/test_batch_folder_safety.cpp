// The output folder's guards: a folder verdict did not make is refused until
// --force, and one that another batch holds (its .verdict/lock flocked) is
// refused outright. A refused run must leave the folder exactly as it was.
#include "batch/batch_test_support.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

// Every entry under `dir`, folders included, so a refused run that creates even an empty folder or file is seen.
std::set<std::string> entries_of(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) names.insert(fs::relative(entry.path(), dir).generic_string());
    return names;
}

// An exclusive flock on <dir>/.verdict/lock, as a running batch holds it, until the object dies.
class held_lock {
public:
    explicit held_lock(const fs::path& dir) : fd_(::open((dir / ".verdict" / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
        REQUIRE(fd_ >= 0);
        REQUIRE(::flock(fd_, LOCK_EX | LOCK_NB) == 0);
    }
    ~held_lock() { ::close(fd_); }
    held_lock(const held_lock&) = delete;
    held_lock& operator=(const held_lock&) = delete;

private:
    int fd_;
};

}  // namespace

TEST_CASE("a non-empty folder without a state is refused and left as it was, and --force writes into it and keeps its files",
          "[batch]") {
    test::temp_dir dir;
    const fs::path out = dir.path() / "my-documents";
    const std::vector<std::string> foreign{"thesis.md", "compare/mine.html", "drafts/chapter-1.md"};
    for (const std::string& file : foreign) test::write_file(out / file, "a person's file: " + file + "\n");
    const std::set<std::string> entries_before = entries_of(out);
    const test::folder_snapshot before = test::snapshot_of(out);
    const auto folders_before = test::folder_times(out);

    const auto refused = test::run_batch_command(test::stock_catalog(), out);
    INFO(refused.out << refused.err);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains(out.generic_string()) && Catch::Contains("--force") && Catch::Contains(".verdict/state.sqlite"));
    // Nothing in the folder changes: no file written, renamed or added (not even the lock file), no folder made.
    CHECK(entries_of(out) == entries_before);
    CHECK(test::rewritten_paths(before, test::snapshot_of(out)) == std::set<std::string>{});
    CHECK(test::folder_times(out) == folders_before);

    const auto forced = test::run_batch_command(test::stock_catalog(), out, {"--force"});
    INFO(forced.out << forced.err);
    REQUIRE(forced.exit_code == 0);
    const test::folder_snapshot after = test::snapshot_of(out);
    CHECK(fs::is_regular_file(out / ".verdict" / "state.sqlite"));
    CHECK(after.count("index.html") == 1);
    for (const std::string& file : foreign) {
        CAPTURE(file);
        REQUIRE(after.count(file) == 1);
        CHECK(after.at(file).inode == before.at(file).inode);
        CHECK(after.at(file).mtime_ns == before.at(file).mtime_ns);
        CHECK(test::read_file(out / file) == "a person's file: " + file + "\n");
    }

    // From now on the folder has a manifest: a plain run is accepted, writes nothing and still keeps the person's files.
    const auto again = test::run_batch_command(test::stock_catalog(), out);
    INFO(again.out << again.err);
    CHECK(again.exit_code == 0);
    CHECK(test::summary_count(again.out, "written") == 0);
    CHECK(test::summary_count(again.out, "deleted") == 0);
    CHECK(test::rewritten_paths(after, test::snapshot_of(out)) == std::set<std::string>{});

    // And apart from them, the folder is what a clean run makes.
    REQUIRE(test::run_batch_command(test::stock_catalog(), dir.path() / "clean").exit_code == 0);
    std::vector<std::string> allowed;
    for (const std::string& file : foreign) allowed.push_back("only in my-documents: " + file);
    std::sort(allowed.begin(), allowed.end());
    CHECK(test::differences(out, dir.path() / "clean") == allowed);
}

TEST_CASE("while another process holds the folder's lock, batch is refused, saying another batch is writing, and changes nothing",
          "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::copy_stock_catalog(catalog);
    REQUIRE(test::run_batch_command(catalog, out).exit_code == 0);
    test::shout_name(catalog, "claw-code");   // so that a run would have pages to write
    const test::folder_snapshot before = test::snapshot_of(out);
    const auto folders_before = test::folder_times(out);
    {
        held_lock lock(out);
        const auto refused = test::run_batch_command(catalog, out);
        INFO(refused.out << refused.err);
        CHECK(refused.exit_code == 2);
        CHECK_THAT(refused.err, Catch::Contains("another verdict batch is writing") && Catch::Contains(out.generic_string()));
        const test::folder_snapshot during = test::snapshot_of(out);
        CHECK(test::rewritten_paths(before, during) == std::set<std::string>{});
        CHECK(test::removed_paths(before, during) == std::set<std::string>{});
        CHECK(test::folder_times(out) == folders_before);
    }
    // The lock released, the same run goes ahead.
    const auto run = test::run_batch_command(catalog, out);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    CHECK(test::summary_count(run.out, "written") > 0);
}
