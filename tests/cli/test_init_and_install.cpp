// Starting from nothing: `verdict init` writes a catalog that lint passes,
// whose fixtures hold and whose site the batch makes; it never writes over a
// folder with files in it. And the program as `cmake --install` lays it out,
// run from an empty folder, finds its personas and does the same.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

// Runs `program` with `args` in `folder`, and requires it to exit 0.
void succeeds(const std::filesystem::path& program, const std::vector<std::string>& args, const std::filesystem::path& folder) {
    const auto run = test::run_process(program, args, folder);
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == 0);
}

// `program` starts a catalog in the empty folder `folder`, checks it and makes its site.
void start_a_catalog(const std::filesystem::path& program, const std::filesystem::path& folder) {
    succeeds(program, {"init"}, folder);
    succeeds(program, {"lint"}, folder);
    succeeds(program, {"test"}, folder);
    succeeds(program, {"batch", "--out", "site", "--quiet"}, folder);
    CHECK_THAT(test::read_file(folder / "site" / "compare" / "claw-code-vs-modal-gpu-serverless-inference.html"), Catch::Contains("Claw Code"));
    CHECK_FALSE(test::read_file(folder / "site" / "index.html").empty());
}

}  // namespace

TEST_CASE("init writes a catalog that lint passes, whose fixtures hold and whose site the batch makes", "[cli][init]") {
    test::temp_dir folder;
    start_a_catalog(test::verdict_binary(), folder.path());
    for (const char* file : {"README.md", "panel.json", "comparisons.json", "site.json", "fixtures/examples.json", "tools/claw-code.json",
                             "schema/tool.schema.json"})
        CHECK(std::filesystem::is_regular_file(folder.path() / "catalog" / file));
    const auto review = test::run_verdict({"review", "claw-code", "--format", "json", "--catalog", (folder.path() / "catalog").string()});
    CHECK(nlohmann::json::parse(review.out)["panel"]["ship_pct"] == 75);
}

TEST_CASE("init never writes over a folder with files in it, nor into a file", "[cli][init]") {
    test::temp_dir folder;
    test::write_file(folder.path() / "mine" / "notes.txt", "keep me");
    const auto full = test::run_verdict({"init", (folder.path() / "mine").string()});
    CHECK(full.exit_code == 2);
    CHECK_THAT(full.err, Catch::Contains("expected a new or empty folder, found one with files in it"));
    CHECK(test::read_file(folder.path() / "mine" / "notes.txt") == "keep me");
    CHECK_FALSE(std::filesystem::exists(folder.path() / "mine" / "panel.json"));
    const auto file = test::run_verdict({"init", (folder.path() / "mine" / "notes.txt").string()});
    CHECK(file.exit_code == 2);
    CHECK_THAT(file.err, Catch::Contains("expected a new or empty folder"));
    const auto two = test::run_verdict({"init", "a", "b"});
    CHECK(two.exit_code == 2);
    CHECK_THAT(two.err, Catch::Contains("expected one folder, found 2"));
}

TEST_CASE("the program as cmake --install lays it out finds its personas from an empty folder, with its files beside it", "[cli][install]") {
    test::temp_dir prefix;
    const std::filesystem::path build = test::verdict_binary().parent_path().parent_path();
    const auto install = test::run_process("/usr/bin/env", {"cmake", "--install", build.string(), "--prefix", prefix.path().string()}, build);
    INFO(install.out << install.err);
    REQUIRE(install.exit_code == 0);
    for (const char* file : {"bin/verdict", "lib/verdict/personas/skeptic.so", "share/man/man1/verdict.1", "share/bash-completion/completions/verdict",
                             "share/zsh/vendor-completions/_verdict", "share/verdict/scripts/skeptic.lua", "share/verdict/scripts/README.md",
                             "share/verdict/schema/review.schema.json", "share/verdict/schema/tool.schema.json",
                             "share/verdict/examples/catalog/panel.json", "share/doc/verdict/README.md"})
        CHECK(std::filesystem::is_regular_file(prefix.path() / file));
    test::temp_dir empty;
    start_a_catalog(prefix.path() / "bin" / "verdict", empty.path());
    const auto personas = test::run_process(prefix.path() / "bin" / "verdict", {"personas"}, empty.path());
    CHECK_THAT(personas.out, Catch::Contains((prefix.path() / "lib" / "verdict" / "personas" / "skeptic.so").lexically_normal().string()));
}
