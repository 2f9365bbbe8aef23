// A mistake in a call to ctx names the function as the script knows it
// ("ctx.rule"), the argument, what was expected and what was found, however
// the call was made: directly, through an alias, through pcall or from a
// library function, where Lua alone would name it by the call site or '?'.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// The message a review by ctx_call_forms.lua fails with, on a tool whose id picks the call.
std::string failure_of(const std::string& call) {
    const auto out = test::review_with("ctx_call_forms", test::probe_tool(call));
    INFO(call);
    REQUIRE(out.ended == "host_error");
    CHECK_THAT(out.message.substr(0, out.message.find('\n')), !Contains("'?'"));   // the message, before the traceback
    return out.message;
}

}  // namespace

TEST_CASE("ctx's argument errors name the function, the argument, what was expected and what was found, at the line",
          "[lua][ctx][errors]") {
    CHECK_THAT(failure_of("direct"), Contains(test::place("ctx_call_forms", "-- direct") +
                                              " review of direct: bad argument #2 to 'ctx.rule' (expected a fact name, found nil)"));
    CHECK_THAT(failure_of("item"), Contains(test::place("ctx_call_forms", "-- item") +
                                            " review of item: bad argument #2 to 'ctx.say' (expected a list of rule ids, found a table at [2])"));
    CHECK_THAT(failure_of("value"),
               Contains(test::place("ctx_call_forms", "-- value") +
                        " review of value: bad argument #3 to 'ctx.rule' (expected a fact's value: text, a number, true or false, or a list of "
                        "them, found a function)"));
}

TEST_CASE("ctx's errors name the function through an alias, pcall or a library function", "[lua][ctx][errors]") {
    CHECK_THAT(failure_of("alias"), Contains(test::place("ctx_call_forms", "-- alias") + " review of alias: bad argument #4 to 'ctx.rule' "
                                                                                          "(expected true or false (whether the rule fired), found \"yes\")"));
    CHECK_THAT(failure_of("pcall"), Contains("review of pcall: bad argument #2 to 'ctx.say' (expected a list of rule ids, found \"named\")"));
    CHECK_THAT(failure_of("library"), Contains("review of library: bad argument #1 to 'ctx.with_thousands' (expected a whole number, found \"a\")"));
}

TEST_CASE("an error ctx's bookkeeping raises names the function too", "[lua][ctx][errors]") {
    CHECK_THAT(failure_of("twice"),
               Contains(test::place("ctx_call_forms", "-- twice") + " review of twice: ctx.rule: rule \"named\" fired twice in one review"));
}
