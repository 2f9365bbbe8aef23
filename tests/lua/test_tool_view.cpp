// The tool's Lua view is built once per tool per panel pass and shared by the
// script seats of that pass, and rebuilt for the next pass, so a tool changed
// between passes is seen fresh. tool_identity.lua keeps every view it was
// given and says whether this one is among them (rawequal, not addresses:
// scripts never see an address).
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

struct sighting {
    std::string view;   // tostring(tool): "table", since scripts never see addresses
    std::string name;
    std::string seen;   // "new" or "seen before" (by this seat)
};

sighting sighting_of(const tool_review& r, const std::string& seat) {
    const seat_review* s = test::seat_in(r, seat);
    REQUIRE(s != nullptr);
    INFO(s->failure);
    REQUIRE(s->result.has_value());
    const std::string& quote = s->result->quote;
    const std::size_t first = quote.find('|');
    const std::size_t second = quote.find('|', first + 1);
    REQUIRE(second != std::string::npos);
    return {quote.substr(0, first), quote.substr(first + 1, second - first - 1), quote.substr(second + 1)};
}

}  // namespace

TEST_CASE("a tool changed between two panel passes is seen fresh by every seat", "[lua][view]") {
    const test::script_catalog catalog({{"first", "tool_identity"}, {"second", "tool_identity"}});
    cli::workspace ws = catalog.load();
    tool* t = nullptr;
    for (tool& each : ws.tools.tools)
        if (each.id == test::panel_tool) t = &each;
    REQUIRE(t != nullptr);
    const tool_review one = review_tool(*ws.seats, *t);
    CHECK(sighting_of(one, "first").name == "Llama 4 Compact (12B)");
    t->name = "Renamed Between Passes";   // the same tool object, at the same address, with a new fact
    const tool_review two = review_tool(*ws.seats, *t);
    CHECK(sighting_of(two, "first").name == "Renamed Between Passes");
    CHECK(sighting_of(two, "second").name == "Renamed Between Passes");
    CHECK(sighting_of(two, "first").seen == "new");
}

TEST_CASE("outside a panel pass, each review gets a view of the tool as it is then", "[lua][view]") {
    const auto persona = test::load_fixture("tool_identity");
    tool t = test::probe_tool();
    const review before = persona->review_tool(t, persona->defaults());
    t.name = "Renamed Probe";
    const review after = persona->review_tool(t, persona->defaults());
    CHECK(before.quote.find("|Probe Tool|new") != std::string::npos);
    CHECK(after.quote.find("|Renamed Probe|new") != std::string::npos);
}
