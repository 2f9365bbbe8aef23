// The tool is read-only: assignment, table.insert, rawset and setmetatable
// on it or on a table inside it are errors naming the script and line. The
// view is shared by every script seat on the tool in a panel pass, so a write
// that got through would also change what the next seat reads; the panel
// check (well_behaved.lua quoting the tool's name after the hostile seat)
// shows that it does not.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

void check_refused(const std::string& name, const std::string& what) {
    const auto out = test::review_with(name);
    INFO(out.ended << ": " << (out.result ? out.result->quote : out.message));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("review of probe-tool: " + what));
    CHECK_THAT(out.message, Contains(test::place(name)));   // in the first line, or in the traceback when C made the write
    test::check_fails_alone(name, {test::place(name), what});
}

}  // namespace

TEST_CASE("assigning to a field of the tool is refused", "[lua][hostile][read_only]") {
    check_refused("tool_write", "attempt to change a read-only table (field 'name')");
}

TEST_CASE("assigning to a field of a fact group inside the tool is refused", "[lua][hostile][read_only]") {
    check_refused("tool_nested_write", "attempt to change a read-only table (field 'open_source')");
}

TEST_CASE("table.insert into a list of the tool is refused", "[lua][hostile][read_only]") {
    check_refused("tool_list_insert", "attempt to change a read-only table (field '3')");
}

TEST_CASE("rawset on the tool is refused", "[lua][hostile][read_only]") {
    check_refused("tool_rawset", "rawset: this table is read-only");
}

TEST_CASE("rawset on a fact group inside the tool is refused", "[lua][hostile][read_only]") {
    check_refused("tool_nested_rawset", "rawset: this table is read-only");
}

TEST_CASE("setmetatable on the tool is refused", "[lua][hostile][read_only]") {
    check_refused("tool_setmetatable", "cannot change a protected metatable");
}

// pairs(tool) returns (step, state, nil), and the state is the table behind the read-only proxy: a script can
// write through it, and the next script seat on the same tool in the same pass reads what it wrote.
TEST_CASE("the state pairs() returns for the tool is not a way to write to it", "[lua][hostile][read_only][escape]") {
    const auto out = test::review_with("tool_pairs_state");
    INFO(out.ended << ": " << (out.result ? out.result->quote : out.message));
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("tool_pairs_state")));
    CHECK_THAT(out.message, Contains("read-only"));
    // In a panel the hostile seat runs first; well_behaved.lua, after it in the same engine, must still read the
    // tool's real name (check_fails_alone compares its quote).
    test::check_fails_alone("tool_pairs_state", {"read-only"});
}

TEST_CASE("a tool view written through pairs() does not reach the C++ seats or the next pass", "[lua][read_only]") {
    const test::script_catalog catalog({{"hostile", "tool_pairs_state"}, {"steady", "well_behaved"}});
    const cli::workspace ws = catalog.load();
    const tool* t = ws.tools.find(test::panel_tool);
    REQUIRE(t != nullptr);
    const std::string name = t->name;
    for (int pass = 0; pass < 2; ++pass) {
        INFO("pass " << pass);
        const tool_review r = review_tool(*ws.seats, *t);
        CHECK(t->name == name);   // the C++ struct behind the view never changes
        for (const char* seat : {"developer", "skeptic", "futurist", "business"}) {
            INFO("seat " << seat);
            CHECK(test::seat_in(r, seat)->result.has_value());
        }
    }
}
