// A batch run into a folder it made before: what it rewrites, keeps and
// deletes, judged from the file system (inodes, nanosecond modification
// times, bytes) against sets the tests work out on their own, from the
// catalog's files and from `verdict review`, never from the engine's plan.
// Every incremental result is also compared with a clean run, byte for byte.
#include "batch/batch_test_support.hpp"
#include "state/state_database.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

using namespace verdict;
using nlohmann::json;
namespace fs = std::filesystem;
using test::read_json;

namespace {

const std::vector<std::string> all_formats{"html", "md", "json"};

// Runs the batch and requires it to succeed.
std::string batch_ok(const fs::path& catalog, const fs::path& out, const std::vector<std::string>& extra = {}) {
    const auto run = test::run_batch_command(catalog, out, extra);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
}

// `out` holds exactly what a clean run of `catalog` makes, apart from the listed extra files.
// A clean run: every tool reviewed and every page made, into a folder with nothing in it but the history `out`
// recorded, which its pages show under "What changed".
void check_same_as_clean_run(const fs::path& catalog, const fs::path& out, const fs::path& clean, std::vector<std::string> allowed = {}) {
    fs::create_directories(clean / ".verdict");
    fs::copy_file(state_database::file_of(out), state_database::file_of(clean));
    test::state_exec(clean, "DELETE FROM pages; DELETE FROM tools; DELETE FROM inputs; DELETE FROM pairs; DELETE FROM meta; DELETE FROM runs");
    batch_ok(catalog, clean);
    std::vector<std::string> unexpected;
    for (const std::string& difference : test::differences(out, clean))
        if (std::find(allowed.begin(), allowed.end(), difference) == allowed.end()) unexpected.push_back(difference);
    INFO("differences from a clean run: " << test::first_of(unexpected));
    CHECK(unexpected.empty());
}

std::set<std::string> pages_of_tools(const fs::path& catalog, const std::set<std::string>& ids) {
    std::set<std::string> pages;
    for (const std::string& id : ids) pages.merge(test::pages_of_tool(catalog, id, all_formats));
    return pages;
}

// The tools `id` is compared with, whose tool pages list the comparison.
std::set<std::string> partners_of(const fs::path& catalog, const std::string& id) {
    std::set<std::string> partners;
    for (const auto& [left, right] : test::comparisons_of(catalog))
        if (left == id || right == id) partners.insert(left == id ? right : left);
    return partners;
}

// Whether the site's front page names the tool `id`: among its highest-rated tools, or in one of its newest comparisons.
bool on_front_page(const fs::path& out, const std::string& id) {
    const json index = read_json(out / "index.json");
    for (const json& tool : index["top_tools"])
        if (tool["id"] == id) return true;
    for (const json& entry : index["newest"]) {
        const std::string slug = entry["slug"];
        if (slug.starts_with(id + "-vs-") || slug.ends_with("-vs-" + id)) return true;
    }
    return false;
}

// A tool that sits in at least two comparisons, so that its change reaches pages beyond its own.
std::string tool_in_several_comparisons(const fs::path& catalog) {
    std::map<std::string, int> count;
    for (const auto& [left, right] : test::comparisons_of(catalog)) {
        ++count[left];
        ++count[right];
    }
    for (const auto& [id, n] : count)
        if (n >= 2) return id;
    FAIL("no tool of " << catalog << " is in two comparisons");
    return "";
}

// Each tool's review as `verdict review --all --format json` prints it, by tool id.
std::map<std::string, json> reviews_by_tool(const fs::path& catalog) {
    const auto run = test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog.string()});
    INFO(run.err);
    REQUIRE_FALSE(run.out.empty());
    std::map<std::string, json> reviews;
    for (const json& review : json::parse(run.out)) reviews[review["tool"]["id"]] = review;
    return reviews;
}

// The part of `text` before its first non-ASCII character: JSON pages escape those, the rest reads the same everywhere.
std::string ascii_prefix(const std::string& text) {
    return std::string(text.begin(), std::find_if(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}


void write_json(const fs::path& file, const json& value) { std::ofstream(file, std::ios::binary) << value.dump(2); }

}  // namespace

TEST_CASE("a second run with nothing changed writes, renames and deletes nothing, not even the state", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 150, 4, 21);
    batch_ok(catalog, out);
    const test::folder_snapshot before = test::snapshot_of(out);
    const auto folders_before = test::folder_times(out);
    const std::string pages_before = test::manifest_rows(out);
    const std::string runs_before = test::state_rows(out, "SELECT * FROM runs");
    const fs::path state_file = out / ".verdict" / "state.sqlite";
    const auto state_written = fs::last_write_time(state_file);

    bool inputs_touched = false;
    SECTION("the catalog as it was") {}
    SECTION("the catalog's files rewritten with the same facts in another layout") {
        // The pages depend on the facts, not on the files' bytes or times. The state's record of the inputs' times is
        // renewed; no page, and no page folder, is touched.
        for (const auto& entry : fs::directory_iterator(catalog / "tools")) write_json(entry.path(), read_json(entry.path()));
        write_json(catalog / "panel.json", read_json(catalog / "panel.json"));
        inputs_touched = true;
    }

    const std::string summary = batch_ok(catalog, out, {"--jobs", "2"});
    const test::folder_snapshot after = test::snapshot_of(out);
    INFO(summary);
    CHECK(test::summary_count(summary, "written") == 0);
    CHECK(test::summary_count(summary, "deleted") == 0);
    CHECK(test::summary_count(summary, "unchanged") == test::summary_count(summary, "pages"));
    CHECK(test::rewritten_paths(before, after) == std::set<std::string>{});
    CHECK(test::removed_paths(before, after) == std::set<std::string>{});
    CHECK(test::manifest_rows(out) == pages_before);
    if (!inputs_touched) {
        CHECK(test::state_rows(out, "SELECT * FROM runs") == runs_before);
        CHECK(fs::last_write_time(state_file) == state_written);
    }
    // A folder's time changes when anything is created, renamed or deleted in it, even a temporary gone again.
    CHECK(test::folder_times(out) == folders_before);
}

TEST_CASE("changing one tool rewrites exactly the pages that show what changed, and nothing else", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    // The shipped catalog adds the rule form of comparisons (all pairs within a category) to explicit pairs.
    const bool shipped = GENERATE(false, true);
    CAPTURE(shipped);
    if (shipped) test::copy_stock_catalog(catalog);
    else test::generate_catalog(catalog, 150, 4, 31);
    const std::string id = tool_in_several_comparisons(catalog);
    CAPTURE(id);
    batch_ok(catalog, out);
    const test::folder_snapshot before = test::snapshot_of(out);

    // Its pages and the category pages that list it or its comparisons, and for its name the pages that name it,
    // less those that do not show the field changed: the batch writes a file only when its bytes change. Which pages
    // show the field is checked at the end, on the pages themselves.
    std::set<std::string> candidates = test::pages_of_tool(catalog, id, all_formats);
    const std::set<std::string> category_pages = test::category_pages_of_tool(catalog, id, all_formats);
    candidates.insert(category_pages.begin(), category_pages.end());
    std::string shown;             // the new text, as the pages that show the field must show it
    std::set<std::string> not_shown;
    SECTION("its name, which every page of it, every category page listing it, its partners' HTML and Markdown tool "
            "pages (\"vs <name>\"), the search data and, when it is listed there, the front page show") {
        shown = ascii_prefix(test::shout_name(catalog, id));
        for (const std::string& partner : partners_of(catalog, id))
            for (const char* format : {"html", "md"}) candidates.insert("tools/" + partner + "." + format);
        candidates.insert("search-index.js");
        if (on_front_page(out, id)) candidates.insert("index.html");
    }
    SECTION("its tagline, which the Markdown and JSON category pages and the pages of other categories leave out, as do "
            "the front page and the search data") {
        shown = "A tagline changed by the batch test";
        test::edit_tool(catalog, id, "tagline", shown);
        for (const std::string& page : category_pages)
            if (page != test::category_page_of(catalog, id, "html")) not_shown.insert(page);
    }
    std::set<std::string> expected;
    for (const std::string& page : candidates)
        if (!not_shown.count(page)) expected.insert(page);

    const std::string summary = batch_ok(catalog, out);
    const test::folder_snapshot after = test::snapshot_of(out);
    INFO(summary);
    CHECK(test::rewritten_paths(before, after) == expected);
    CHECK(test::removed_paths(before, after) == std::set<std::string>{});
    CHECK(test::summary_count(summary, "written") == static_cast<long>(expected.size()));
    check_same_as_clean_run(catalog, out, dir.path() / "clean");
    for (const std::string& page : candidates) {
        CAPTURE(page, shown);
        CHECK((test::read_file(out / page).find(shown) != std::string::npos) == (not_shown.count(page) == 0));
    }
}

TEST_CASE("changing one persona's settings rewrites only the pages whose reviews changed", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 150, 4, 41);
    batch_ok(catalog, out);
    const test::folder_snapshot before = test::snapshot_of(out);
    std::map<std::string, std::string> listings_before;   // the index, the category pages and the search files, by path
    for (const auto& [path, file] : before)
        if (path.starts_with("index.") || path == "_index.md" || path.starts_with("category/") || path.starts_with("search"))
            listings_before[path] = test::read_file(out / path);
    REQUIRE(listings_before.size() == 3 * (1 + 4) + 3);
    const auto reviews_before = reviews_by_tool(catalog);

    // The skeptic's weight for a high legal risk: it fires for some tools only, so only their reviews change.
    json panel = read_json(catalog / "panel.json");
    for (json& seat : panel["seats"])
        if (seat["id"] == "skeptic") seat["settings"] = {{"weights", {{"legal_risk_high", -5}}}};
    write_json(catalog / "panel.json", panel);
    const auto reviews_after = reviews_by_tool(catalog);
    std::set<std::string> changed;
    for (const auto& [id, review] : reviews_after)
        if (reviews_before.at(id) != review) changed.insert(id);
    CAPTURE(changed);
    REQUIRE_FALSE(changed.empty());
    REQUIRE(changed.size() < reviews_after.size());

    const std::string summary = batch_ok(catalog, out);
    const test::folder_snapshot after = test::snapshot_of(out);
    // Every page of a changed tool is made again. The listings are rendered again too, but the batch writes only
    // files whose bytes changed: a category page, the front page or the search data is rewritten exactly when what it
    // shows (panel ship %, picks, the highest-rated tools) moved, which a score change alone need not do. The
    // Markdown index shows only counts, and the search page and its script nothing of any tool.
    std::set<std::string> expected = pages_of_tools(catalog, changed);
    for (const auto& [page, bytes] : listings_before)
        if (test::read_file(out / page) != bytes) expected.insert(page);
    expected.insert("changes.atom");   // the feed of changes gains every seat whose score moved
    for (const std::string& page : {test::index_page("md"), std::string("search.html"), std::string("search.js")})
        CHECK(test::read_file(out / page) == listings_before.at(page));
    INFO(summary);
    CHECK(test::rewritten_paths(before, after) == expected);
    CHECK(test::removed_paths(before, after) == std::set<std::string>{});
    check_same_as_clean_run(catalog, out, dir.path() / "clean");
}

TEST_CASE("pages of removed comparisons and tools are deleted, and files the manifest does not list are left alone", "[batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    const fs::path out = dir.path() / "site";
    test::generate_catalog(catalog, 150, 4, 51);
    batch_ok(catalog, out);

    // Files the engine did not write, some named like its pages.
    const std::vector<std::string> foreign{"notes.txt", "compare/notes.html", "compare/not-a-tool-vs-another.md", "tools/.keep", "assets/site.css"};
    for (const std::string& file : foreign) test::write_file(out / file, "written by a person, not by verdict\n");

    json comparisons = read_json(catalog / "comparisons.json");
    const auto pairs = test::comparisons_of(catalog);
    REQUIRE(pairs.size() >= 10);
    // Three removals: a pair; a tool with its pairs; and a pair whose Markdown page the manifest no longer lists.
    const auto [gone_left, gone_right] = pairs[0];
    const auto [unlisted_left, unlisted_right] = pairs[1];
    std::string gone_tool;
    for (const std::string& id : test::tool_ids(catalog))
        if (id != gone_left && id != gone_right && id != unlisted_left && id != unlisted_right && test::pages_of_tool(catalog, id, {"md"}).size() >= 3) {
            gone_tool = id;
            break;
        }
    REQUIRE_FALSE(gone_tool.empty());
    CAPTURE(gone_left, gone_right, unlisted_left, unlisted_right, gone_tool);

    const std::string gone = "compare/" + gone_left + "-vs-" + gone_right;
    const std::string unlisted = "compare/" + unlisted_left + "-vs-" + unlisted_right;
    std::set<std::string> expected_deleted = test::pages_of_tool(catalog, gone_tool, all_formats);
    expected_deleted.insert({gone + ".html", gone + ".md", gone + ".json", unlisted + ".html", unlisted + ".json"});

    // The listings that change: the index's counts, and the category pages and the tool pages (which list a tool's
    // comparisons) of both tools of each comparison removed.
    std::set<std::string> listings{"index.html", "_index.md", "index.json", "search-index.js"};
    for (const auto& [left, right] : pairs)
        if ((left == gone_left && right == gone_right) || (left == unlisted_left && right == unlisted_right) || left == gone_tool || right == gone_tool)
            for (const std::string& id : {left, right})
                for (const std::string& format : all_formats) {
                    listings.insert(test::category_page_of(catalog, id, format));
                    if (id != gone_tool) listings.insert("tools/" + id + "." + format);
                }

    json kept = json::array();
    for (const json& pair : comparisons["pairs"]) {
        const bool drop = (pair[0] == gone_left && pair[1] == gone_right) || (pair[0] == unlisted_left && pair[1] == unlisted_right) ||
                          pair[0] == gone_tool || pair[1] == gone_tool;
        if (!drop) kept.push_back(pair);
    }
    comparisons["pairs"] = kept;
    write_json(catalog / "comparisons.json", comparisons);
    fs::remove(catalog / "tools" / (gone_tool + ".json"));
    // The manifest is the only list of what may be deleted: take one page off it by hand.
    REQUIRE(test::state_rows(out, "SELECT count(*) FROM pages WHERE path = '" + unlisted + ".md'") == "1\n");
    test::state_exec(out, "DELETE FROM pages WHERE path = '" + unlisted + ".md'");

    const test::folder_snapshot before = test::snapshot_of(out);
    const std::string summary = batch_ok(catalog, out);
    const test::folder_snapshot after = test::snapshot_of(out);
    INFO(summary);
    CHECK(test::removed_paths(before, after) == expected_deleted);
    CHECK(test::summary_count(summary, "deleted") == static_cast<long>(expected_deleted.size()));
    // Beside the deletions, only the listings change: the removed tool's partners list it nowhere else.
    CHECK(test::rewritten_paths(before, after) == listings);
    for (const std::string& file : foreign) {
        CAPTURE(file);
        REQUIRE(after.count(file) == 1);
        CHECK(after.at(file).inode == before.at(file).inode);
        CHECK(test::read_file(out / file) == "written by a person, not by verdict\n");
    }
    REQUIRE(after.count(unlisted + ".md") == 1);
    CHECK(after.at(unlisted + ".md").inode == before.at(unlisted + ".md").inode);

    std::vector<std::string> allowed{"only in site: " + unlisted + ".md"};
    for (const std::string& file : foreign) allowed.push_back("only in site: " + file);
    check_same_as_clean_run(catalog, out, dir.path() / "clean", allowed);
}

TEST_CASE("two comparisons whose ids run together into one page name never share a page, and a second run writes nothing",
          "[batch]") {
    // "alpha" + "beta-vs-gamma" and "alpha-vs-beta" + "gamma" both read "alpha-vs-beta-vs-gamma": a tool whose name
    // has " vs " in it is enough. Two comparisons on one path would overwrite each other on every run. Either answer
    // is sound: a page each, or the second pair left out with a failure that names the page.
    test::temp_catalog catalog;
    for (const char* id : {"alpha", "beta-vs-gamma", "alpha-vs-beta", "gamma"}) catalog.add_tool(test::minimal_tool(id));
    test::write_file(catalog.path() / "comparisons.json", R"({"pairs": [["alpha", "beta-vs-gamma"], ["alpha-vs-beta", "gamma"]]})");
    test::temp_dir dir;
    const fs::path out = dir.path() / "site";
    const auto first = test::run_batch_command(catalog.path(), out, {"--jobs", "1"});
    INFO(first.out << first.err);
    REQUIRE((first.exit_code == 0 || first.exit_code == 1));

    const json listing = read_json(out / "category/developer-tools.json");
    std::vector<std::string> pages;
    for (const json& comparison : listing["comparisons"]) pages.push_back(comparison["page"]);
    CHECK(std::set<std::string>(pages.begin(), pages.end()).size() == pages.size());
    if (pages.size() < 2) {
        CHECK(first.exit_code == 1);
        CHECK_THAT(first.err, Catch::Contains("alpha-vs-beta-vs-gamma"));
    }

    const test::folder_snapshot before = test::snapshot_of(out);
    const auto second = test::run_batch_command(catalog.path(), out, {"--jobs", "1"});
    INFO(second.out << second.err);
    CHECK(second.exit_code == first.exit_code);
    CHECK(test::summary_count(second.out, "written") == 0);
    CHECK(test::rewritten_paths(before, test::snapshot_of(out)) == std::set<std::string>{});
}
