// The manifest is the batch's only list of what it may skip and delete. It is
// written piece by piece and read a block at a time, and in memory holds no
// paths: what goes in must come out entry for entry, across block edges; a
// damaged or ambiguous file must be refused, naming the line; and the paths of
// stale entries must be found again on disk and in the claims.
#include "batch/manifest.hpp"
#include "support/temp_catalog.hpp"
#include "support/text_file.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

// Long paths, so that the manifest spans several of the reader's one-megabyte blocks.
std::string page_path(std::size_t i) { return "compare/tool-" + std::to_string(i) + "-" + std::string(40, 'x') + "-vs-other.html"; }

manifest_entry entry_of(std::size_t i) { return {0x1000000000000000ull + i, ~static_cast<std::uint64_t>(i), 100 + i}; }

std::string write_pages(const fs::path& dir, std::size_t count) {
    disk_writer writer;
    std::size_t next = 0;
    return write_manifest(writer, dir, [&](std::string& path, manifest_entry& entry) {
        if (next == count) return false;
        path = page_path(next);
        entry = entry_of(next++);
        return true;
    });
}

}  // namespace

TEST_CASE("a manifest reads back entry for entry, across the reader's block edges", "[batch][manifest]") {
    test::temp_dir dir;
    constexpr std::size_t pages = 30000;   // about 3 MB
    REQUIRE(write_pages(dir.path(), pages).empty());
    REQUIRE(fs::file_size(dir.path() / manifest_file_name) > (std::size_t{2} << 20));

    problem_list problems;
    const std::optional<manifest> m = read_manifest(dir.path(), problems);
    REQUIRE(problems.empty());
    REQUIRE(m);
    CHECK(m->size() == pages);
    std::size_t matched = 0;
    for (std::size_t i = 0; i < pages; ++i) {
        const manifest_entry* found = m->find(page_path(i));
        matched += found && found->key == entry_of(i).key && found->content == entry_of(i).content && found->size == entry_of(i).size;
    }
    CHECK(matched == pages);
    CHECK(m->find("compare/not-listed.html") == nullptr);

    // The lines, in the order written, split exactly at their newlines.
    std::size_t lines = 0;
    bool in_order = true;
    CHECK(for_each_manifest_file(dir.path(), problems, [&](std::string_view path, const manifest_entry& entry) {
        in_order = in_order && path == page_path(lines) && entry.size == entry_of(lines).size;
        ++lines;
        return true;
    }));
    CHECK(lines == pages);
    CHECK(in_order);
}

TEST_CASE("a manifest listing one path twice, or with a damaged line, is refused, naming the line", "[batch][manifest]") {
    test::temp_dir dir;
    REQUIRE(write_pages(dir.path(), 3).empty());
    const std::string text = test::read_file(dir.path() / manifest_file_name);
    const std::string second_line = text.substr(text.find('\n') + 1, text.find('\n', text.find('\n') + 1) - text.find('\n'));

    // The one problem reading `damaged` as the manifest gives.
    auto refusal_of = [&](const std::string& damaged) {
        test::write_file(dir.path() / manifest_file_name, damaged);
        problem_list problems;
        CHECK_FALSE(read_manifest(dir.path(), problems));
        REQUIRE(problems.size() == 1);
        return problems[0];
    };
    auto replaced = [&text](std::string_view what, std::string_view with) {
        std::string damaged = text;
        return damaged.replace(damaged.find(what), what.size(), with);
    };

    SECTION("a path listed twice") {
        const problem p = refusal_of(text + second_line);
        CHECK(p.file == display_path(dir.path() / manifest_file_name));
        CHECK(p.where == "line 5");
        CHECK(p.expected == "each path once");
        CHECK(p.found == "\"" + page_path(0) + "\"");
    }
    SECTION("a size that is not a number") {
        const problem p = refusal_of(replaced(" 101 ", " 1O1 "));
        CHECK(p.where == "line 3");
        CHECK(p.expected == "\"<key> <content> <size> <path>\"");
    }
    SECTION("a path that climbs out of the folder") { CHECK(refusal_of(replaced("compare/", "../../x/")).where == "line 2"); }
    SECTION("an empty file") { CHECK(refusal_of("").found == "an empty file"); }
}

TEST_CASE("claimed pages read as unknown, and stale paths are found again on disk and in the claims", "[batch][manifest]") {
    test::temp_dir dir;
    REQUIRE(write_pages(dir.path(), 5).empty());
    test::write_file(dir.path() / claims_file_name, page_path(1) + "\n" + "tools/new.html\n");

    problem_list problems;
    const std::optional<manifest> m = read_manifest(dir.path(), problems);
    REQUIRE(m);
    CHECK(m->size() == 6);
    REQUIRE(m->find(page_path(1)));
    CHECK(m->find(page_path(1))->key == unknown_entry.key);
    REQUIRE(m->find("tools/new.html"));
    CHECK(m->find(page_path(2))->key == entry_of(2).key);

    // A run that planned pages 0 and 2: the rest are stale, listed once each, in path order.
    std::vector<bool> accounted(m->size(), false);
    accounted[m->position(m->find(page_path(0)))] = true;
    accounted[m->position(m->find(page_path(2)))] = true;
    std::vector<std::string> expected{page_path(1), page_path(3), page_path(4), "tools/new.html"};
    std::sort(expected.begin(), expected.end());
    CHECK(m->paths_not_in(accounted) == expected);
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
