// The manifest is the batch's only list of what it may skip and delete. In
// memory it holds no paths: what goes into the pages table must come out
// entry for entry; the pages a run claimed and never finished must read as
// made from nothing known; a path that could climb out of the folder must
// never be taken for a page; and the paths of stale entries must be found
// again in the state.
#include "batch/manifest.hpp"
#include "support/temp_catalog.hpp"
#include "support/text_file.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

std::string page_path(std::size_t i) { return "compare/tool-" + std::to_string(i) + "-" + std::string(40, 'x') + "-vs-other.html"; }

manifest_entry entry_of(std::size_t i) { return {0x9000000000000000ull + i, ~static_cast<std::uint64_t>(i), 100 + i}; }

std::unique_ptr<state_database> state_with_pages(const fs::path& dir, std::size_t count) {
    std::string refusal;
    bool cannot_write = false;
    auto state = state_database::open(dir, state_database::file_of(dir), false, refusal, cannot_write);
    REQUIRE(state);
    sqlite_transaction t(state->db());
    page_rows rows(*state);
    for (std::size_t i = 0; i < count; ++i) rows.set(page_path(i), entry_of(i));
    t.commit();
    return state;
}

}  // namespace

TEST_CASE("the pages table reads back entry for entry, the hashes' 64 bits whole, in path order", "[batch][manifest]") {
    test::temp_dir dir;
    constexpr std::size_t pages = 30000;
    const auto state = state_with_pages(dir.path(), pages);
    const manifest m = read_manifest(*state);
    CHECK(m.size() == pages);
    CHECK_FALSE(m.has_claims());
    std::size_t matched = 0;
    for (std::size_t i = 0; i < pages; ++i) {
        const manifest_entry* found = m.find(page_path(i));
        matched += found && *found == entry_of(i);
    }
    CHECK(matched == pages);
    CHECK(m.find("compare/not-listed.html") == nullptr);

    std::vector<std::string> paths;
    for_each_manifest_file(*state, [&](std::string_view path, const manifest_entry&) {
        paths.emplace_back(path);
        return true;
    });
    CHECK(paths.size() == pages);
    CHECK(std::is_sorted(paths.begin(), paths.end()));
}

TEST_CASE("pages claimed by a run that never finished read as unknown, and stale paths are found again in the state", "[batch][manifest]") {
    test::temp_dir dir;
    const auto state = state_with_pages(dir.path(), 5);
    {
        sqlite_transaction t(state->db());
        state->begin_run("2026.12-1");
        page_rows rows(*state);
        rows.set(page_path(1), unknown_entry);
        rows.set("tools/new.html", unknown_entry);
        t.commit();
    }
    const manifest m = read_manifest(*state);
    CHECK(m.has_claims());
    CHECK(m.size() == 6);
    REQUIRE(m.find(page_path(1)));
    CHECK(*m.find(page_path(1)) == unknown_entry);
    REQUIRE(m.find("tools/new.html"));
    CHECK(*m.find(page_path(2)) == entry_of(2));

    // A run that planned pages 0 and 2: the rest are stale, listed once each, in path order.
    std::vector<bool> accounted(m.size(), false);
    accounted[m.position(m.find(page_path(0)))] = true;
    accounted[m.position(m.find(page_path(2)))] = true;
    std::vector<std::string> expected{page_path(1), page_path(3), page_path(4), "tools/new.html"};
    std::sort(expected.begin(), expected.end());
    CHECK(m.paths_not_in(accounted) == expected);

    // The run finished: no claims are left to honour.
    sqlite_transaction t(state->db());
    state->end_run(state->begin_run("2026.12-1"), {}, false);
    t.commit();
    CHECK_FALSE(state->interrupted());
}

TEST_CASE("a row whose path could climb out of the folder is never taken for a page, to skip, replace or delete", "[batch][manifest]") {
    test::temp_dir dir;
    const auto state = state_with_pages(dir.path(), 2);
    for (const char* path : {"../outside.html", "/etc/passwd", "compare/../../x.html", "compare//x.html", "./index.html", ""})
        state->db().exec(std::string("INSERT INTO pages (path, input_hash, bytes_hash, size) VALUES ('") + path + "', 1, 1, 1)");
    const manifest m = read_manifest(*state);
    CHECK(m.size() == 2);
    CHECK(m.find("../outside.html") == nullptr);
    CHECK(m.paths_not_in(std::vector<bool>(m.size(), false)) == std::vector<std::string>{page_path(0), page_path(1)});
}

TEST_CASE("a line longer than the reader's block is passed on in pieces, never held whole", "[batch][manifest]") {
    test::temp_dir dir;
    const std::string huge((std::size_t{3} << 20) + 10, 'a');
    test::write_file(dir.path() / "lines", "first\n" + huge + "\nlast");
    problem_list problems;
    std::vector<std::size_t> sizes;
    CHECK(for_each_line(dir.path() / "lines", problems, [&](std::string_view line, std::size_t) {
        sizes.push_back(line.size());
        return true;
    }));
    CHECK(sizes == std::vector<std::size_t>{5, std::size_t{1} << 20, std::size_t{1} << 20, std::size_t{1} << 20, 10, 4});
}
