// A batch whose writes start failing part-way, as on a full disk: through the
// engine's file_writer interface (a fake that fails from the Nth write on,
// having written nothing), and, where this machine lets a test mount one, on
// a real tmpfs filled to the brim. Either way the old pages stay whole, no
// temporary is left, the failures are reported, and the next run repairs.
#include "batch/batch_run.hpp"
#include "batch/batch_test_support.hpp"
#include "batch/file_writer.hpp"
#include "catalog/comparisons.hpp"
#include "community/community_votes.hpp"
#include "support/paths.hpp"
#include "cli/workspace.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/mount.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <mutex>
#include <set>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Writes through disk_writer until `fail_from` writes have been asked for, then fails every write without
// touching the disk, as a full disk fails before the temporary is renamed into place.
class failing_writer : public file_writer {
public:
    explicit failing_writer(std::size_t fail_from) : fail_from_(fail_from) {}

    std::string write(const fs::path& path, std::string_view bytes) override {
        if (++asked_ < fail_from_) {
            std::string failure = disk_.write(path, bytes);
            if (failure.empty()) remember(path);
            return failure;
        }
        return "cannot write " + path.generic_string() + ": No space left on device";
    }
    std::string remove(const fs::path& path) override { return disk_.remove(path); }

    std::vector<fs::path> written() const {
        std::lock_guard lock(mutex_);
        return written_;
    }

private:
    void remember(const fs::path& path) {
        std::lock_guard lock(mutex_);
        written_.push_back(path);
    }

    disk_writer disk_;
    std::size_t fail_from_;
    std::atomic<std::size_t> asked_{0};   // the batch writes from several threads
    mutable std::mutex mutex_;
    std::vector<fs::path> written_;
};

// Writes through disk_writer, and deletes `victim` as the first write is asked for: another program deleting a page
// while the batch writes.
class deleting_writer : public file_writer {
public:
    explicit deleting_writer(fs::path victim) : victim_(std::move(victim)) {}

    std::string write(const fs::path& path, std::string_view bytes) override {
        if (!deleted_.exchange(true)) fs::remove(victim_);
        return disk_.write(path, bytes);
    }
    std::string remove(const fs::path& path) override { return disk_.remove(path); }

private:
    disk_writer disk_;
    fs::path victim_;
    std::atomic<bool> deleted_{false};
};

// The engine's batch, in this process, on `catalog` with the stock personas, writing through `writer`.
batch_summary batch_in_process(const fs::path& catalog, const fs::path& out, file_writer& writer) {
    problem_list problems;
    const std::unique_ptr<panel> seats = cli::load_panel(catalog, test::persona_dir(), problems);
    REQUIRE(seats);
    batch_output output(out, {}, false);
    site_tools tools(*seats, catalog, tool_files_by_id(catalog, problems), nullptr, stamp_catalog(catalog, 1, problems), 1, nullptr);
    const std::vector<comparison_pair> pairs = load_comparisons(catalog, tools.summaries(), problems);
    const community_votes votes = load_votes(catalog, tools.summaries(), problems);
    REQUIRE(problems.empty());
    REQUIRE(tools.problems().empty());
    tools.attach_votes(votes);
    batch_request request;
    request.out_dir = out;
    request.jobs = 2;
    const auto quiet = make_progress(std::cerr, false, true, [] { return 0.0; });
    const site_settings site = load_site_settings(catalog, problems);
    return run_batch({seats->config(), site, tools, pairs}, request, output, writer, *quiet);
}

void batch_ok(const fs::path& catalog, const fs::path& out) {
    const auto run = test::run_batch_command(catalog, out);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
}

void check_same_files(const fs::path& out, const fs::path& expected) {
    const std::vector<std::string> differing = test::differences(out, expected);
    INFO("differences between " << out.filename() << " and " << expected.filename() << ": " << test::first_of(differing));
    CHECK(differing.empty());
}

// The first tool of the first comparison: it has a tool page and at least one comparison page in each format.
std::string first_compared_tool(const fs::path& catalog) { return test::comparisons_of(catalog).at(0).first; }

}  // namespace

TEST_CASE("writes that fail part-way leave the old pages whole and no temporary, list the failures, and the next run repairs",
          "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 120, 4, 81);
    batch_ok(catalog, out);
    fs::copy(out, dir.path() / "before", fs::copy_options::recursive);
    const std::string id = first_compared_tool(catalog);
    test::shout_name(catalog, id);
    batch_ok(catalog, dir.path() / "clean");

    std::size_t fail_from = 1;
    SECTION("every write fails") { fail_from = 1; }
    SECTION("the fourth write and every one after it fail") { fail_from = 4; }
    CAPTURE(fail_from);
    failing_writer writer(fail_from);
    const batch_summary summary = batch_in_process(catalog, out, writer);
    // The run says what went wrong: failures listed (exit 1), or, when it could not even start, a refusal (exit 2).
    std::vector<std::string> reported = summary.failures;
    if (!summary.refusal.empty()) reported.push_back(summary.refusal);
    REQUIRE_FALSE(reported.empty());
    for (const std::string& failure : reported) CHECK_THAT(failure, Catch::Contains("No space left on device"));

    // Each page is whole: the new version where the write went through, the old one everywhere else. The state is
    // left to the run after, which must repair whatever it says.
    std::set<std::string> written;
    for (const fs::path& path : writer.written()) written.insert(fs::relative(path, out).generic_string());
    CHECK(summary.written == written.size());
    const test::folder_snapshot files = test::snapshot_of(out);
    CHECK(test::temporaries_in(files).empty());
    for (const auto& [path, state] : files) {
        CAPTURE(path);
        const fs::path version = written.count(path) ? dir.path() / "clean" : dir.path() / "before";
        CHECK(test::same_bytes(out / path, version / path));
    }
    CHECK(files.size() == test::snapshot_of(dir.path() / "before").size());
    // A run with failures leaves no stamps of the page folders: the next run checks every page.
    if (summary.refusal.empty()) CHECK(test::state_rows(out, "SELECT count(*) FROM page_folders") == "0\n");

    disk_writer disk;
    const batch_summary repair = batch_in_process(catalog, out, disk);
    CHECK(repair.refusal.empty());
    CHECK(repair.failures.empty());
    check_same_files(out, dir.path() / "clean");
    CHECK(test::state_rows(out, "SELECT count(*) FROM page_folders") != "0\n");
}

TEST_CASE("after writes failed part-way, a run with the inputs put back as they were gives the old site again", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 120, 4, 91);
    batch_ok(catalog, out);
    fs::copy(out, dir.path() / "before", fs::copy_options::recursive);
    const std::string id = first_compared_tool(catalog);
    const std::string original = test::read_file(catalog / "tools" / (id + ".json"));

    // A change that keeps every page's size, a run that writes a few of its pages before the disk fills, and the
    // change undone.
    test::shout_name(catalog, id);
    failing_writer writer(4);
    const batch_summary failed = batch_in_process(catalog, out, writer);
    REQUIRE(failed.written > 0);
    REQUIRE_FALSE(failed.failures.empty());
    test::write_file(catalog / "tools" / (id + ".json"), original);

    disk_writer disk;
    const batch_summary repair = batch_in_process(catalog, out, disk);
    CHECK(repair.failures.empty());
    check_same_files(out, dir.path() / "before");
}

namespace {

// A tmpfs of `megabytes` mounted on `dir` while the object lives; mounted() is false where mounting is not allowed.
class small_tmpfs {
public:
    small_tmpfs(const fs::path& dir, int megabytes) : dir_(dir) {
        fs::create_directories(dir);
        const std::string options = "size=" + std::to_string(megabytes) + "m";
        mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
        if (!mounted_) why_ = std::strerror(errno);
    }
    ~small_tmpfs() {
        if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    }
    small_tmpfs(const small_tmpfs&) = delete;
    small_tmpfs& operator=(const small_tmpfs&) = delete;

    bool mounted() const { return mounted_; }
    const std::string& why_not() const { return why_; }

private:
    fs::path dir_;
    bool mounted_ = false;
    std::string why_;
};

// Fills the file system of `file` until a write fails, then gives back `spare` bytes.
void fill_disk(const fs::path& file, std::uintmax_t spare) {
    std::FILE* out = std::fopen(file.c_str(), "wb");
    REQUIRE(out);
    const std::string block(64 * 1024, 'x');
    while (std::fwrite(block.data(), 1, block.size(), out) == block.size() && std::fflush(out) == 0) {}
    std::fclose(out);
    fs::resize_file(file, fs::file_size(file) > spare ? fs::file_size(file) - spare : 0);
}

}  // namespace

TEST_CASE("on a real full disk (a small tmpfs, where a test may mount one) the old pages stay whole and the next run repairs",
          "[batch]") {
    test::temp_dir dir;
    small_tmpfs disk(dir.path() / "disk", 48);
    if (!disk.mounted()) {
        WARN("cannot mount a tmpfs here (" << disk.why_not() << "): the injected write failures above stand in for a full disk");
        return;
    }
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "disk" / "site";
    test::generate_catalog(catalog, 120, 4, 101);
    batch_ok(catalog, out);
    fs::copy(out, dir.path() / "before", fs::copy_options::recursive);
    // A new rule set changes every page.
    json panel = json::parse(test::read_file(catalog / "panel.json"));
    panel["rule_set"] = "2026.11-2";
    std::ofstream(catalog / "panel.json", std::ios::binary) << panel.dump(2);
    batch_ok(catalog, dir.path() / "clean");

    std::uintmax_t room = 0;
    bool pages_fit = false;
    SECTION("room for the state's claims and some pages") {
        room = 256 * 1024;
        pages_fit = true;
    }
    SECTION("no room even for the state's log: the run stops before it writes a page") { room = 16 * 1024; }
    fill_disk(dir.path() / "disk" / "filler", room);
    const auto full = test::run_batch_command(catalog, out);
    INFO(full.out << full.err);
    CHECK(full.exit_code == 1);
    CHECK_THAT(full.err, Catch::Contains("No space left on device"));
    if (pages_fit) CHECK(test::summary_count(full.out, "written") > 0);
    else {
        CHECK_THAT(full.err, Catch::Contains((out / ".verdict" / "state.sqlite").generic_string() + ": No space left on device"));
        CHECK(test::summary_count(full.out, "written") == -1);   // no summary: stopped before the pages
    }
    const test::folder_snapshot files = test::snapshot_of(out);
    CHECK(test::temporaries_in(files).empty());
    for (const auto& [path, state] : files) {
        CAPTURE(path);
        CHECK((test::same_bytes(out / path, dir.path() / "before" / path) || test::same_bytes(out / path, dir.path() / "clean" / path)));
    }

    fs::remove(dir.path() / "disk" / "filler");
    const auto repair = test::run_batch_command(catalog, out);
    INFO(repair.out << repair.err);
    CHECK(repair.exit_code == 0);
    check_same_files(out, dir.path() / "clean");
}

TEST_CASE("a page another program deletes during a run, from a folder the run writes nothing in, leaves no stamps of the folders to trust",
          "[batch][noop]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 120, 4, 83);
    batch_ok(catalog, out);
    REQUIRE(test::state_rows(out, "SELECT count(*) FROM page_folders") != "0\n");
    // A tagline is on its tool's pages, its comparisons and the pages of the categories that list them: the run writes
    // nothing in the folder of another category's Markdown page.
    const std::string id = first_compared_tool(catalog);
    test::edit_tool(catalog, id, "tagline", "A tagline written while another program tidies the site");
    const std::set<std::string> reached = test::category_pages_of_tool(catalog, id, {"md"});
    fs::path victim;
    for (const auto& entry : fs::directory_iterator(out / "category"))
        if (entry.is_directory() && !reached.count(fs::relative(entry.path() / "_index.md", out).generic_string())) victim = entry.path() / "_index.md";
    REQUIRE(fs::exists(victim));
    deleting_writer writer(victim);
    const batch_summary summary = batch_in_process(catalog, out, writer);
    REQUIRE(summary.failures.empty());
    REQUIRE(summary.written > 0);
    CHECK_FALSE(fs::exists(victim));
    CHECK(test::state_rows(out, "SELECT count(*) FROM page_folders") == "0\n");
    batch_ok(catalog, out);
    CHECK(fs::exists(victim));
    CHECK(test::state_rows(out, "SELECT count(*) FROM page_folders") != "0\n");
}
