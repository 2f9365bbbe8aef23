// A panel with broken seats, loaded as the program loads it: a temporary
// catalog whose panel.json points some seats at fixture plugins and the rest
// at the stock personas. A seat that fails, at load or at review, must show
// as failed with its reason, be counted under failed, stay out of the ship %
// and the mean, and be named among the missing seats when the quorum fails,
// while the other seats review as before.
#include "host_test_support.hpp"
#include "support/stock_workspace.hpp"
#include "support/temp_catalog.hpp"
#include "verdict/persona.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

using namespace verdict;
using Catch::Matchers::Contains;
using Catch::Matchers::VectorContains;

namespace {

// The stock panel with the "plugin" of each seat in `plugins` replaced.
nlohmann::json panel_with(const std::map<std::string, std::string>& plugins, int quorum = 3) {
    nlohmann::json panel = test::stock_panel_json();
    panel["quorum"] = quorum;
    for (auto& seat : panel["seats"])
        if (const auto found = plugins.find(seat["id"].get<std::string>()); found != plugins.end()) seat["plugin"] = found->second;
    return panel;
}

// A loaded workspace, or a failed test showing every problem found on the way.
cli::workspace load_catalog_workspace(const test::temp_catalog& catalog) {
    cli::workspace ws = cli::load_workspace(catalog.path(), test::persona_dir());
    std::string problems;
    for (const problem& each : ws.problems) problems += to_string(each) + "\n";
    INFO(problems);
    // A plugin that fails is a failed seat, not a problem of the panel file.
    REQUIRE(ws.problems.empty());
    REQUIRE(ws.seats);
    REQUIRE(ws.tools.tools.size() == 5);
    return ws;
}

const seat& panel_seat(const panel& p, const std::string& id) {
    const auto found = std::find_if(p.seats().begin(), p.seats().end(), [&](const seat& s) { return s.config.id == id; });
    REQUIRE(found != p.seats().end());
    return *found;
}

const seat_review* seat_in(const tool_review& r, const std::string& id) {
    for (const seat_review& s : r.seats)
        if (s.seat == id) return &s;
    return nullptr;
}

std::string absolute_fixture(const std::string& name) { return test::fixture_plugin(name).string(); }

}  // namespace

TEST_CASE("a seat whose plugin fails to load is failed with its reason, and the other seats still review",
          "[hosts][panel][load]") {
    test::temp_catalog catalog;
    catalog.set_panel(panel_with({{"skeptic", absolute_fixture("wrong_api_version")}}));
    catalog.add_stock_tools();
    const cli::workspace ws = load_catalog_workspace(catalog);

    const seat& broken = panel_seat(*ws.seats, "skeptic");
    CHECK_FALSE(broken.loaded);
    CHECK_THAT(broken.failure, Contains("wrong_api_version.so"));
    CHECK_THAT(broken.failure, Contains("expected persona API version " + std::to_string(api_version) + ", found version 999"));
    for (const char* id : {"developer", "futurist", "business", "creator"}) {
        INFO("seat " << id);
        CHECK(panel_seat(*ws.seats, id).failure.empty());
    }

    for (const tool& t : ws.tools.tools) {
        INFO("tool " << t.id);
        const tool_review r = review_tool(*ws.seats, t);
        const seat_review* skeptic = seat_in(r, "skeptic");
        REQUIRE(skeptic != nullptr);   // the skeptic sits on every shipped tool
        CHECK(skeptic->outcome() == seat_outcome::failed);
        CHECK(skeptic->failure == broken.failure);
        CHECK(skeptic->persona_name.empty());
        for (const seat_review& other : r.seats) {
            if (other.seat == "skeptic") continue;
            INFO("seat " << other.seat);
            CHECK(other.result.has_value());
            CHECK(other.failure.empty());
        }
        CHECK(r.verdict.failed == 1);
        CHECK(r.any_failed());
        CHECK(r.verdict.ship + r.verdict.skip + r.verdict.abstain + r.verdict.failed == static_cast<int>(r.seats.size()));
    }
}

// The baseline panel has no skeptic among its default seats at all. A failed skeptic must leave every
// count, the ship % and the mean exactly as if it were not there, except for the failed count itself.
TEST_CASE("a failed seat is counted under failed and left out of the ship % and the mean", "[hosts][panel][aggregate]") {
    test::temp_catalog failing;
    failing.set_panel(panel_with({{"skeptic", absolute_fixture("wrong_api_version")}}));
    failing.add_stock_tools();
    test::temp_catalog baseline;
    nlohmann::json without_skeptic = test::stock_panel_json();
    without_skeptic["default_seats"] = {"developer", "futurist", "business"};
    baseline.set_panel(without_skeptic);
    baseline.add_stock_tools();
    const cli::workspace with_failure = load_catalog_workspace(failing);
    const cli::workspace without = load_catalog_workspace(baseline);

    int compared = 0;
    for (const tool& t : with_failure.tools.tools) {
        if (!t.seats.empty()) continue;   // a tool naming its own seats would seat the skeptic in the baseline too
        INFO("tool " << t.id);
        const panel_verdict failed = review_tool(*with_failure.seats, t).verdict;
        const panel_verdict expected = review_tool(*without.seats, *without.tools.find(t.id)).verdict;
        CHECK(failed.failed == 1);
        CHECK(failed.ship == expected.ship);
        CHECK(failed.skip == expected.skip);
        CHECK(failed.abstain == expected.abstain);
        CHECK(failed.ship_pct == expected.ship_pct);
        CHECK(failed.mean_score == expected.mean_score);
        ++compared;
    }
    CHECK(compared == 4);

    // The brief's table gives claude-haiku-open-weights 2 ships of 4 (50%) with the skeptic's skip.
    // Without it: 2 of 3, 67% — a failed seat counted as a skip would still show 50%.
    const panel_verdict haiku = review_tool(*with_failure.seats, *with_failure.tools.find("claude-haiku-open-weights")).verdict;
    CHECK(haiku.ship == 2);
    CHECK(haiku.voting() == 3);
    CHECK(haiku.ship_pct == 67);
}

TEST_CASE("when the quorum is not met, the failed seat is named among the missing seats", "[hosts][panel][quorum]") {
    test::temp_catalog catalog;
    catalog.set_panel(panel_with({{"skeptic", absolute_fixture("wrong_api_version")}}, 4));
    catalog.add_stock_tools();
    const cli::workspace ws = load_catalog_workspace(catalog);

    for (const tool& t : ws.tools.tools) {
        INFO("tool " << t.id);
        const panel_verdict v = review_tool(*ws.seats, t).verdict;
        CHECK_FALSE(v.quorum_met());
        CHECK_FALSE(v.ship_pct.has_value());
        CHECK_THAT(v.missing, VectorContains(std::string("skeptic")));
    }
    // Every other default seat votes on this tool, so the failed seat is the only one missing.
    const panel_verdict haiku = review_tool(*ws.seats, *ws.tools.find("claude-haiku-open-weights")).verdict;
    CHECK(haiku.missing == std::vector<std::string>{"skeptic"});
}

TEST_CASE("one seat failing at load and one failing at review: both fail alone, and the quorum names both",
          "[hosts][panel][review]") {
    test::temp_catalog catalog;
    // The review-failing plugin sits beside panel.json and is named relative to it.
    std::filesystem::create_directories(catalog.path() / "plugins");
    std::filesystem::copy_file(test::fixture_plugin("throwing_review"), catalog.path() / "plugins" / "throwing_review.so");
    catalog.set_panel(panel_with({{"skeptic", absolute_fixture("wrong_api_version")}, {"futurist", "plugins/throwing_review.so"}}));
    catalog.add_stock_tools();
    const cli::workspace ws = load_catalog_workspace(catalog);

    // The futurist's plugin loads; it is only its reviews that fail.
    const seat& futurist = panel_seat(*ws.seats, "futurist");
    CHECK(futurist.loaded);
    CHECK(futurist.failure.empty());

    for (const tool& t : ws.tools.tools) {
        INFO("tool " << t.id);
        const tool_review r = review_tool(*ws.seats, t);
        const seat_review* at_load = seat_in(r, "skeptic");
        const seat_review* at_review = seat_in(r, "futurist");
        REQUIRE(at_load != nullptr);
        REQUIRE(at_review != nullptr);
        CHECK(at_load->outcome() == seat_outcome::failed);
        CHECK_THAT(at_load->failure, Contains("wrong_api_version.so"));
        CHECK(at_review->outcome() == seat_outcome::failed);
        CHECK(at_review->persona_name == "Well Behaved");
        CHECK_THAT(at_review->failure, Contains("plugins/throwing_review.so: review of " + t.id + ": "));
        CHECK_THAT(at_review->failure, Contains("boom: throwing_review cannot make up its mind"));
        for (const seat_review& other : r.seats) {
            if (other.seat == "skeptic" || other.seat == "futurist") continue;
            INFO("seat " << other.seat);
            CHECK(other.result.has_value());
        }
        CHECK(r.verdict.failed == 2);
        // At most two of the stock quorum of three can vote now.
        CHECK_FALSE(r.verdict.quorum_met());
        CHECK_FALSE(r.verdict.ship_pct.has_value());
        CHECK_THAT(r.verdict.missing, VectorContains(std::string("skeptic")));
        CHECK_THAT(r.verdict.missing, VectorContains(std::string("futurist")));
        for (const seat_review& s : r.seats)
            if (s.result && s.result->verdict != verdict_kind::abstain) CHECK_THAT(r.verdict.missing, !VectorContains(s.seat));
    }
}

TEST_CASE("a seat whose plugin returns an invalid review fails on that review, naming the field", "[hosts][panel][review]") {
    const std::pair<const char*, const char*> cases[] = {
        {"nan_score", "score: expected a number from 0 to 100, found NaN"},
        {"bad_verdict", "verdict: expected ship, skip or abstain, found value 7"},
        {"oversized_quote", "quote: expected at most 4000 bytes, found 4001"},
    };
    for (const auto& [plugin, field_message] : cases) {
        DYNAMIC_SECTION(plugin) {
            test::temp_catalog catalog;
            catalog.set_panel(panel_with({{"business", absolute_fixture(plugin)}}));
            catalog.add_stock_tools();
            const cli::workspace ws = load_catalog_workspace(catalog);
            const tool_review r = review_tool(*ws.seats, *ws.tools.find("llama-4-compact-12b"));
            const seat_review* business = seat_in(r, "business");
            REQUIRE(business != nullptr);
            CHECK(business->outcome() == seat_outcome::failed);
            CHECK_FALSE(business->result.has_value());
            CHECK_THAT(business->failure, Contains(std::string(plugin) + ".so: review of llama-4-compact-12b: "));
            CHECK_THAT(business->failure, Contains(field_message));
            // The brief's table has the other three ship here: 3 of 3 still meets the quorum of 3.
            CHECK(r.verdict.failed == 1);
            CHECK(r.verdict.ship == 3);
            CHECK(r.verdict.ship_pct == 100);
        }
    }
}
