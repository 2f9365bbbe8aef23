// Hostile scripts that try to carry something from one review to the next:
// counters in upvalues, in globals made with rawset, in the module table, in
// the library tables, ctx and the tool view, and the memory a review leaves
// behind in its Lua state. A review is a pure function of the persona, its
// settings and the tool: each such script must review every tool the same
// way whatever came before it (alone, in id order, in reverse order, and
// whichever worker of a batch it lands in), or fail the same way on each.
#include "contained_support.hpp"

#include "support/generated_catalog.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using namespace verdict::test::contained;
using Catch::Matchers::Contains;
using kind = expectation::kind;
namespace test = verdict::test;

namespace {

constexpr seat_limits small{2, 16 * mib, std::nullopt};

// A script whose state would be harmless now: it reviews every tool, with `fragment` in each quote, and the same
// way alone, in id order and in reverse order.
void check_harmless(const std::string& name, const std::string& fragment, const seat_limits& limits = small) {
    check_contained(name, {kind::reviews, {fragment}, limits});
    check_order_free(name, limits);
}

// A script that tries to write where it may not: it fails at the write on every tool, the same way in any order.
void check_refused_write(const std::string& name, const std::string& what) {
    check_contained(name, {kind::fails, {place(name), what}, small});
    check_order_free(name, small);
}

// Every page under `dir`, by path relative to it, with its bytes: the regular files but the batch's own state
// (.verdict/), which holds the tool files' times.
std::map<std::string, std::string> folder_pages(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && !fs::relative(entry.path(), dir).generic_string().starts_with(".verdict/"))
            files[fs::relative(entry.path(), dir).generic_string()] = test::read_file(entry.path());
    return files;
}

}  // namespace

// ----- counters that a fresh top level and a fresh environment make harmless

TEST_CASE("contained: a counter in an upvalue of the chunk is 1 in every review, whatever the order", "[lua][contained][state]") {
    const reviews_by_seat by = check_contained("upvalue_counter", {kind::reviews, {" is review 1; seen so far: "}, small});
    for (const std::string& tool : stock_tool_ids())
        CHECK_THAT(review_in(by, tool, "futurist").at("quote").get<std::string>(), Contains("seen so far: " + tool + "."));
    check_order_free("upvalue_counter", small);
}

TEST_CASE("contained: a counter kept in _G with rawset is 1 in every review, whatever the order", "[lua][contained][state]") {
    const reviews_by_seat by = check_contained("global_rawset_counter", {kind::reviews, {" is review 1; the first tool was "}, small});
    for (const std::string& tool : stock_tool_ids())
        CHECK_THAT(review_in(by, tool, "futurist").at("quote").get<std::string>(), Contains("the first tool was " + tool + "."));
    check_order_free("global_rawset_counter", small);
}

TEST_CASE("contained: counters in fields of the module table and its defaults are 1 in every review, whatever the order",
          "[lua][contained][state]") {
    check_harmless("module_field_counter", " is review 1 (extra 1).");
}

TEST_CASE("contained: the environment's metatable is locked, so no counter can live there", "[lua][contained][state]") {
    check_harmless("env_metatable_counter", ": metatable is a string, count 1, replaced false.");
}

TEST_CASE("contained: a probe of upvalues, _G, a shared table and error objects finds nothing of the review before",
          "[lua][contained][state]") {
    check_harmless("pcall_state_probe", ": upvalue=nil global=nil shared=nil error=false/table.");
}

TEST_CASE("contained: math.random draws depend on the persona and the tool, never on the order", "[lua][contained][state]") {
    const reviews_by_seat by = check_contained("random_stream", {kind::reviews, {" draws "}, small});
    std::set<std::string> quotes;
    for (const std::string& tool : stock_tool_ids()) quotes.insert(review_in(by, tool, "futurist").at("quote").get<std::string>());
    CHECK(quotes.size() == stock_tool_ids().size());   // other tools, other numbers
    check_order_free("random_stream", small);
}

// ----- counters where there is no room for one: read-only everywhere

TEST_CASE("contained: a counter in the string library is refused, the library is a read-only view", "[lua][contained][state]") {
    check_refused_write("library_field_counter", "attempt to change a read-only table (field 'reviews_so_far')");
}

TEST_CASE("contained: a counter put in the math library with rawset is refused", "[lua][contained][state]") {
    check_refused_write("library_rawset_counter", "rawset: this table is read-only");
}

TEST_CASE("contained: replacing the table library's metatable to hang a counter on it is refused", "[lua][contained][state]") {
    check_refused_write("library_metatable_counter", "cannot change a protected metatable");
}

TEST_CASE("contained: swapping table.insert for a counting wrapper is refused", "[lua][contained][state]") {
    check_refused_write("library_function_swap", "attempt to change a read-only table (field 'insert')");
}

TEST_CASE("contained: a counter in ctx, which the host keeps between reviews, is refused", "[lua][contained][state]") {
    check_refused_write("ctx_counter", "attempt to change a read-only table (field 'reviews_so_far')");
}

TEST_CASE("contained: a counter put in ctx.settings.weights with rawset is refused", "[lua][contained][state]") {
    check_refused_write("ctx_settings_counter", "rawset: this table is read-only");
}

TEST_CASE("contained: a counter in a table of the tool view is refused", "[lua][contained][state]") {
    check_refused_write("tool_view_counter", "attempt to change a read-only table (field 'reviews_so_far')");
}

// ----- memory one review leaves in the state must not count against the next

// Claude Haiku Open Weights, reviewed first in id order, recurses 190,000 calls deep; every other tool needs about
// 24 MiB of the 28. The Lua stack and call frames the deep review grew would be kept (an emergency collection does
// not shrink them) and counted against the seat: the next reviews would fail for memory they never asked for.
TEST_CASE("contained: the stack and call frames one review grew do not count against the next", "[lua][contained][state][residue]") {
    const seat_limits limits{5, 28 * mib, std::nullopt};
    check_contained("stack_residue", {kind::reviews, {": "}, limits});
    check_order_free("stack_residue", limits);
}

// Claude Haiku Open Weights gives half a million tables a metatable; the host records each copy it makes in a weak
// table of its own, which grows while the script runs: whatever it keeps must not count against the reviews after.
TEST_CASE("contained: the host's record of metatable copies from one review does not count against the next",
          "[lua][contained][state][residue]") {
    const seat_limits limits{5, 27 * mib, std::nullopt};
    check_contained("metatable_residue", {kind::reviews, {": "}, limits});
    check_order_free("metatable_residue", limits);
}

// Claude Haiku Open Weights holds 20 MB of strings while collections run (so they grow old, and only a major
// collection frees them); every other tool builds a 12 MiB string in one call, whose buffer gets no emergency
// collection when it is refused. Alone such a review needs 25 MB of the 28 MiB; after the first tool it would
// find 9 MB of the first one's garbage still counted against it.
TEST_CASE("contained: garbage one review leaves, old or not, does not count against the next", "[lua][contained][state][residue]") {
    const seat_limits limits{5, 28 * mib, std::nullopt};
    check_contained("old_garbage_residue", {kind::reviews, {": "}, limits});
    check_order_free("old_garbage_residue", limits);
}

// ----- a batch: the same pages for any number of workers, and any order of the tool files

TEST_CASE("contained: stateful scripts give byte-identical batch output for --jobs 1, 2 and 8 and for tool files made in another order",
          "[lua][contained][state][batch]") {
    test::temp_dir dir;
    const fs::path catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 40, 3, 7);
    for (const auto& entry : fs::directory_iterator(catalog / "tools")) {   // every tool before the default seats
        json tool = test::read_json(entry.path());
        tool.erase("seats");
        test::write_file(entry.path(), tool.dump(2));
    }
    json panel = test::read_json(catalog / "panel.json");
    const std::vector<std::pair<std::string, std::string>> stateful{
        {"futurist", "upvalue_counter"}, {"module_counter", "module_field_counter"}, {"global_counter", "global_rawset_counter"},
        {"drawer", "random_stream"}};
    for (const auto& [seat, name] : stateful) {
        const json entry = {{"id", seat}, {"script", script(name).string()}, {"limits", seat_limits{5, 16 * mib, std::nullopt}.to_json()}};
        bool replaced = false;
        for (json& each : panel["seats"])
            if (each["id"] == seat) each = entry, replaced = true;
        if (!replaced) {
            panel["seats"].push_back(entry);
            panel["default_seats"].push_back(seat);
        }
    }
    test::write_file(catalog / "panel.json", panel.dump(2));

    std::map<std::string, std::map<std::string, std::string>> outputs;
    for (const char* jobs : {"1", "2", "8"}) {
        const fs::path out = dir.path() / (std::string("site-") + jobs);
        const measured run = run_measured({"batch", "--catalog", catalog.string(), "--out", out.string(), "--formats", "json", "--quiet", "--jobs", jobs});
        INFO("--jobs " << jobs << ": " << run.result.out << run.result.err);
        CHECK(run.signal == 0);
        CHECK(run.result.exit_code == 0);
        outputs[jobs] = folder_pages(out);
    }
    // The same tools, their files written again one by one in a shuffled order.
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(catalog / "tools")) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::shuffle(files.begin(), files.end(), std::mt19937(20261207));
    std::map<fs::path, std::string> texts;
    for (const fs::path& file : files) texts[file] = test::read_file(file), fs::remove(file);
    for (const fs::path& file : files) test::write_file(file, texts[file]);
    {
        const fs::path out = dir.path() / "site-shuffled";
        const measured run = run_measured({"batch", "--catalog", catalog.string(), "--out", out.string(), "--formats", "json", "--quiet", "--jobs", "8"});
        INFO(run.result.out << run.result.err);
        CHECK(run.result.exit_code == 0);
        outputs["shuffled"] = folder_pages(out);
    }

    const auto& reference = outputs.at("1");
    REQUIRE(reference.size() > 40);
    std::size_t tool_pages = 0;
    for (const auto& [path, bytes] : reference) {
        if (path.rfind("tools/", 0) != 0) continue;
        ++tool_pages;
        CHECK_THAT(bytes, Contains(" is review 1; seen so far: "));
        CHECK_THAT(bytes, Contains(" (extra 1)."));
        CHECK_THAT(bytes, Contains("; the first tool was "));
        CHECK_THAT(bytes, !Contains("\"verdict\": \"failed\""));
    }
    CHECK(tool_pages == 40);
    for (const auto& [name, files_of_run] : outputs) {
        INFO("run " << name << " against --jobs 1");
        CHECK(files_of_run.size() == reference.size());
        for (const auto& [path, bytes] : reference) {
            INFO("page " << path);
            const auto other = files_of_run.find(path);
            REQUIRE(other != files_of_run.end());
            CHECK(other->second == bytes);
        }
    }

    // And tool by tool, reviewed in id order against the reverse order.
    std::vector<std::string> ids;
    for (const fs::path& file : files) ids.push_back(file.stem().string());
    std::sort(ids.begin(), ids.end());
    std::vector<std::string> forward_args{"review"}, backward_args{"review"};
    forward_args.insert(forward_args.end(), ids.begin(), ids.end());
    backward_args.insert(backward_args.end(), ids.rbegin(), ids.rend());
    for (auto* args : {&forward_args, &backward_args}) {
        args->insert(args->end(), {"--format", "json", "--catalog", catalog.string()});
    }
    const reviews_by_seat forward = reviews_of(run_measured(forward_args).result.out);
    const reviews_by_seat backward = reviews_of(run_measured(backward_args).result.out);
    REQUIRE(forward.size() == 40);
    CHECK(forward == backward);
}
