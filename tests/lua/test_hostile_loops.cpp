// Scripts that never stop on their own: an endless loop, the same inside
// pcall and xpcall, a coroutine, endless recursion, and a loop at load time.
// Each must end as a host_error naming the script and the line it was
// stopped on, within milliseconds under small limits, and fail its seat only:
// the other seats, including a script seat in the same engine, still review.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace verdict;
using Catch::Matchers::Contains;

TEST_CASE("while true do end is stopped by the budget at its line, and fails its seat alone", "[lua][hostile][loop]") {
    const auto out = test::review_with("busy_loop");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("busy_loop") + " review of probe-tool: instruction budget of 200000 exceeded"));
    test::check_fails_alone("busy_loop", {test::place("busy_loop"), "instruction budget of 200000 exceeded"});
}

TEST_CASE("an endless loop inside pcall, in a loop that calls pcall again, is stopped all the same", "[lua][hostile][loop]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::review_with("pcall_loop");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("pcall_loop") + " review of probe-tool: instruction budget of 200000 exceeded"));
    // The first stop ends the review: pcall passes it on instead of letting the outer loop start over.
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
    test::check_fails_alone("pcall_loop", {test::place("pcall_loop"), "instruction budget of 200000 exceeded"});
}

// xpcall calls the script's message handler while the stop is being raised, from inside the count hook, where
// Lua runs no hooks: the handler runs unbudgeted. This fixture's handler counts to three million and returns;
// one with `while true do end` in it hangs the process for good, which is why the test uses a bounded one.
TEST_CASE("a message handler given to xpcall cannot keep running after the budget stop", "[lua][hostile][loop]") {
    const auto out = test::review_with("xpcall_handler_spin");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("xpcall_handler_spin.lua"));
    CHECK_THAT(out.message, Contains("instruction budget of 200000 exceeded"));
    CHECK_THAT(out.message, !Contains("the message handler ran 3000000 loop steps after the stop"));
    test::check_fails_alone("xpcall_handler_spin", {"instruction budget of 200000 exceeded"});
}

TEST_CASE("a busy coroutine fails at once: coroutine is not in the sandbox, and the message says so", "[lua][hostile][loop]") {
    const auto out = test::review_with("busy_coroutine");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("busy_coroutine") + " review of probe-tool: 'coroutine' is not available to persona scripts"));
    // "is not defined (declare it local, or check its spelling)" is advice for a typo; for a library the sandbox
    // leaves out on purpose, the message must say that it is not available to scripts.
    CHECK_THAT(out.message, Contains("not available"));
    test::check_fails_alone("busy_coroutine", {test::place("busy_coroutine"), "'coroutine'"});
}

TEST_CASE("endless recursion is stopped (stack or memory) with a message naming the script", "[lua][hostile][loop]") {
    const auto out = test::review_with("deep_recursion");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("deep_recursion.lua"));
    CHECK_THAT(out.message, Contains("review of probe-tool: "));
    const bool stack = out.message.find(test::place("deep_recursion") + " review of probe-tool: stack overflow") != std::string::npos;
    const bool memory = out.message.find("not enough memory: memory allowance of 2097152 bytes exceeded") != std::string::npos;
    INFO(out.message);
    CHECK((stack || memory));
    test::check_fails_alone("deep_recursion", {"review of llama-4-compact-12b: "});
}

TEST_CASE("with room for the whole Lua stack, endless recursion ends in a stack overflow at its line", "[lua][hostile][loop]") {
    script_limits roomy = test::small_limits();
    roomy.memory_bytes = 64u << 20;
    roomy.instructions_per_review = 20'000'000;
    const auto out = test::review_with("deep_recursion", test::probe_tool(), roomy);
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("deep_recursion") + " review of probe-tool: stack overflow"));
    CHECK(out.message.size() <= lua_runtime::max_error_bytes);
}

TEST_CASE("an endless loop at load time is stopped by the load budget, naming the line, and fails its seat alone",
          "[lua][hostile][loop][load]") {
    const auto out = test::load_only("top_level_spin");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("top_level_spin") + " loading: instruction budget of 200000 exceeded"));
    test::check_fails_alone("top_level_spin", {test::place("top_level_spin") + " loading: instruction budget"});
}

TEST_CASE("a seat stopped by the budget reviews again afterwards, and so does the next script in its engine", "[lua][hostile][loop]") {
    const auto busy = test::load_fixture("busy_loop");
    const auto steady = test::load_fixture("well_behaved");
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        const auto stopped = test::outcome_of_call([&] { return std::optional(busy->review_tool(test::probe_tool(), busy->defaults())); });
        CHECK(stopped.ended == "host_error");
        CHECK_THAT(stopped.message, Contains("instruction budget of 200000 exceeded"));
        const review r = steady->review_tool(test::probe_tool(), steady->defaults());
        CHECK(r.quote == "Probe Tool / PROBE TOOL / probe tool");
    }
}
