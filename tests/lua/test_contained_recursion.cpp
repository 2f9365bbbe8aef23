// Hostile scripts that reach for bytecode, walk tables that could make next()
// loop, or recurse and loop through metamethods, library callbacks, protected
// calls and message handlers. Each is seated in the futurist seat of a copy of
// the shipped catalog and run through the real program; contained_support.hpp
// says what every test checks.
#include "contained_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict::test::contained;
using Catch::Matchers::Contains;
using kind = expectation::kind;

namespace {

constexpr seat_limits small{2, 16 * mib, std::nullopt};

void check_fails(const std::string& name, std::vector<std::string> fragments, const seat_limits& limits = small) {
    check_contained(name, {kind::fails, std::move(fragments), limits});
}

}  // namespace

// ----- bytecode: no path to string.dump or to a loader

TEST_CASE("contained: (\"\"):dump, through the string metatable, is nil", "[lua][contained][bytecode]") {
    check_fails("dump_through_string_method", {place("dump_through_string_method"), "attempt to call a nil value (method 'dump')"});
}

TEST_CASE("contained: getmetatable(\"\") is a locked string, so no __index leads to dump", "[lua][contained][bytecode]") {
    check_fails("dump_through_metatable", {place("dump_through_metatable"), "attempt to index a nil value (field '__index')"});
}

TEST_CASE("contained: rawget behind the string view finds no dump, and _G no load", "[lua][contained][bytecode]") {
    check_fails("dump_rawget", {place("dump_rawget"), "attempt to call a nil value (local 'dump')"});
}

TEST_CASE("contained: load of a hand-made binary chunk is refused: load is not in the sandbox", "[lua][contained][bytecode]") {
    check_fails("load_binary_chunk", {place("load_binary_chunk"), "'load' is not available to persona scripts"});
}

TEST_CASE("contained: a search of every table a script can reach finds no dump, loader, debug or coroutine", "[lua][contained][bytecode]") {
    const reviews_by_seat by = check_contained("bytecode_hunt", {kind::reviews, {}, small});
    for (const std::string& tool : stock_tool_ids())
        CHECK(review_in(by, tool, "futurist").at("quote") ==
              "string metatable is a string; (''):dump is nil; %q of a function gives \"function\".");
}

TEST_CASE("contained: coroutine is not reachable through _G, rawget or the string metatable", "[lua][contained][bytecode]") {
    check_fails("coroutine_hunt", {place("coroutine_hunt"), "'coroutine' is not available to persona scripts"});
}

// ----- iteration that must end

TEST_CASE("contained: next() over math.maxinteger, 2^63 and their neighbours visits each key once, in order, and ends",
          "[lua][contained][iteration]") {
    const reviews_by_seat by = check_contained("next_extreme_keys", {kind::reviews, {}, small});
    for (const std::string& tool : stock_tool_ids())
        CHECK(review_in(by, tool, "futurist").at("quote") ==
              "12 keys: -inf:15 -1e+308:13 -9223372036854775808:4 0:10 0.5:11 9007199254740992:7 9007199254740994:8 "
              "9223372036854775806:5 9223372036854775807:1 9.2233720368547758e+18:2 1e+308:12 inf:14");
}

TEST_CASE("contained: pairs() over 20,002 mixed integer, float, string and boolean keys visits each once, numbers in order",
          "[lua][contained][iteration]") {
    check_contained("pairs_mixed_keys", {kind::reviews, {": visited 20002 keys, numbers in order: true."}, small});
}

TEST_CASE("contained: a next() walk of 200,000 keys, which sorts them at every step, is stopped by the budget", "[lua][contained][iteration]") {
    check_fails("next_huge_table", {place("next_huge_table"), "instruction budget of 20000000 exceeded"});
}

TEST_CASE("contained: a next() walk that adds a key after the current one at every step is stopped by the budget", "[lua][contained][iteration]") {
    check_fails("next_growing_table", {place("next_growing_table"), "instruction budget of 20000000 exceeded"});
}

TEST_CASE("contained: next(t, 2^63) on a table holding math.maxinteger is refused: they are two keys", "[lua][contained][iteration]") {
    check_fails("next_missing_key", {place("next_missing_key"), "invalid key to 'next'"});
}

TEST_CASE("contained: pairs() over table keys fails, naming why: such keys have no order", "[lua][contained][iteration]") {
    check_fails("pairs_table_keys", {place("pairs_table_keys"), "a key that is a table has no order"});
}

// ----- recursion through metamethods

TEST_CASE("contained: an __index function that reads through itself fails with a C stack overflow", "[lua][contained][recursion]") {
    check_fails("index_function_recursion", {place("index_function_recursion"), "C stack overflow"});
}

TEST_CASE("contained: a __call that calls its own table without end stops at the memory allowance", "[lua][contained][recursion]") {
    check_fails("call_recursion", {"not enough memory: memory allowance of 16777216 bytes exceeded"});
}

TEST_CASE("contained: an __eq that compares with == again fails with a C stack overflow", "[lua][contained][recursion]") {
    check_fails("eq_recursion", {place("eq_recursion"), "C stack overflow"});
}

TEST_CASE("contained: an __lt that compares with < again, inside table.sort, fails with a C stack overflow", "[lua][contained][recursion]") {
    check_fails("lt_recursion", {place("lt_recursion"), "C stack overflow"});
}

TEST_CASE("contained: a __concat that concatenates itself again fails with a C stack overflow", "[lua][contained][recursion]") {
    check_fails("concat_recursion", {place("concat_recursion"), "C stack overflow"});
}

TEST_CASE("contained: a __tostring that calls tostring on itself fails with a C stack overflow", "[lua][contained][recursion]") {
    check_fails("tostring_recursion", {"C stack overflow", "tostring_recursion.lua:3:"});
}

TEST_CASE("contained: a __len that asks for its own length fails with a C stack overflow", "[lua][contained][recursion]") {
    check_fails("len_recursion", {place("len_recursion"), "C stack overflow"});
}

// ----- library callbacks, protected calls and message handlers

TEST_CASE("contained: a gsub replacement function that never returns is stopped by the budget", "[lua][contained][callbacks]") {
    check_fails("gsub_callback_loop", {place("gsub_callback_loop"), "instruction budget of 20000000 exceeded"});
}

TEST_CASE("contained: a gsub replacement function that calls gsub again fails with a C stack overflow", "[lua][contained][callbacks]") {
    check_fails("gsub_callback_recursion", {"C stack overflow", place("gsub_callback_recursion")});
}

TEST_CASE("contained: a gsub callback raising a table whose __tostring loops fails at once, the __tostring never run",
          "[lua][contained][callbacks]") {
    check_fails("gsub_callback_error", {"(error object is a table value)", place("gsub_callback_error")});
}

TEST_CASE("contained: a table.sort comparator that never returns is stopped by the budget", "[lua][contained][callbacks]") {
    check_fails("sort_callback_loop", {place("sort_callback_loop"), "instruction budget of 20000000 exceeded"});
}

TEST_CASE("contained: a table.sort comparator that sorts again fails with a C stack overflow", "[lua][contained][callbacks]") {
    check_fails("sort_callback_recursion", {"C stack overflow", place("sort_callback_recursion")});
}

TEST_CASE("contained: a table.sort comparator that raises halfway fails at its line with its message", "[lua][contained][callbacks]") {
    check_fails("sort_callback_error", {place("sort_callback_error"), "comparator gave up after 50 comparisons"});
}

TEST_CASE("contained: a comparator answering at random still lets the sort end, the same way for each tool in any order",
          "[lua][contained][callbacks]") {
    check_contained("sort_inconsistent_order", {kind::reviews, {" sorted to "}, small});
    check_order_free("sort_inconsistent_order", small);
}

TEST_CASE("contained: an xpcall message handler that loops on an ordinary error is stopped by the budget", "[lua][contained][callbacks]") {
    check_fails("xpcall_handler_loop", {place("xpcall_handler_loop"), "instruction budget of 20000000 exceeded"});
}

TEST_CASE("contained: an xpcall message handler that raises errors itself ends in xpcall returning false", "[lua][contained][callbacks]") {
    check_contained("xpcall_handler_recursion", {kind::reviews, {": xpcall returned false (string) after some handler calls."}, small});
}

TEST_CASE("contained: an endless loop under forty nested retrying pcalls is stopped: the stop passes every pcall", "[lua][contained][callbacks]") {
    check_fails("pcall_nested_stop", {place("pcall_nested_stop"), "instruction budget of 20000000 exceeded"});
}

// The unwinding of a pcall after a memory error reallocates a grown Lua stack; that must not lift the stop.
TEST_CASE("contained: a memory stop caught by pcall after a deep recursion still fails the seat", "[lua][contained][callbacks]") {
    check_fails("pcall_memory_after_recursion", {"not enough memory: memory allowance of 16777216 bytes exceeded"});
}
