// Work done in C, where the instruction budget cannot see it: Lua patterns
// that backtrack, and table.move over a huge range. The guards must refuse
// the ruinous calls at once with a message naming the script and line, let
// the common idioms through, and charge what they do allow against the
// budget, so that a loop of allowed calls is stopped like any other loop.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point started) {
    return std::chrono::duration<double>(clock_type::now() - started).count();
}

}  // namespace

// The matcher counts its backtracking steps against the budget, so the bomb is stopped like a loop would be.
TEST_CASE("a backtracking pattern bomb is stopped by the budget at once, naming its line, and fails its seat alone", "[lua][hostile][pattern]") {
    const auto started = clock_type::now();
    const auto out = test::review_with("pattern_bomb");
    CHECK(seconds_since(started) < 0.5);
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("pattern_bomb") + " review of probe-tool: instruction budget of 200000 exceeded"));
    CHECK_THAT(out.message, Contains("in function 'string.find'"));
    test::check_fails_alone("pattern_bomb", {test::place("pattern_bomb"), "instruction budget"});
}

TEST_CASE("the trim idiom ^%s*(.-)%s*$ on a 4,000-character text still works", "[lua][pattern]") {
    const auto started = clock_type::now();
    const auto out = test::review_with("trim_idiom");
    CHECK(seconds_since(started) < 0.5);
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->quote == "Trimmed 4004 characters to 3999.");
    CHECK(out.result->verdict == verdict_kind::ship);
}

// table.move is charged for the elements it would move before it moves any.
TEST_CASE("table.move over a range of 1e15 is stopped by the budget at once, naming its line, and fails its seat alone", "[lua][hostile][move]") {
    const auto started = clock_type::now();
    const auto out = test::review_with("huge_move");
    CHECK(seconds_since(started) < 0.5);
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("huge_move") + " review of probe-tool: instruction budget of 200000 exceeded"));
    CHECK_THAT(out.message, Contains("in function 'table.move'"));
    test::check_fails_alone("huge_move", {test::place("huge_move"), "instruction budget"});
}

// Each call below is one the guards allow, and costs a handful of instructions: two table.move calls over
// ten million slots each take a few tenths of a second, so `while true do table.move({}, 1, 9999999, 1) end`
// would need about four million calls (days) to reach the default budget of twenty million instructions.
TEST_CASE("the C work of allowed table.move calls counts against the instruction budget", "[lua][hostile][move][budget]") {
    script_limits limits = test::small_limits();
    limits.instructions_per_review = 10'000;
    const auto started = clock_type::now();
    const auto out = test::review_with("move_churn", test::probe_tool(), limits);
    INFO("the review took " << seconds_since(started) << " s; it ended with: " << (out.result ? out.result->quote : out.message));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("move_churn")));
    CHECK_THAT(out.message, Contains("instruction budget of 10000 exceeded"));
}

// The guard allows any pattern whose worst case is under 1e9 steps: ("x"):rep(5000):find(".-y") takes about
// 1.25e7 steps and 0.1 s; ("x"):rep(30000):find(".-y") is allowed too and takes over three seconds, in a
// single call that costs the budget a few instructions.
TEST_CASE("the backtracking of an allowed pattern counts against the instruction budget", "[lua][hostile][pattern][budget]") {
    script_limits limits = test::small_limits();
    limits.instructions_per_review = 10'000;
    const auto started = clock_type::now();
    const auto out = test::review_with("pattern_churn", test::probe_tool(), limits);
    INFO("the review took " << seconds_since(started) << " s; it ended with: " << (out.result ? out.result->quote : out.message));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("pattern_churn")));
    CHECK_THAT(out.message, Contains("instruction budget of 10000 exceeded"));
}

TEST_CASE("a wrong argument to a guarded library function is reported with the function's name and the script's line",
          "[lua][errors][guards]") {
    const auto out = test::review_with("bad_library_argument");
    CHECK(out.ended == "host_error");
    // The guard calls the real string.rep from C, so Lua names the caller '?' and places the error nowhere.
    CHECK_THAT(out.message, Contains(test::place("bad_library_argument") + " review of probe-tool: bad argument #1 to 'rep'"));
    CHECK_THAT(out.message, !Contains("to '?'"));
}
