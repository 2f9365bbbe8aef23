// What a script hands the host is bounded before the host copies it, a review
// cannot claim points its rules did not give, and nothing a script can do makes
// the same review differ from one run (one Lua state) to the next: no
// addresses, keys in a fixed order, a stable sort, seeded random numbers.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// The quote fixture `name` gives for the probe tool in a fresh engine (a fresh Lua state, with its own seeds).
std::string quote_in_fresh_state(const std::string& name) {
    script_limits limits = test::small_limits();
    limits.instructions_per_review = 5'000'000;
    const auto out = test::review_with(name, test::probe_tool(), limits);
    INFO(out.message);
    REQUIRE(out.result.has_value());
    return out.result->quote;
}

}  // namespace

TEST_CASE("a rule fired twice in one review is an error naming the rule and the line", "[lua][hardening]") {
    const auto out = test::review_with("rule_twice");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("rule_twice") + " review of probe-tool: ctx.rule: rule \"steady\" fired twice in one review"));
}

TEST_CASE("a reason's text over the limit is refused before it is copied, naming the argument", "[lua][hardening]") {
    const auto out = test::review_with("long_why");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("long_why") + " review of probe-tool: bad argument #5 to 'ctx.rule' (expected a sentence saying why of at most 16384 bytes, found 100000 bytes)"));
}

TEST_CASE("a hand-built clamp that adds points to a total within 0-100 is refused", "[lua][hardening]") {
    const auto out = test::review_with("fake_clamp");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("review of probe-tool: reasons[1]: expected a clamp only of a total past 0 or 100 to that bound, "
                                     "found a clamp of 47 points on a total of 50"));
}

TEST_CASE("a hand-built review with more reasons than the persona has rules is refused before they are read", "[lua][hardening]") {
    const auto out = test::review_with("many_reasons");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("reasons: expected at most one per declared rule and a clamp (2), found 1000"));
}

TEST_CASE("references never print as addresses: tostring, string.format and ctx.log give type names; %p is refused", "[lua][hardening][determinism]") {
    const auto persona = test::load_fixture("deterministic_text");
    std::vector<std::string> log;
    const review r = persona->review_tool(test::probe_tool(), persona->defaults(), &log);
    CHECK(r.quote == "table|function|table/table|%p refused");
    CHECK(log == std::vector<std::string>{"table true table"});
}

TEST_CASE("next and pairs visit keys in the same order in every Lua state, and see through the tool's views", "[lua][hardening][determinism]") {
    const std::string first = quote_in_fresh_state("key_order");
    // Integers past 2^53 compared as integers, strings by every byte (zeros too), false before true.
    CHECK(first == "1,3,1152921504606846976,1152921504606846977,a,a0b,a0c,b,false,true|"
                   "1,3,1152921504606846976,1152921504606846977,a,a0b,a0c,b,false,true|availability|2|Probe Tool");
    for (int i = 0; i < 5; ++i) CHECK(quote_in_fresh_state("key_order") == first);
}

TEST_CASE("pairs over keys that have no order is an error, not an order that changes from run to run", "[lua][hardening][determinism]") {
    const auto out = test::review_with("unorderable_keys");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("unorderable_keys") + " review of probe-tool: a key that is a table has no order"));
}

TEST_CASE("table.sort is stable past Lua's own threshold, and an inconsistent comparison neither crashes nor loses elements", "[lua][hardening][determinism]") {
    const std::string first = quote_in_fresh_state("sorting");
    CHECK(first == "3,6,9,12,15...300,1,4,7,10|200 200");
    for (int i = 0; i < 3; ++i) CHECK(quote_in_fresh_state("sorting") == first);
}

TEST_CASE("math.random at load time draws the same number in every Lua state", "[lua][hardening][determinism]") {
    const std::string first = quote_in_fresh_state("load_random");
    for (int i = 0; i < 3; ++i) CHECK(quote_in_fresh_state("load_random") == first);
}

TEST_CASE("a script's min_facts must be a whole number and its id a seat-like name", "[lua][hardening][load]") {
    const auto fraction = test::load_only("bad_min_facts");
    CHECK(fraction.ended == "host_error");
    CHECK_THAT(fraction.message, Contains("bad_min_facts.lua: loading: defaults.min_facts: expected a whole number from 0 to 1000, found 2.5"));
    const auto id = test::load_only("bad_id");
    CHECK(id.ended == "host_error");
    CHECK_THAT(id.message, Contains("bad_id.lua: loading: id: expected lower case letters, digits and underscores, starting with a letter, found \"Bad Id\""));
}

TEST_CASE("failed loads and reviews leave the persona able to review again", "[lua][hardening]") {
    const auto persona = test::load_fixture("returns_nil");
    for (int i = 0; i < 20; ++i) CHECK_THROWS_AS(persona->review_tool(test::probe_tool(), persona->defaults()), host_error);
    CHECK_THROWS_AS(test::load_fixture("bad_min_facts"), host_error);
    CHECK_THROWS_AS(test::load_fixture("many_reasons")->review_tool(test::probe_tool(), {}), host_error);
    const auto steady = test::load_fixture("well_behaved");
    for (int i = 0; i < 20; ++i) CHECK(steady->review_tool(test::probe_tool(), steady->defaults()).quote == "Probe Tool / PROBE TOOL / probe tool");
}
