// Errors a review raises or returns: error objects that are not strings (a
// table whose __tostring never returns, nil), a megabyte of message, and a
// review function that returns nothing. Reporting must never run script code,
// messages stay within lua_runtime::max_error_bytes, and each names the script.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace verdict;
using Catch::Matchers::Contains;

TEST_CASE("an error object that is a table with a looping __tostring is reported without calling it", "[lua][errors]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::review_with("error_table");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("error_table.lua: review of probe-tool: (error object is a table value)"));
    CHECK_THAT(out.message, Contains(test::place("error_table")));   // in the traceback
    CHECK(out.message.size() <= lua_runtime::max_error_bytes);
    test::check_fails_alone("error_table", {"(error object is a table value)"});
}

TEST_CASE("error(nil) is reported as a nil error object, with the line in the traceback", "[lua][errors]") {
    const auto out = test::review_with("error_nil");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("error_nil.lua: review of probe-tool: (error object is a nil value)"));
    CHECK_THAT(out.message, Contains(test::place("error_nil")));
    test::check_fails_alone("error_nil", {"(error object is a nil value)"});
}

TEST_CASE("a megabyte of error message is cut: the whole message stays within 2,000 bytes", "[lua][errors]") {
    script_limits limits = test::small_limits();
    limits.memory_bytes = 32u << 20;   // room for the message, so that it is the message that needs cutting
    const auto out = test::review_with("error_huge", test::probe_tool(), limits);
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("error_huge") + " review of probe-tool: xxxxxxxx"));
    CHECK_THAT(out.message, Contains(" ..."));
    // The bound is on what the reader gets: the message with the script and the tool named in it, not the
    // Lua error before the host adds them.
    CHECK(out.message.size() <= lua_runtime::max_error_bytes);

    const test::script_catalog catalog({{"hostile", "error_huge"}, {"steady", "well_behaved"}}, limits);
    const tool_review r = catalog.review(catalog.load());
    const seat_review* hostile = test::seat_in(r, "hostile");
    REQUIRE(hostile != nullptr);
    CHECK(hostile->failure.size() <= lua_runtime::max_error_bytes);
    test::check_fails_alone("error_huge", {test::place("error_huge")}, limits);
}

TEST_CASE("a review function that returns nil fails, naming what was expected", "[lua][errors][returns]") {
    const auto out = test::review_with("returns_nil");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("returns_nil.lua: review of probe-tool: the review: expected a table (verdict, score, quote, reasons), found nil"));
    test::check_fails_alone("returns_nil", {"the review: expected a table"});
}

TEST_CASE("a persona whose review failed reviews the next tool normally", "[lua][errors]") {
    const auto persona = test::load_fixture("hand_built_review");
    for (const char* id : {"nan-score", "well-formed", "cyclic-reasons", "well-formed"}) {
        INFO("tool " << id);
        const auto out = test::outcome_of_call([&] { return std::optional(persona->review_tool(test::probe_tool(id), persona->defaults())); });
        CHECK(out.result.has_value() == (std::string(id) == "well-formed"));
    }
}
