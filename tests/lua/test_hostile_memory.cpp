// Scripts that eat memory: a string doubled without end, a table grown
// without end, string.rep asked for a gigabyte, and string.rep("", 1e15),
// which allocates nothing but would loop in C. The allocator must stop each
// of the first three within its allowance, with a message naming the script,
// and the seat fails alone; the fourth must return at once.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

const std::string allowance_exceeded = "memory allowance of 2097152 bytes exceeded";

}  // namespace

TEST_CASE("s = s .. s in a loop is stopped by the memory allowance, and fails its seat alone", "[lua][hostile][memory]") {
    const auto out = test::review_with("concat_bomb");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("concat_bomb.lua"));
    CHECK_THAT(out.message, Contains("review of probe-tool: not enough memory: " + allowance_exceeded));
    test::check_fails_alone("concat_bomb", {allowance_exceeded});
}

TEST_CASE("a table grown without end is stopped by the memory allowance, and fails its seat alone", "[lua][hostile][memory]") {
    script_limits limits = test::small_limits();
    limits.instructions_per_review = 5'000'000;   // so that memory, not the budget, is what runs out
    const auto out = test::review_with("growing_table", test::probe_tool(), limits);
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("growing_table.lua"));
    // Stopped by the allocator (a memory error, no line) or by the next hook tick after it (with the line).
    CHECK_THAT(out.message, Contains("review of probe-tool: "));
    CHECK_THAT(out.message, Contains(allowance_exceeded));
    test::check_fails_alone("growing_table", {allowance_exceeded}, limits);
}

TEST_CASE("a memory error caught by pcall, in a loop that tries again, still stops the review", "[lua][hostile][memory]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::review_with("pcall_memory_loop");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("pcall_memory_loop.lua"));
    CHECK_THAT(out.message, Contains("review of probe-tool: "));
    // The reason must survive the script's pcall: "not enough memory" alone would not say which limit was hit.
    CHECK_THAT(out.message, Contains(allowance_exceeded));
    test::check_fails_alone("pcall_memory_loop", {allowance_exceeded});
}

// string.rep is charged for the bytes it would write before it allocates any: a gigabyte is over the budget.
TEST_CASE("string.rep asked for a gigabyte is stopped at once, before allocating, and fails its seat alone", "[lua][hostile][memory]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::review_with("rep_bomb");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("rep_bomb.lua"));
    CHECK_THAT(out.message, Contains("review of probe-tool: instruction budget of 200000 exceeded"));
    CHECK_THAT(out.message, Contains("in function 'string.rep'"));
    test::check_fails_alone("rep_bomb", {"instruction budget"});
}

TEST_CASE("string.rep of the empty string 1e15 times returns at once instead of looping in C", "[lua][hostile][memory]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::review_with("empty_rep");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500));
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->quote == "Repeated nothing into 0 bytes.");

    const test::script_catalog catalog({{"empty", "empty_rep"}, {"steady", "well_behaved"}});
    const tool_review r = catalog.review(catalog.load());
    CHECK(r.verdict.failed == 0);
    CHECK(test::seat_in(r, "empty")->result.has_value());
    CHECK(catalog.run_cli().exit_code == 0);
}

TEST_CASE("after a memory stop the engine has its memory back: the same seat and the next one review again", "[lua][hostile][memory]") {
    const auto bomb = test::load_fixture("concat_bomb");
    const auto steady = test::load_fixture("well_behaved");
    for (int round = 0; round < 5; ++round) {
        INFO("round " << round);
        const auto stopped = test::outcome_of_call([&] { return std::optional(bomb->review_tool(test::probe_tool(), bomb->defaults())); });
        CHECK_THAT(stopped.message, Contains(allowance_exceeded));
        const auto fine = test::outcome_of_call([&] { return std::optional(steady->review_tool(test::probe_tool(), steady->defaults())); });
        INFO(fine.message);
        REQUIRE(fine.result.has_value());
        CHECK(fine.result->quote == "Probe Tool / PROBE TOOL / probe tool");
    }
}

// A script cannot keep anything from one review to the next: its top level runs again before each review, so the
// table it means to grow is a new one every time. A hundred reviews under a 4 MiB allowance, each adding a megabyte
// to "what it kept", all pass, and each has kept exactly one.
TEST_CASE("memory a script means to keep between reviews is not kept: every review starts afresh within its allowance", "[lua][hostile][memory]") {
    script_limits limits = test::small_limits();
    limits.memory_bytes = 4u << 20;
    limits.instructions_per_review = 10'000'000;
    const auto persona = test::load_fixture("retains_memory", limits);
    for (int i = 0; i < 100; ++i) {
        INFO("review " << i);
        CHECK(persona->review_tool(test::probe_tool(), persona->defaults()).quote == "Kept 1 megabytes.");
    }
}
