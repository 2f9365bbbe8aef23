// Hostile scripts at review time, each seated in the futurist seat of a copy
// of the shipped catalog and run through the real program (`verdict review
// --all --format json`), where every persona reviews in supervised worker
// processes. Here: library calls that run long in C on huge strings or
// through long __index chains, and text the host would copy out of a
// script's memory. See contained_support.hpp for what every test checks.
#include "contained_support.hpp"

#include "support/peak_memory.hpp"

#include <catch2/catch.hpp>

using namespace verdict::test::contained;
using Catch::Matchers::Contains;
using kind = expectation::kind;

namespace {

constexpr seat_limits huge_strings{2, 64 * mib, std::nullopt};

// A single C call that outlives the seat's time limit: the worker is killed from outside. Alone, the seat fails on
// its tool with the time limit in words; with every tool, it takes its worker down three times and is stopped.
void check_killed(const std::string& name) {
    check_downs_worker(name, {kind::downs_worker, {"ran past its 2 s limit and was stopped"}, huge_strings});
}

}  // namespace

// ----- library calls that run long in C

TEST_CASE("contained: table.sort of 20,000 references to one 8 MiB string is killed past its limit", "[lua][contained][c_work]") {
    check_killed("sort_huge_string_refs");
}

TEST_CASE("contained: a pattern with an 8 MiB character set, repeated with '*', is killed past its limit", "[lua][contained][c_work]") {
    check_killed("pattern_huge_set");
}

TEST_CASE("contained: gsub with an 8 MiB character set, repeated with '+', is killed past its limit", "[lua][contained][c_work]") {
    check_killed("gsub_huge_set");
}

TEST_CASE("contained: table.concat through a 1,999-table __index chain is killed past its limit", "[lua][contained][c_work]") {
    check_killed("concat_index_chain");
}

TEST_CASE("contained: table.sort of a view read through a 1,999-table __index chain is killed past its limit", "[lua][contained][c_work]") {
    check_killed("sort_index_chain");
}

TEST_CASE("contained: table.unpack (counted with select '#') through a 1,999-table __index chain is killed past its limit",
          "[lua][contained][c_work]") {
    check_killed("unpack_index_chain");
}

// The matcher reports its steps after each start position, so this one is stopped by the runtime at the
// script's line. A review that spends its whole time limit costs what a hang does, so the seat is stopped for the run
// after three, as one killed from outside would be; alone, one tool names the limit and the line.
TEST_CASE("contained: a never-matching 16 MiB character set is stopped by the time limit at the script's line", "[lua][contained][c_work]") {
    check_contained("pattern_huge_set_scan", {kind::downs_worker, {place("pattern_huge_set_scan"), "time limit of 2 seconds exceeded", "string.find"}, huge_strings});
}

TEST_CASE("contained: two __index tables that point at each other fail at the read, naming the line", "[lua][contained][c_work]") {
    check_contained("index_chain_loop", {kind::fails, {place("index_chain_loop"), "'__index' chain too long; possible loop"}, huge_strings});
}

TEST_CASE("contained: string.rep of an 8 MiB string a thousand times is refused by the budget before it runs", "[lua][contained][c_work]") {
    check_contained("rep_many_refs", {kind::fails, {place("rep_many_refs"), "instruction budget of 20000000 exceeded", "string.rep"}, huge_strings});
}

TEST_CASE("contained: table.concat of 2,000 references to a 4 MiB string stops at the memory allowance", "[lua][contained][c_work]") {
    check_contained("concat_many_refs", {kind::fails, {"not enough memory: memory allowance of 67108864 bytes exceeded"}, huge_strings});
}

TEST_CASE("contained: string.format of sixty references to a 4 MiB string stops at the memory allowance", "[lua][contained][c_work]") {
    check_contained("format_many_refs", {kind::fails, {"not enough memory: memory allowance of 67108864 bytes exceeded"}, huge_strings});
}

TEST_CASE("contained: gsub replacing every byte of 1 MiB with 1 MiB stops at the memory allowance", "[lua][contained][c_work]") {
    check_contained("gsub_expand_refs", {kind::fails, {"not enough memory: memory allowance of 67108864 bytes exceeded"}, huge_strings});
}

TEST_CASE("contained: plain find of a 1 MiB needle in 8 MiB, looped, is charged by its bytes and stopped by the budget",
          "[lua][contained][c_work]") {
    const seat_limits limits{2, 64 * mib, 2'000'000};
    check_contained("find_huge_needle_loop", {kind::fails, {place("find_huge_needle_loop"), "instruction budget of 2000000 exceeded", "string.find"}, limits});
}

TEST_CASE("contained: upper() of an 8 MiB string through the string metatable, looped, is stopped by the budget", "[lua][contained][c_work]") {
    const seat_limits limits{2, 64 * mib, 2'000'000};
    check_contained("upper_huge_loop", {kind::fails, {place("upper_huge_loop"), "instruction budget of 2000000 exceeded", "string.upper"}, limits});
}

// ----- text the host would hold

TEST_CASE("contained: 1,024 rules fired with 16 KB reasons are refused by ctx.rule past 64 KiB", "[lua][contained][host_copy]") {
    check_contained("rules_flood", {kind::fails, {place("rules_flood"), "ctx.rule: the review holds more than 65536 bytes of text"}, {}});
}

TEST_CASE("contained: 1,024 rule checks over 16 KB values are refused by ctx.rule past 64 KiB", "[lua][contained][host_copy]") {
    check_contained("rule_checks_flood", {kind::fails, {place("rule_checks_flood"), "ctx.rule: the review holds more than 65536 bytes of text"}, {}});
}

TEST_CASE("contained: a 16 MiB quote is refused by ctx.finish before it is copied", "[lua][contained][host_copy]") {
    check_contained("huge_quote", {kind::fails, {place("huge_quote"), "bad argument #1 to 'ctx.finish' (expected a quote of at most 16000 bytes, found 16777216 bytes)"}, {2, 64 * mib, {}}});
}

TEST_CASE("contained: a hand-built review with a 12 MiB quote is refused", "[lua][contained][host_copy]") {
    check_contained("hand_built_huge_quote", {kind::fails, {"quote: expected at most 4000 bytes, found 12582912"}, {2, 64 * mib, {}}});
}

// 1,025 reasons of four fields each, all the same 8 MiB string: copied before they were measured, they would be
// 32 GB of host memory; the host must refuse the first field past its bound, holding no more than the seat's own.
TEST_CASE("contained: a hand-built review of 1,025 reasons pointing at one 8 MiB string is refused before it is copied",
          "[lua][contained][host_copy]") {
    check_contained("hand_built_reason_refs", {kind::fails, {"reasons[1].rule: expected at most 16384 bytes, found 8388608"}, {2, 64 * mib, {}}});
}

// 1,024 reasons, each field within its own 16 KB: 64 MB together, which the host must refuse past 64 KiB.
TEST_CASE("contained: a hand-built review of 1,024 reasons of 16,000-byte fields is refused past 64 KiB before it is copied",
          "[lua][contained][host_copy]") {
    check_contained("hand_built_reason_flood", {kind::fails, {"the review: expected at most 65536 bytes of text"}, {2, 64 * mib, {}}});
}

TEST_CASE("contained: 100,000 ctx.log lines of 1 MiB leave twenty lines of 300 bytes, and the review goes on", "[lua][contained][host_copy]") {
    const reviews_by_seat by = check_contained("log_flood", {kind::reviews, {"Logged a hundred thousand lines about "}, {2, 64 * mib, {}}});
    for (const std::string& tool : stock_tool_ids()) {
        const json review = review_in(by, tool, "futurist");
        INFO("tool " << tool);
        REQUIRE(review.at("log").size() == 21);
        CHECK(review.at("log").back() == "(further log lines dropped)");
        for (std::size_t i = 0; i < 20; ++i) CHECK(review.at("log")[i].get<std::string>().size() <= 303);
    }
}

TEST_CASE("contained: ctx.log of ten 1 MiB arguments is cut at 300 bytes, and the review goes on", "[lua][contained][host_copy]") {
    const reviews_by_seat by = check_contained("log_many_arguments", {kind::reviews, {"Logged wide lines about "}, {}});
    for (const std::string& tool : stock_tool_ids()) {
        const json review = review_in(by, tool, "futurist");
        REQUIRE(review.at("log").size() == 21);
        CHECK(review.at("log")[0].get<std::string>().size() == 303);
    }
}

TEST_CASE("contained: a fact value listing 100,000 strings of 1 KB is refused past 16 KB", "[lua][contained][host_copy]") {
    check_contained("describe_huge_list", {kind::fails, {place("describe_huge_list"), "fact value: more than 16384 bytes of text"}, {2, 64 * mib, {}}});
}

TEST_CASE("contained: ctx.join_list over a million references to 1 KB is refused past 64 KiB", "[lua][contained][host_copy]") {
    check_contained("join_list_flood", {kind::fails, {place("join_list_flood"), "ctx.join_list: more than 65536 bytes of text"}, {2, 64 * mib, {}}});
}

// The host sorts a copy of a table's keys for pairs(), outside the script's allowance: a 3,000,000-element list
// makes that copy larger than the worker's memory cap once the plugin seats add little to it. The allocation is
// refused, the seat fails in words, and the worker ends so the seats after it start afresh: a worker taken down,
// so the seat is stopped after three tools. The neighbours review as usual.
TEST_CASE("contained: pairs() over 3,000,000 keys, whose sorted copy outgrows the worker's cap, fails the seat in words",
          "[lua][contained][host_copy]") {
    expectation expected{kind::downs_worker, {"went over its worker's memory cap of 435 MiB"}, {5, 160 * mib, 1'000'000'000}};
    expected.panel_script_memory = 1 * mib;
    expected.memory_bound = 435 * mib;   // the worker's cap is the bound here: 256 MiB, this seat's 160, developer.lua's 16, the plugins' 3
    check_downs_worker("pairs_host_copy", expected);
}

// ----- memory beside a script neighbour (developer.lua in the developer seat, with a state of its own)

TEST_CASE("contained: a seat holding most of its 16 MiB reviews, and its script neighbour reviews as usual", "[lua][contained][cross_seat]") {
    check_contained("near_allowance", {kind::reviews, {"was reviewed while holding 90000 rows"}, {}});
}

TEST_CASE("contained: a seat that grows past its 16 MiB fails at its allowance, and its script neighbour reviews as usual",
          "[lua][contained][cross_seat]") {
    check_contained("over_allowance", {kind::fails, {"not enough memory: memory allowance of 16777216 bytes exceeded"}, {}});
}

TEST_CASE("contained: 4,000 objects with a 40-field metatable each review within the allowance, beside a script neighbour",
          "[lua][contained][cross_seat]") {
    check_contained("metatable_heavy", {kind::reviews, {": made 4000 objects, the last reads anything."}, {}});
}

TEST_CASE("contained: setmetatable copies made without end stop at the seat's own allowance, beside a script neighbour",
          "[lua][contained][cross_seat]") {
    check_contained("metatable_flood", {kind::fails, {"not enough memory: memory allowance of 16777216 bytes exceeded"}, {}});
}

// ----- the memory measures themselves

// support/peak_memory.hpp's run_verdict_measured reports what wait4 gives for the command: the largest resident
// set of the command or of any child it reaped, so a worker's memory shows in it, though no single figure is the
// whole run. The tests here bound both that figure and the sampled sum of the command and its live workers.
TEST_CASE("contained: the measured peak covers the worker processes, not the command alone", "[lua][contained][measure]") {
    stock_copy catalog;
    catalog.seat_futurist_script(script("worker_memory_probe"), {5, 400 * mib, std::nullopt});
    const std::vector<std::string> args{"review", "claw-code", "--format", "json", "--catalog", catalog.path().string()};
    const verdict::test::measured_run support = verdict::test::run_verdict_measured(args);
    INFO(support.result.err);
    REQUIRE(support.result.exit_code == 0);
    CHECK_THAT(review_in(reviews_of(support.result.out), "claw-code", "futurist").at("quote").get<std::string>(),
               Contains("while holding 160 MiB"));
    const measured mine = review_run(catalog.path(), {"claw-code"});
    std::printf("memory probe: run_verdict_measured %ld KiB; wait4 here %ld KiB; command alone %ld KiB; whole run %ld KiB\n", support.peak_kb,
                mine.peak_kb, mine.command_peak_kb, mine.tree_peak_kb);
    CHECK(support.peak_kb >= 160 * 1024);       // the worker's string is in it
    CHECK(mine.peak_kb >= 160 * 1024);
    CHECK(mine.command_peak_kb < 100 * 1024);   // while the command itself never held it
    CHECK(mine.tree_peak_kb >= 160 * 1024);
}
