// Reviews built by hand instead of with ctx.finish: hand_built_review.lua
// breaks its table in the way the tool's id names. Each break is a host_error
// naming the script, the tool and the field. The host reads the table after
// the review's protected call has ended, so reading it must not run script
// code (an __index metamethod) outside the budget and outside protection.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

struct broken_review {
    const char* tool_id;
    const char* message;
};

const broken_review broken_reviews[] = {
    {"missing-verdict", "the review: missing key \"verdict\""},
    {"unknown-verdict", "verdict: expected \"ship\", \"skip\" or \"abstain\", found \"maybe\""},
    {"verdict-as-boolean", "verdict: expected a string, found a boolean"},
    {"score-out-of-range", "score: expected a number from 0 to 100, found 150"},
    {"nan-score", "score: expected a number from 0 to 100, found NaN"},
    {"score-as-text", "score: expected a number, found a string"},
    {"quote-as-number", "quote: expected a string, found an integer"},
    {"over-long-quote", "quote: expected at most 4000 bytes, found 4001"},
    {"invalid-utf8-quote", "quote: expected UTF-8 text, found invalid bytes"},
    {"reasons-as-text", "reasons: expected a list of reasons, found a string"},
    {"points-as-text", "reasons[1].points: expected a number, found a string"},
    {"points-not-weight", "reasons[1].points: expected the weight of rule \"steady\" (10), found 7"},
    {"reason-without-why", "reasons[1]: missing key \"why\""},
    {"cyclic-reasons", "reasons[1]: expected only named keys, found a key that is an integer"},
    {"unknown-key", "the review: unknown key \"verdcit\" (did you mean \"verdict\"?)"},
};

}  // namespace

TEST_CASE("a well-formed review built by hand is accepted", "[lua][returns]") {
    const auto out = test::review_with("hand_built_review", test::probe_tool("well-formed"));
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->verdict == verdict_kind::ship);
    CHECK(out.result->score == 60);
    REQUIRE(out.result->reasons.size() == 1);
    CHECK(out.result->reasons[0].rule == "steady");
}

TEST_CASE("each malformed review table fails with a host_error naming the script, the tool and the field", "[lua][returns]") {
    const auto persona = test::load_fixture("hand_built_review");
    for (const broken_review& c : broken_reviews) {
        DYNAMIC_SECTION(c.tool_id) {
            const auto out = test::outcome_of_call([&] {
                return std::optional(persona->review_tool(test::probe_tool(c.tool_id), persona->defaults()));
            });
            CHECK(out.ended == "host_error");
            CHECK_THAT(out.message, Contains("hand_built_review.lua: review of " + std::string(c.tool_id) + ": " + c.message));
        }
    }
}

TEST_CASE("a malformed review table fails its seat alone in a panel", "[lua][returns][panel]") {
    // The panel tool's id picks no breaker, so the script fails calling nil: a runtime error naming its line.
    test::check_fails_alone("hand_built_review", {"hand_built_review.lua:", "review of llama-4-compact-12b: "});
}

// Reading the returned table with lua_getfield runs its __index metamethod after the review's lua_pcall has
// returned: an error there has no protected call to go to, and Lua aborts the process. Run in a child process.
TEST_CASE("a review table whose __index raises an error fails the review instead of aborting the program", "[lua][returns][crash]") {
    const auto run = test::run_verdict({"lint", test::fixture_script("review_metamethod_error").string()});
    INFO("exit " << run.exit_code << "\n" << run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Contains("review_metamethod_error.lua"));
}

// The host reads a returned table after the script's call has ended, outside every budget, so it reads raw:
// the verdict that only the spinning __index could supply is missing, and the metamethod never runs.
TEST_CASE("a review table's __index is never run: its fields are read raw", "[lua][returns][budget]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::review_with("review_metamethod_spin", test::probe_tool(), test::small_limits());
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500));
    INFO(out.ended << ": " << (out.result ? out.result->quote : out.message));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("review_metamethod_spin.lua: review of probe-tool: the review: missing key \"verdict\""));
}

// The returned persona table is read the same way at load time: defaults.base, absent, stays the SDK's default
// instead of being looked up through the defaults' spinning __index.
TEST_CASE("a persona table's __index is never run: its fields are read raw", "[lua][returns][budget][load]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::load_only("defaults_metamethod_spin", test::small_limits());
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500));
    INFO(out.ended << ": " << out.message);
    CHECK(out.ended == "no exception");
}
