// A review depends only on the persona, the tool and the settings: math.random
// is seeded from the persona's id and the tool's id, so two separate engines
// draw the same numbers for the same pair and other numbers for another tool,
// whatever ran before; pairs() visits keys in order.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace verdict;

namespace {

std::string draws(const persona_backend& persona, const tool& t) { return persona.review_tool(t, persona.defaults()).quote; }

}  // namespace

TEST_CASE("math.random draws the same numbers for the same persona and tool in two separate engines", "[lua][determinism]") {
    const auto first = test::load_fixture("random_draws");
    const auto second = test::load_fixture("random_draws");
    const tool alpha = test::probe_tool("alpha-tool");
    const tool beta = test::probe_tool("beta-tool");

    const std::string alpha_draws = draws(*first, alpha);
    // The second engine reviews another tool first and draws on its own at load: neither may shift the numbers.
    const std::string beta_draws = draws(*second, beta);
    CHECK(draws(*second, alpha) == alpha_draws);
    CHECK(draws(*first, alpha) == alpha_draws);   // and the same engine again, after other draws
    CHECK(draws(*first, beta) == beta_draws);
    CHECK(alpha_draws != beta_draws);
    // Six draws, five integers from 1 to 1e9 and a float, so a constant would not pass for random.
    CHECK(std::count(alpha_draws.begin(), alpha_draws.end(), ' ') == 5);
}

TEST_CASE("math.random draws the same numbers in a panel, beside other seats, as alone", "[lua][determinism][panel]") {
    const auto alone = test::load_fixture("random_draws");
    const test::script_catalog catalog({{"steady", "well_behaved"}, {"random", "random_draws"}});
    const cli::workspace ws = catalog.load();
    const tool* t = ws.tools.find(test::panel_tool);
    REQUIRE(t != nullptr);
    const tool_review r = catalog.review(ws);
    const seat_review* random = test::seat_in(r, "random");
    REQUIRE(random != nullptr);
    REQUIRE(random->result.has_value());
    CHECK(random->result->quote == draws(*alone, *t));
    const tool_review again = catalog.review(ws);
    REQUIRE(again.seats.size() == r.seats.size());
    for (std::size_t i = 0; i < r.seats.size(); ++i) {
        INFO("seat " << r.seats[i].seat);
        REQUIRE(again.seats[i].result.has_value() == r.seats[i].result.has_value());
        if (r.seats[i].result) CHECK(again.seats[i].result->quote == r.seats[i].result->quote);
    }
}

TEST_CASE("pairs visits numbers in ascending order, then strings in byte order, on tables and on the tool", "[lua][determinism]") {
    tool t = test::probe_tool();
    t.licence.name = "Apache-2.0";
    t.licence.open_source = true;
    t.licence.commercial_use = commercial_terms::allowed;
    const auto out = test::review_with("pairs_order", t);
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->quote ==
          "-2 1.5 2 3 10 Beta alpha beta zeta | commercial_use=allowed name=Apache-2.0 open_source=true open_weights=true");
}
