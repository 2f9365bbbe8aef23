// Scaling out: N shards run apart, then a merge, give the bytes one run gives,
// manifest included; and a merge refuses to assemble a site from shards that
// are missing or were made from other inputs.
#include "batch/batch_test_support.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
namespace fs = std::filesystem;

namespace {

void run_shards(const fs::path& catalog, const fs::path& dir, int count) {
    for (int k = 1; k <= count; ++k) {
        const auto shard = test::run_batch_command(catalog, dir / ("shard-" + std::to_string(k)),
                                                   {"--shard", std::to_string(k) + "/" + std::to_string(count)});
        INFO(shard.out << shard.err);
        REQUIRE(shard.exit_code == 0);
    }
}

test::process_result merge(const fs::path& catalog, const fs::path& dir, int count, const fs::path& out) {
    std::vector<std::string> args{"--merge"};
    for (int k = 1; k <= count; ++k) args.push_back((dir / ("shard-" + std::to_string(k))).string());
    return test::run_batch_command(catalog, out, args);
}

}  // namespace

TEST_CASE("three shards and a merge give a single run's bytes, and each page comes from exactly one shard", "[batch][shards]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 300, 6, 23);
    REQUIRE(test::run_batch_command(catalog, dir.path() / "single").exit_code == 0);
    run_shards(catalog, dir.path(), 3);

    std::size_t shard_pages = 0;
    for (int k = 1; k <= 3; ++k) {
        const auto snapshot = test::snapshot_of(dir.path() / ("shard-" + std::to_string(k)));
        for (const auto& [path, state] : snapshot)
            if (path.starts_with("compare/") || path.starts_with("tools/")) ++shard_pages;
        CHECK_FALSE(snapshot.count("index.html"));   // the index is the merge's
    }
    const auto single = test::snapshot_of(dir.path() / "single");
    std::size_t single_pages = 0;
    for (const auto& [path, state] : single)
        if (path.starts_with("compare/") || path.starts_with("tools/")) ++single_pages;
    CHECK(shard_pages == single_pages);

    const auto merged = merge(catalog, dir.path(), 3, dir.path() / "site");
    INFO(merged.out << merged.err);
    REQUIRE(merged.exit_code == 0);
    const auto differing = test::differences(dir.path() / "site", dir.path() / "single");
    INFO(test::first_of(differing));
    CHECK(differing.size() == 0);   // the lock files are empty and equal too

    const auto before = test::snapshot_of(dir.path() / "site");
    const auto again = merge(catalog, dir.path(), 3, dir.path() / "site");
    CHECK(again.exit_code == 0);
    CHECK(test::rewritten_paths(before, test::snapshot_of(dir.path() / "site")).empty());
}

TEST_CASE("a merge with a shard missing, or one made from other inputs, keeps the site's old pages and fails", "[batch][shards]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 120, 4, 29);
    run_shards(catalog, dir.path(), 2);
    REQUIRE(merge(catalog, dir.path(), 2, dir.path() / "site").exit_code == 0);
    const auto before = test::snapshot_of(dir.path() / "site");

    const auto missing = merge(catalog, dir.path(), 1, dir.path() / "site");
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.err, Catch::Contains("no shard made it"));
    CHECK(test::rewritten_paths(before, test::snapshot_of(dir.path() / "site")).size() <= 1);   // at most the manifest

    const std::string changed = test::comparisons_of(catalog).front().first;
    test::edit_tool(catalog, changed, "tagline", "A tagline the shards never saw");
    const auto stale = merge(catalog, dir.path(), 2, dir.path() / "site");
    CHECK(stale.exit_code == 1);
    CHECK_THAT(stale.err, Catch::Contains("its shard was made from other inputs than this run's"));
    for (const auto& [path, state] : before)
        if (path.starts_with("compare/")) CHECK(test::read_file(dir.path() / "site" / path).size() == state.size);
}
