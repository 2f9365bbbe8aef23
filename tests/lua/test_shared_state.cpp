// Whatever outlives one review of a script would let it poison the next: the
// string metatable (every string method goes through it), the library tables,
// and the garbage collector's timing (__gc and __mode would make a review
// depend on what ran before it). Each is locked, read-only or refused.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

TEST_CASE("the string metatable cannot be changed, and the next seat's string methods are unaffected", "[lua][hostile][shared]") {
    const auto out = test::review_with("string_metatable");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("string_metatable") + " review of probe-tool: attempt to index a string value"));
    test::check_fails_alone("string_metatable", {test::place("string_metatable")});
}

TEST_CASE("a script that edits its string library fails at the edit, naming the field: library tables are read-only", "[lua][shared]") {
    const auto out = test::review_with("string_library_edit");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("string_library_edit") + " review of probe-tool: attempt to change a read-only table (field 'upper')"));
    test::check_fails_alone("string_library_edit", {test::place("string_library_edit"), "read-only table"});
}

TEST_CASE("a __gc metamethod is refused, naming it", "[lua][hostile][gc]") {
    const auto out = test::review_with("gc_metamethod");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("gc_metamethod") + " review of probe-tool: setmetatable: __gc is not allowed in scripts"));
    test::check_fails_alone("gc_metamethod", {test::place("gc_metamethod"), "__gc is not allowed"});
}

TEST_CASE("a __mode metatable is refused, naming it", "[lua][hostile][gc]") {
    const auto out = test::review_with("weak_table");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("weak_table") + " review of probe-tool: setmetatable: __mode is not allowed in scripts"));
    test::check_fails_alone("weak_table", {test::place("weak_table"), "__mode is not allowed"});
}

// Lua reads __mode at every collection, so a __mode added after setmetatable would make what is left in the
// table depend on when the collector ran. setmetatable sets a copy taken when it is called: the late __mode never
// reaches the table, and every entry stays.
TEST_CASE("__mode added to a metatable after setmetatable has no effect", "[lua][hostile][gc]") {
    script_limits limits = test::small_limits();
    limits.instructions_per_review = 5'000'000;
    limits.memory_bytes = 16u << 20;
    const auto out = test::review_with("weak_table_late", test::probe_tool(), limits);
    INFO(out.ended << ": " << (out.result ? out.result->quote : out.message));
    REQUIRE(out.result.has_value());
    CHECK(out.result->quote == "100 of 100 weak entries were left after the collector ran.");
}
