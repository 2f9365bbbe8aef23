// A catalog that cannot be read whole is refused before a page is touched.
// Every case makes a site from a copy of the stock catalog, damages the copy,
// runs the same batch again, and judges by the file system that the output
// folders are exactly as they were: no page written, renamed, added or
// removed, no record rewritten, no folder touched. Each runs as a plain
// batch, as one shard of two, and as a merge of both shards: each of them
// reads the catalog, and a site made from what could be read would lose pages.
#include "batch/batch_test_support.hpp"
#include "support/paths.hpp"
#include "support/peak_memory.hpp"
#include "support/temp_catalog.hpp"
#include "support/unprivileged.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <optional>

using namespace verdict;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A vote export, so that votes/ and a vote file are there to damage.
void add_votes(const fs::path& catalog) {
    test::write_file(catalog / "votes" / "export.csv",
                     "tool_id,voter_id,vote,timestamp\n"
                     "claw-code,reader-1,ship,2026-04-02T14:05:00Z\n"
                     "modal-gpu-serverless-inference,reader-1,skip,2026-04-03T09:12:44+02:00\n");
}

enum class batch_mode { plain, shard, merge };

const std::vector<std::pair<batch_mode, std::string>> batch_modes{
    {batch_mode::plain, "a plain batch"}, {batch_mode::shard, "--shard 1/2"}, {batch_mode::merge, "--merge of both shards"}};

// The batch that makes a site again: its --out and the options after --catalog, --out and --quiet.
struct site_run {
    fs::path out;
    std::vector<std::string> extra;
};

std::vector<std::string> batch_args(const fs::path& catalog, const site_run& run, const std::vector<std::string>& more = {}) {
    std::vector<std::string> args{"batch", "--catalog", catalog.string(), "--out", run.out.string(), "--quiet"};
    args.insert(args.end(), run.extra.begin(), run.extra.end());
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

void require_made(const fs::path& catalog, const site_run& run, const std::vector<std::string>& more = {}) {
    const auto made = test::run_verdict(batch_args(catalog, run, more));
    INFO(made.out << made.err);
    REQUIRE(made.exit_code == 0);
}

// The shards of two a merge reads, made (again) from `catalog` into <outputs>/shard-1 and shard-2.
std::vector<std::string> make_shards(const fs::path& catalog, const fs::path& outputs, const std::vector<std::string>& more = {}) {
    std::vector<std::string> merge{"--merge"};
    for (const std::string k : {"1", "2"}) {
        require_made(catalog, {outputs / ("shard-" + k), {"--shard", k + "/2"}}, more);
        merge.push_back((outputs / ("shard-" + k)).string());
    }
    return merge;
}

// Makes the site of `mode` from `catalog` in a folder under `outputs`, and returns the run that makes it again.
site_run make_site(batch_mode mode, const fs::path& catalog, const fs::path& outputs) {
    site_run run{outputs / "site", {}};
    if (mode == batch_mode::shard) run = {outputs / "shard-1", {"--shard", "1/2"}};
    if (mode == batch_mode::merge) run.extra = make_shards(catalog, outputs);
    require_made(catalog, run);
    return run;
}

// The folder's state, table by table, which test::snapshot_of() leaves out: a refused run must not change it either.
std::map<std::string, std::string> records_of(const fs::path& dir) {
    std::map<std::string, std::string> records;
    for (const char* table : {"meta", "pages", "inputs", "tools", "pairs", "runs"})
        records[table] = test::state_rows(dir, std::string("SELECT * FROM ") + table + " ORDER BY 1");
    return records;
}

// An output folder as the file system shows it.
struct folder_state {
    test::folder_snapshot files;
    std::map<std::string, std::int64_t> folder_times;
    std::map<std::string, std::string> records;
};

folder_state state_of(const fs::path& dir) { return {test::snapshot_of(dir), test::folder_times(dir), records_of(dir)}; }

// The paths where two snapshots differ: in one only, or with other bytes, inode or time.
std::set<std::string> differing_paths(const test::folder_snapshot& a, const test::folder_snapshot& b) {
    std::set<std::string> differ;
    for (const auto& [path, was] : a) {
        const auto now = b.find(path);
        if (now == b.end() || now->second.size != was.size || now->second.hash != was.hash || now->second.inode != was.inode ||
            now->second.mtime_ns != was.mtime_ns)
            differ.insert(path);
    }
    for (const auto& [path, state] : b)
        if (!a.count(path)) differ.insert(path);
    return differ;
}

void check_unchanged(const folder_state& before, const fs::path& dir) {
    const folder_state now = state_of(dir);
    CHECK(differing_paths(before.files, now.files) == std::set<std::string>{});
    CHECK(now.folder_times == before.folder_times);
    std::set<std::string> records_changed;
    for (const auto& [path, bytes] : now.records)
        if (!before.records.count(path) || before.records.at(path) != bytes) records_changed.insert(path);
    for (const auto& [path, bytes] : before.records)
        if (!now.records.count(path)) records_changed.insert(path);
    CHECK(records_changed == std::set<std::string>{});
}

// The line of `text` that is about `path` ("...<path>: ..."), or "" when none is: a reason must be given for the
// path it is about.
std::string line_about(const std::string& text, const fs::path& path) {
    const std::size_t at = text.find(path.generic_string() + ": ");
    if (at == std::string::npos) return "";
    const std::size_t newline = text.rfind('\n', at);
    const std::size_t start = newline == std::string::npos ? 0 : newline + 1;
    return text.substr(start, text.find('\n', at) - start);
}

// What a case does to the catalog, and what the refusal must say of it.
struct damage {
    std::string path;                                ///< Relative to the catalog, "" for the catalog folder itself.
    std::string reason;                              ///< The plain words the refusal gives.
    std::function<void(const fs::path&)> apply;      ///< Damages the path; none when it is made unreadable (see unreadable()).
    std::vector<std::string> also_said = {};
};

fs::path target_of(const fs::path& catalog, const std::string& path) { return path.empty() ? catalog : catalog / path; }

damage removed(const std::string& path, const std::string& reason) {
    return {path, reason, [](const fs::path& at) { fs::remove_all(at); }};
}

damage a_file(const std::string& path) {
    return {path, "found a file", [](const fs::path& at) {
                fs::remove_all(at);
                test::write_file(at, "not what it should be\n");
            }};
}

damage a_folder(const std::string& path) {
    return {path, "found a folder", [](const fs::path& at) {
                fs::remove_all(at);
                fs::create_directory(at);
            }};
}

damage a_loop(const std::string& path) {
    return {path, "found a loop of symbolic links", [](const fs::path& at) {
                fs::remove_all(at);
                fs::create_symlink(at.filename(), at);
            }};
}

damage a_link_to_nothing(const std::string& path) {
    return {path, "found a symbolic link to nothing", [](const fs::path& at) {
                fs::remove_all(at);
                fs::create_symlink("nowhere", at);
            }};
}

// chmod 000, the batch run by a user for whom that counts (test::run_verdict_unprivileged).
damage unreadable(const std::string& path) { return {path, "found permission denied", nullptr}; }

// Makes the site of each mode from a copy of the stock catalog, damages the copy, runs the same batch again, and
// checks that it is refused, saying what and why, and that no output folder changed.
void check_refused(const damage& d) {
    for (const auto& [mode, name] : batch_modes) DYNAMIC_SECTION(name) {
        test::temp_dir dir;
        const fs::path catalog = dir.path() / "catalog";
        const fs::path outputs = dir.path() / "outputs";
        test::copy_stock_catalog(catalog);
        add_votes(catalog);
        const site_run run = make_site(mode, catalog, outputs);
        const fs::path damaged = target_of(catalog, d.path);
        const bool by_permission = !d.apply;
        if (by_permission) test::hand_to_unprivileged(dir.path());
        const folder_state before = state_of(outputs);

        std::optional<test::no_access> locked;   // given back before the folder is removed
        if (by_permission) locked.emplace(damaged);
        else d.apply(damaged);
        const auto refused = by_permission ? test::run_verdict_unprivileged(batch_args(catalog, run)) : test::run_verdict(batch_args(catalog, run));
        INFO(refused.out << refused.err);
        CHECK(refused.exit_code == 2);
        CHECK_THAT(line_about(refused.err, damaged), Catch::Contains(d.reason));
        for (const std::string& also : d.also_said) CHECK_THAT(refused.err, Catch::Contains(also));
        CHECK_THAT(refused.err, !Catch::Contains("internal error"));
        check_unchanged(before, outputs);
    }
}

}  // namespace

TEST_CASE("a batch on a catalog whose tools/ is missing, a file, a loop of links, a link to nothing, unreadable or empty "
          "is refused, naming it, and changes no output folder",
          "[batch][damaged]") {
    SECTION("missing") { check_refused(removed("tools", "found no such folder")); }
    SECTION("a file") { check_refused(a_file("tools")); }
    SECTION("a loop of symbolic links") { check_refused(a_loop("tools")); }
    SECTION("a symbolic link to nothing") { check_refused(a_link_to_nothing("tools")); }
    SECTION("unreadable") { check_refused(unreadable("tools")); }
    SECTION("without a tool file") {
        check_refused({"tools", "expected at least one usable tool file", [](const fs::path& at) {
                           for (const auto& entry : fs::directory_iterator(at)) fs::remove(entry.path());
                       }});
    }
}

TEST_CASE("a batch on a catalog whose comparisons.json is missing, a loop of links, a folder or unreadable is refused, "
          "naming it, and changes no output folder",
          "[batch][damaged]") {
    SECTION("missing") { check_refused(removed("comparisons.json", "found no such file")); }
    SECTION("a loop of symbolic links") { check_refused(a_loop("comparisons.json")); }
    SECTION("a folder") { check_refused(a_folder("comparisons.json")); }
    SECTION("unreadable") { check_refused(unreadable("comparisons.json")); }
}

TEST_CASE("a batch on a catalog whose votes/ is a file, a loop of links or unreadable, or with an unreadable vote export, "
          "is refused, naming it, and changes no output folder",
          "[batch][damaged]") {
    SECTION("votes/ a file") { check_refused(a_file("votes")); }
    SECTION("votes/ a loop of symbolic links") { check_refused(a_loop("votes")); }
    SECTION("votes/ unreadable") { check_refused(unreadable("votes")); }
    SECTION("a vote export unreadable") { check_refused(unreadable("votes/export.csv")); }
}

TEST_CASE("a batch on a catalog with a tool file that is unreadable or a link to nothing, or a folder named like a tool "
          "file, is refused, naming it, and changes no output folder",
          "[batch][damaged]") {
    SECTION("unreadable") { check_refused(unreadable("tools/claw-code.json")); }
    SECTION("a symbolic link to nothing") { check_refused(a_link_to_nothing("tools/claw-code.json")); }
    SECTION("a folder named x.json") {
        check_refused({"tools/x.json", "found a folder", [](const fs::path& at) { fs::create_directory(at); }});
    }
}

TEST_CASE("a batch on a catalog whose panel.json is a loop of links is refused, naming it, and changes no output folder", "[batch][damaged]") {
    check_refused(a_loop("panel.json"));
}

TEST_CASE("a batch given a catalog folder that is missing, a file or an empty folder is refused, suggesting --catalog, "
          "and changes no output folder",
          "[batch][damaged]") {
    SECTION("missing") {
        damage d = removed("", "found no such folder");
        d.also_said = {"--catalog"};
        check_refused(d);
    }
    SECTION("a file") {
        damage d = a_file("");
        d.also_said = {"--catalog"};
        check_refused(d);
    }
    SECTION("an empty folder") {
        damage d = a_folder("");
        d.reason = "found a folder with neither";
        d.also_said = {"--catalog"};
        check_refused(d);
    }
}

TEST_CASE("a batch whose category rule makes more pairs than max_category_pairs is refused, naming the rule and the "
          "limit, and changes no output folder",
          "[batch][damaged]") {
    // The stock "Developer Tools" rule adds 6 pairs to the 4 listed: past a limit of 3.
    check_refused({"comparisons.json", "max_category_pairs",
                   [](const fs::path& at) {
                       json file = test::read_json(at);
                       file["max_category_pairs"] = 3;
                       test::write_file(at, file.dump(2));
                   },
                   {"comparisons.json: /all_pairs_within/0: ", "\"Developer Tools\" with 5 tools, which make 6 pairs"}});
}

namespace {

// Takes two tools out of the catalog, with the pairs that name them, and returns their pages as they were: a valid
// catalog, whose plan no longer makes more than a quarter of the site.
std::set<std::string> remove_two_tools(const fs::path& catalog) {
    const std::vector<std::string> gone{"claw-code", "llama-4-compact-12b"};
    std::set<std::string> pages;
    for (const std::string& id : gone) {
        const std::set<std::string> of_tool = test::pages_of_tool(catalog, id, {"html", "md", "json"});
        pages.insert(of_tool.begin(), of_tool.end());
    }
    for (const std::string& id : gone) fs::remove(catalog / "tools" / (id + ".json"));
    json file = test::read_json(catalog / "comparisons.json");
    json kept = json::array();
    auto names_gone = [&](const json& id) { return std::find(gone.begin(), gone.end(), id.get<std::string>()) != gone.end(); };
    for (const json& pair : file["pairs"])
        if (!names_gone(pair[0]) && !names_gone(pair[1])) kept.push_back(pair);
    file["pairs"] = kept;
    test::write_file(catalog / "comparisons.json", file.dump(2));
    return pages;
}

// The pages of a snapshot (its manifest and other dot files left out), as the manifest counts them.
std::size_t pages_in(const test::folder_snapshot& snapshot) {
    std::size_t pages = 0;
    for (const auto& [path, state] : snapshot) pages += !path.starts_with(".");
    return pages;
}

// The pages a refusal lists: its lines "  <out>/<page>".
std::vector<std::string> listed_pages(const std::string& err, const fs::path& out) {
    std::vector<std::string> pages;
    const std::string prefix = "\n  " + out.generic_string() + "/";
    for (std::size_t at = err.find(prefix); at != std::string::npos; at = err.find(prefix, at + 1)) {
        const std::size_t start = at + prefix.size();
        pages.push_back(err.substr(start, err.find('\n', start) - start));
    }
    return pages;
}

}  // namespace

TEST_CASE("a batch that would delete more than a quarter of the site stops before changing anything, listing what would "
          "go, and --allow-deletions or --force deletes exactly the pages of the tools taken out",
          "[batch][damaged][deletions]") {
    for (const auto& [mode, name] : batch_modes) DYNAMIC_SECTION(name) {
        test::temp_dir dir;
        const fs::path catalog = dir.path() / "catalog";
        test::copy_stock_catalog(catalog);
        const site_run run = make_site(mode, catalog, dir.path() / "outputs");
        const std::set<std::string> pages_of_gone = remove_two_tools(catalog);
        // The shards a merge reads are made again first: they are folders of their own, and may delete their pages.
        if (mode == batch_mode::merge) make_shards(catalog, dir.path() / "outputs", {"--allow-deletions"});
        const folder_state before = state_of(run.out);
        std::set<std::string> going;   // a shard's folder holds only its slice of the pages
        for (const std::string& page : pages_of_gone)
            if (before.files.count(page)) going.insert(page);
        REQUIRE(going.size() * 4 > pages_in(before.files));

        const auto refused = test::run_verdict(batch_args(catalog, run));
        INFO(refused.out << refused.err);
        CHECK(refused.exit_code == 2);
        CHECK_THAT(refused.err, Catch::Contains("would delete " + std::to_string(going.size()) + " of the " + std::to_string(pages_in(before.files)) + " files") &&
                                    Catch::Contains("--allow-deletions"));
        const std::vector<std::string> listed = listed_pages(refused.err, run.out);
        CHECK_FALSE(listed.empty());
        for (const std::string& page : listed) {
            CAPTURE(page);
            CHECK(going.count(page) == 1);
        }
        CHECK_THAT(refused.err, !Catch::Contains("internal error"));
        check_unchanged(before, run.out);

        for (const std::string option : {"--allow-deletions", "--force"}) DYNAMIC_SECTION(option) {
            const auto allowed = test::run_verdict(batch_args(catalog, run, {option}));
            INFO(allowed.out << allowed.err);
            CHECK(allowed.exit_code == 0);
            CHECK(test::summary_count(allowed.out, "deleted") == static_cast<long>(going.size()));
            CHECK(test::removed_paths(before.files, test::snapshot_of(run.out)) == going);
        }
    }
}

TEST_CASE("a --shard run into the folder of the whole site is refused, saying a shard needs a folder of its own, and "
          "changes nothing",
          "[batch][damaged][deletions]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path site = dir.path() / "site";
    test::copy_stock_catalog(catalog);
    REQUIRE(test::run_batch_command(catalog, site).exit_code == 0);
    const folder_state before = state_of(site);

    const auto refused = test::run_batch_command(catalog, site, {"--shard", "1/2"});
    INFO(refused.out << refused.err);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("would delete") && Catch::Contains("--shard") && Catch::Contains(site.generic_string()));
    check_unchanged(before, site);
}

TEST_CASE("a batch says what each category rule makes before it makes a page", "[batch][comparisons]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::copy_stock_catalog(catalog);
    // Counted here from the files: the stock category has 5 tools, whose 10 pairs include the 4 listed under /pairs,
    // so the rule adds 6 comparisons, 18 pages in the three formats.
    std::set<std::string> members;
    for (const std::string& id : test::tool_ids(catalog))
        if (test::read_json(catalog / "tools" / (id + ".json")).at("category") == "Developer Tools") members.insert(id);
    std::set<std::pair<std::string, std::string>> listed_within;
    const json comparisons = test::read_json(catalog / "comparisons.json");
    for (const json& pair : comparisons.at("pairs")) {
        const std::string left = pair[0], right = pair[1];
        if (members.count(left) && members.count(right)) listed_within.insert(std::minmax(left, right));
    }
    const std::size_t added = members.size() * (members.size() - 1) / 2 - listed_within.size();
    const std::string line = "verdict batch: all_pairs_within \"Developer Tools\": " + std::to_string(members.size()) + " tools, " + std::to_string(added) +
                             " comparisons, " + std::to_string(added * 3) + " pages\n";
    CHECK(line == "verdict batch: all_pairs_within \"Developer Tools\": 5 tools, 6 comparisons, 18 pages\n");

    const auto run = test::run_verdict({"batch", "--catalog", catalog.string(), "--out", (dir.path() / "site").string()});
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    const std::size_t said = run.err.find(line);
    REQUIRE(said != std::string::npos);
    const std::size_t first_page = run.err.find("[1/");
    REQUIRE(first_page != std::string::npos);
    CHECK(said < first_page);
}

TEST_CASE("a pair listed twice, once reversed, is made once as first listed, and lint notes the repeat without a problem", "[batch][comparisons]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::copy_stock_catalog(catalog);
    // The category rule would make this pair as claw-code-vs-llama-4-scout-quantized: listed, it is made as listed.
    json file = test::read_json(catalog / "comparisons.json");
    const std::size_t first = file["pairs"].size();
    file["pairs"].push_back(json::array({"llama-4-scout-quantized", "claw-code"}));
    file["pairs"].push_back(json::array({"claw-code", "llama-4-scout-quantized"}));
    test::write_file(catalog / "comparisons.json", file.dump(2));
    const fs::path site = dir.path() / "site";

    const auto run = test::run_batch_command(catalog, site);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
    CHECK(test::summary_count(run.out, "failure") == 0);
    for (const std::string format : {"html", "md", "json"}) {
        CHECK(fs::exists(site / "compare" / ("llama-4-scout-quantized-vs-claw-code." + format)));
        CHECK_FALSE(fs::exists(site / "compare" / ("claw-code-vs-llama-4-scout-quantized." + format)));
    }
    std::size_t comparison_pages = 0;
    for (const auto& [path, state] : test::snapshot_of(site)) comparison_pages += path.starts_with("compare/");
    CHECK(comparison_pages == test::comparisons_of(catalog).size() * 3);

    const auto lint = test::run_verdict({"lint", "--catalog", catalog.string()});
    INFO(lint.out << lint.err);
    CHECK(lint.exit_code == 0);
    CHECK_THAT(lint.out, Catch::StartsWith("note: ") &&
                             Catch::Contains("comparisons.json: /pairs/" + std::to_string(first + 1) + ": expected each pair once, found the pair of /pairs/" +
                                             std::to_string(first) + " again"));
    CHECK(std::count(lint.out.begin(), lint.out.end(), '\n') == 1);
    CHECK_THAT(lint.err, Catch::Contains("no problems") && Catch::Contains(", 1 note"));
}

TEST_CASE("a category rule of 5,000 tools is refused by lint and by batch from its count, in bounded memory, before a page is written",
          "[batch][comparisons][scale]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    fs::create_directories(catalog / "tools");
    fs::copy_file(test::stock_catalog() / "panel.json", catalog / "panel.json");
    constexpr int tools = 5000;
    for (int i = 0; i < tools; ++i) {
        const std::string number = std::to_string(i);
        const json tool = test::minimal_tool("tool-" + std::string(5 - number.size(), '0') + number);   // all in "Developer Tools"
        test::write_file(catalog / "tools" / (tool.at("id").get<std::string>() + ".json"), tool.dump());
    }
    test::write_file(catalog / "comparisons.json", R"({"pairs": [], "all_pairs_within": ["Developer Tools"]})");
    const std::string problem = (catalog / "comparisons.json").generic_string() +
                                ": /all_pairs_within/0: expected a category of at most 20000 pairs (/max_category_pairs), found \"Developer Tools\" with 5000 "
                                "tools, which make 12497500 pairs";
    // Measured at about 34 MB for lint and 18 MB for batch (Release build). Holding the 12,497,500 pairs, at two
    // pointers each, would take 200 MB on its own.
    constexpr long bound_kb = 128 * 1024;

    const auto lint = test::run_verdict_measured({"lint", "--catalog", catalog.string()});
    INFO(lint.result.out << lint.result.err);
    CHECK(lint.result.exit_code == 2);
    CHECK_THAT(lint.result.out, Catch::Contains(problem));
    CHECK(lint.peak_kb > 0);
    CHECK(lint.peak_kb < bound_kb);

    const fs::path site = dir.path() / "site";
    const auto batch = test::run_verdict_measured({"batch", "--catalog", catalog.string(), "--out", site.string(), "--quiet"});
    INFO(batch.result.out << batch.result.err);
    CHECK(batch.result.exit_code == 2);
    CHECK_THAT(batch.result.err, Catch::Contains(problem) && Catch::Contains("stopped before changing anything"));
    CHECK_FALSE(fs::exists(site));
    CHECK(batch.peak_kb > 0);
    CHECK(batch.peak_kb < bound_kb);
}
