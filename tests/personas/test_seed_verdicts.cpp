// The brief's table of verdicts, reproduced by the real stock plugins from
// the shipped catalog's facts. The table below is the brief's, copied as the
// expectation; the personas never see it.
#include "support/stock_workspace.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

struct expected_row {
    const char* id;
    const char* developer;
    const char* skeptic;
    const char* futurist;
    const char* business;
    const char* creator;
    int panel_pct;
    const char* fraction;
};

const expected_row brief_table[] = {
    {"claude-haiku-open-weights", "ship", "skip", "ship", "skip", "-", 50, "2/4"},
    {"modal-gpu-serverless-inference", "ship", "ship", "ship", "ship", "-", 100, "4/4"},
    {"claw-code", "ship", "skip", "ship", "-", "ship", 75, "3/4"},
    {"llama-4-compact-12b", "ship", "ship", "ship", "ship", "-", 100, "4/4"},
    {"llama-4-scout-quantized", "ship", "ship", "ship", "ship", "-", 100, "4/4"},
};

}  // namespace

TEST_CASE("the stock personas reproduce the brief's verdict table on the shipped catalog", "[personas][seeds]") {
    auto ws = test::load_stock_workspace();
    REQUIRE(ws.problems.empty());
    REQUIRE(ws.tools.tools.size() == 5);
    for (const expected_row& row : brief_table) {
        INFO("tool " << row.id);
        const tool* t = ws.tools.find(row.id);
        REQUIRE(t != nullptr);
        const tool_review r = review_tool(*ws.seats, *t);
        CHECK(test::outcome_of(r, "developer") == row.developer);
        CHECK(test::outcome_of(r, "skeptic") == row.skeptic);
        CHECK(test::outcome_of(r, "futurist") == row.futurist);
        CHECK(test::outcome_of(r, "business") == row.business);
        CHECK(test::outcome_of(r, "creator") == row.creator);
        REQUIRE(r.verdict.ship_pct.has_value());
        CHECK(*r.verdict.ship_pct == row.panel_pct);
        CHECK(std::to_string(r.verdict.ship) + "/" + std::to_string(r.verdict.voting()) == row.fraction);
    }
}

TEST_CASE("every stock review's receipt adds up from the base and its verdict follows the threshold", "[personas][receipt]") {
    auto ws = test::load_stock_workspace();
    for (const tool& t : ws.tools.tools) {
        for (const seat_review& s : review_tool(*ws.seats, t).seats) {
            INFO(t.id << " / " << s.seat);
            REQUIRE(s.result.has_value());
            REQUIRE(s.base.has_value());
            double total = *s.base;
            for (const reason& each : s.result->reasons) total += each.points;
            CHECK(total == Approx(s.result->score));
            CHECK((s.result->verdict == verdict_kind::ship) == (s.result->score >= *s.threshold));
        }
    }
}
