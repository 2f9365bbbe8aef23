// The limits are data in panel.json: script_limits for every script seat, and
// a seat's own limits over them. A budget low enough fails a script that the
// default budget lets through, and the message names the script, the line it
// was running and the limit; the memory allowance and the load budget likewise.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

script_limits with_review_budget(std::uint64_t instructions) {
    script_limits limits;
    limits.instructions_per_review = instructions;
    return limits;
}

// A panel with the given extra seats (each a JSON seat object) and the panel's script_limits.
nlohmann::json panel_with(const std::vector<nlohmann::json>& seats, const nlohmann::json& panel_limits) {
    nlohmann::json panel = test::stock_panel_json();
    for (const nlohmann::json& seat : seats) {
        panel["seats"].push_back(seat);
        panel["default_seats"].push_back(seat["id"]);
    }
    if (!panel_limits.is_null()) panel["script_limits"] = panel_limits;
    return panel;
}

nlohmann::json script_seat(const std::string& id, const std::string& fixture) {
    return {{"id", id}, {"script", test::fixture_script(fixture).string()}};
}

}  // namespace

TEST_CASE("a low instruction budget in script_limits fails a script the default budget lets through, naming script and line",
          "[lua][limits][budget]") {
    const test::script_catalog roomy({{"counter", "counting_loop"}}, script_limits{});
    const tool_review passed = roomy.review(roomy.load());
    REQUIRE(test::seat_in(passed, "counter")->result.has_value());
    CHECK(test::seat_in(passed, "counter")->result->quote == "Counted to 5000050000.");
    CHECK(roomy.run_cli().exit_code == 0);

    const test::script_catalog tight({{"counter", "counting_loop"}}, with_review_budget(50'000));
    const cli::workspace ws = tight.load();
    CHECK(ws.seats->config().script_limits_in_force.instructions_per_review == 50'000);
    const tool_review failed = tight.review(ws);
    const seat_review* counter = test::seat_in(failed, "counter");
    CHECK(counter->outcome() == seat_outcome::failed);
    CHECK_THAT(counter->failure, Contains(test::place("counting_loop") + " review of llama-4-compact-12b: instruction budget of 50000 exceeded"));
    const auto run = tight.run_cli();
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("seat counter failed: "));
    CHECK_THAT(run.err, Contains(test::place("counting_loop") + " review of llama-4-compact-12b: instruction budget of 50000 exceeded"));
}

TEST_CASE("a seat's own limits override the panel's, for that seat only", "[lua][limits][budget]") {
    nlohmann::json generous = script_seat("generous", "counting_loop");
    generous["limits"] = {{"instructions_per_review", 20'000'000}};
    nlohmann::json tight = script_seat("tight", "counting_loop");
    tight["limits"] = {{"instructions_per_review", 50'000}};
    const nlohmann::json plain = script_seat("plain", "counting_loop");

    test::script_catalog catalog;
    // Under a low panel budget: the generous seat passes; the plain one, with no limits of its own, fails.
    catalog.set_panel(panel_with({generous, plain}, {{"instructions_per_review", 50'000}}));
    tool_review r = catalog.review(catalog.load());
    CHECK(test::seat_in(r, "generous")->result.has_value());
    CHECK_THAT(test::seat_in(r, "plain")->failure, Contains("instruction budget of 50000 exceeded"));

    // Under the default panel budget: the tight seat fails, and the plain one passes.
    catalog.set_panel(panel_with({tight, plain}, nullptr));
    r = catalog.review(catalog.load());
    CHECK_THAT(test::seat_in(r, "tight")->failure, Contains(test::place("counting_loop") + " review of llama-4-compact-12b: instruction budget of 50000 exceeded"));
    CHECK(test::seat_in(r, "plain")->result.has_value());
    CHECK(r.verdict.failed == 1);
}

TEST_CASE("memory_bytes bounds what one review may add, per panel and per seat", "[lua][limits][memory]") {
    test::script_catalog catalog;
    nlohmann::json hungry = script_seat("hungry", "memory_hungry");
    catalog.set_panel(panel_with({hungry}, nullptr));
    tool_review r = catalog.review(catalog.load());
    INFO(test::seat_in(r, "hungry")->failure);
    CHECK(test::seat_in(r, "hungry")->result.has_value());

    hungry["limits"] = {{"memory_bytes", 262'144}};
    catalog.set_panel(panel_with({hungry}, nullptr));
    r = catalog.review(catalog.load());
    const std::string failure = test::seat_in(r, "hungry")->failure;
    CHECK_THAT(failure, Contains("memory_hungry.lua"));
    CHECK_THAT(failure, Contains("review of llama-4-compact-12b: "));
    CHECK_THAT(failure, Contains("memory allowance of 262144 bytes exceeded"));
    CHECK(r.verdict.failed == 1);
}

TEST_CASE("instructions_per_load bounds the script's top level, naming the line", "[lua][limits][load]") {
    CHECK(test::load_only("load_time_work", script_limits{}).ended == "no exception");

    test::script_catalog catalog;
    nlohmann::json worker = script_seat("worker", "load_time_work");
    worker["limits"] = {{"instructions_per_load", 10'000}};
    catalog.set_panel(panel_with({worker}, nullptr));
    const cli::workspace ws = catalog.load();
    const seat* loaded = nullptr;
    for (const seat& s : ws.seats->seats())
        if (s.config.id == "worker") loaded = &s;
    REQUIRE(loaded != nullptr);
    CHECK_FALSE(loaded->loaded);
    CHECK_THAT(loaded->failure, Contains(test::place("load_time_work") + " loading: instruction budget of 10000 exceeded"));
    const tool_review r = catalog.review(ws);
    CHECK(test::seat_in(r, "worker")->outcome() == seat_outcome::failed);
    CHECK(r.verdict.failed == 1);
}

TEST_CASE("limits below the schema's minimums are problems of the panel file", "[lua][limits][schema]") {
    test::script_catalog catalog;
    catalog.set_panel(panel_with({script_seat("counter", "counting_loop")}, {{"instructions_per_review", 10}}));
    const cli::workspace ws = cli::load_workspace(catalog.path(), test::persona_dir());
    REQUIRE_FALSE(ws.problems.empty());
    CHECK_THAT(to_string(ws.problems.front()), Contains("instructions_per_review"));
    CHECK(catalog.run_cli().exit_code == 2);
}
