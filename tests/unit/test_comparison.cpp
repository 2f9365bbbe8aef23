// Composing a comparison page: the scorecard follows the panel's seat order
// and marks seats that sit on one tool only, the reviewer split groups only
// seats that voted on both, a tool's community gap is flagged from exactly
// the configured number of points, and the page's data date is the latest of
// both tools' dates and votes. Reviews are built directly, without personas.
#include "aggregate/panel_verdict.hpp"
#include "compare/comparison.hpp"
#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

using names = std::vector<std::string>;

tool named(const std::string& id, const std::string& name, const std::string& updated) {
    tool t;
    t.id = id;
    t.name = name;
    t.updated = updated;
    return t;
}

seat_review voted(const std::string& seat, verdict_kind kind, double score = 60) {
    seat_review r;
    r.seat = seat;
    r.result = review{kind, score, "A quote.", {}, {}, {}};
    return r;
}
seat_review ship(const std::string& seat, double score = 70) { return voted(seat, verdict_kind::ship, score); }
seat_review skip(const std::string& seat, double score = 40) { return voted(seat, verdict_kind::skip, score); }
seat_review abstain(const std::string& seat) { return voted(seat, verdict_kind::abstain, 0); }
seat_review failed(const std::string& seat) {
    seat_review r;
    r.seat = seat;
    r.failure = "personas/" + seat + ".so: cannot be loaded";
    return r;
}

tool_review review_of(const tool& t, std::vector<seat_review> seats, int quorum = 1) {
    tool_review r{&t, std::move(seats), {}, {}};
    r.verdict = aggregate(r.seats, quorum, "2026.11-1");
    return r;
}

panel_config panel_of(const names& seat_ids, community_rules rules = {10, 40}) {
    panel_config config;
    config.rule_set = "2026.11-1";
    config.quorum = 1;
    config.community = rules;
    for (const std::string& id : seat_ids) {
        seat_config seat;
        seat.id = id;
        config.seats.push_back(seat);
    }
    return config;
}

std::string state_names(const scorecard_row& row) {
    return std::string(name_of(row.cells[0].state)) + "/" + std::string(name_of(row.cells[1].state));
}

// `voters` votes on `id`, `ship` of them ship, the latest at `latest`.
void give_votes(community_votes& votes, const std::string& id, int voters, int ship, const char* latest) {
    votes.by_tool[id] = community_tally{voters, ship, parse_iso_timestamp(latest)};
}

}  // namespace

TEST_CASE("the scorecard follows the panel's seat order, skips seats on neither panel, and pairs lone seats", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool beta = named("beta", "Beta", "2026-11-01");
    // Each tool lists its seats in its own order; the page must not follow either.
    const tool_review left = review_of(alpha, {ship("investor"), ship("creator"), abstain("business"), ship("analyst"), skip("skeptic"),
                                               ship("developer")});
    const tool_review right = review_of(beta, {failed("creator"), ship("futurist"), skip("skeptic"), skip("developer"), ship("analyst"),
                                               skip("investor")});
    const panel_config config = panel_of({"developer", "skeptic", "futurist", "business", "early_adopter", "creator", "analyst", "investor"});
    const community_votes no_votes;
    const comparison c = compose(make_page_tool(left, no_votes, config.community), make_page_tool(right, no_votes, config.community), config);

    std::vector<std::string> titles;
    std::vector<std::string> states;
    std::vector<bool> disagree;
    for (const scorecard_row& row : c.scorecard) {
        titles.push_back(row_title(row));
        states.push_back(state_names(row));
        disagree.push_back(row.disagree);
    }
    // Futurist sits only on Beta's panel and business only on Alpha's: as on the reference pages, they share a row,
    // placed where the first of them comes in the panel's order.
    CHECK(titles == names{"Developer", "Skeptic", "Business · Futurist", "Creator", "Analyst", "Investor"});
    CHECK(states == names{"ship/skip", "skip/skip", "abstain/ship", "ship/failed", "ship/ship", "ship/skip"});
    CHECK(disagree == std::vector<bool>{true, false, false, false, false, true});
    REQUIRE(c.scorecard.size() == 6);
    CHECK(c.scorecard[2].paired());
    CHECK_FALSE(c.scorecard[3].paired());

    // Each cell points at that tool's own seat review.
    CHECK(c.scorecard[0].cells[0].review == &left.seats[5]);
    CHECK(c.scorecard[0].cells[1].review == &right.seats[3]);
    CHECK(c.scorecard[2].cells[0].review == &left.seats[2]);
    CHECK(c.scorecard[2].cells[1].review == &right.seats[1]);
    CHECK(c.scorecard[3].cells[1].review == &right.seats[0]);
}

TEST_CASE("a seat only one tool has, with no partner on the other, stands beside \"not on this panel\"", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool beta = named("beta", "Beta", "2026-11-01");
    const tool_review left = review_of(alpha, {ship("developer"), ship("business"), skip("creator")});
    const tool_review right = review_of(beta, {ship("developer"), ship("futurist")});
    const panel_config config = panel_of({"developer", "futurist", "business", "creator"});
    const community_votes no_votes;
    const comparison c = compose(make_page_tool(left, no_votes, config.community), make_page_tool(right, no_votes, config.community), config);
    REQUIRE(c.scorecard.size() == 3);
    CHECK(row_title(c.scorecard[1]) == "Business · Futurist");
    CHECK(row_title(c.scorecard[2]) == "Creator");
    CHECK(state_names(c.scorecard[2]) == "skip/not_seated");
    CHECK(c.scorecard[2].cells[1].seat == "creator");
    // The split still weighs seat by seat: none of the lone seats is comparable.
    CHECK(c.split.not_comparable == names{"futurist", "business", "creator"});
}

TEST_CASE("a seat disagrees only when it voted ship on one tool and skip on the other", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool beta = named("beta", "Beta", "2026-11-01");
    const tool_review left = review_of(alpha, {ship("a"), skip("b"), ship("c"), abstain("d"), failed("e"), ship("f")});
    const tool_review right = review_of(beta, {skip("a"), ship("b"), abstain("c"), ship("d"), skip("e")});
    const panel_config config = panel_of({"a", "b", "c", "d", "e", "f"});
    const community_votes no_votes;
    const comparison c = compose(make_page_tool(left, no_votes, config.community), make_page_tool(right, no_votes, config.community), config);
    std::vector<bool> disagree;
    for (const scorecard_row& row : c.scorecard) disagree.push_back(row.disagree);
    // a: ship/skip, b: skip/ship, c: ship/abstain, d: abstain/ship, e: failed/skip, f: ship/not seated.
    CHECK(disagree == std::vector<bool>{true, true, false, false, false, false});
}

TEST_CASE("the reviewer split groups only seats that voted on both tools", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool beta = named("beta", "Beta", "2026-11-01");
    const tool_review left = review_of(alpha, {ship("developer"), skip("skeptic"), abstain("business"), ship("creator"), ship("analyst"),
                                               skip("investor"), ship("critic"), skip("editor")});
    const tool_review right = review_of(beta, {skip("developer"), skip("skeptic"), ship("futurist"), failed("creator"), ship("analyst"),
                                               ship("investor"), ship("critic"), skip("editor")});
    const panel_config config = panel_of({"developer", "skeptic", "futurist", "business", "creator", "analyst", "investor", "critic", "editor"});
    const community_votes no_votes;
    const comparison c = compose(make_page_tool(left, no_votes, config.community), make_page_tool(right, no_votes, config.community), config);
    CHECK(c.split.ship_both == names{"analyst", "critic"});
    CHECK(c.split.ship_only[0] == names{"developer"});
    CHECK(c.split.ship_only[1] == names{"investor"});
    CHECK(c.split.skip_both == names{"skeptic", "editor"});
    CHECK(c.split.not_comparable == names{"futurist", "business", "creator"});
}

TEST_CASE("a page tool's community gap is community minus panel, sharp from exactly the configured points", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool_review all_ship = review_of(alpha, {ship("a"), ship("b")});   // panel 100%
    const community_rules rules{10, 40};
    community_votes votes;

    give_votes(votes, "alpha", 10, 6, "2026-11-02T10:00:00Z");   // 60%: 40 points below
    page_tool t = make_page_tool(all_ship, votes, rules);
    CHECK(t.review == &all_ship);
    CHECK(t.community.ship_pct == std::optional<int>(60));
    CHECK(t.community_gap == std::optional<int>(-40));
    CHECK(t.sharp_disagreement);

    give_votes(votes, "alpha", 100, 61, "2026-11-02T10:00:00Z");   // 61%: 39 points below
    t = make_page_tool(all_ship, votes, rules);
    CHECK(t.community_gap == std::optional<int>(-39));
    CHECK_FALSE(t.sharp_disagreement);

    const tool_review none_ship = review_of(alpha, {skip("a"), skip("b")});   // panel 0%
    give_votes(votes, "alpha", 10, 4, "2026-11-02T10:00:00Z");              // 40%: 40 points above
    t = make_page_tool(none_ship, votes, rules);
    CHECK(t.community_gap == std::optional<int>(40));
    CHECK(t.sharp_disagreement);

    give_votes(votes, "alpha", 100, 39, "2026-11-02T10:00:00Z");
    t = make_page_tool(none_ship, votes, rules);
    CHECK(t.community_gap == std::optional<int>(39));
    CHECK_FALSE(t.sharp_disagreement);
}

TEST_CASE("no community gap without both a community and a panel percentage", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const community_rules rules{10, 40};
    community_votes votes;

    SECTION("too few voters") {
        const tool_review r = review_of(alpha, {ship("a")});
        give_votes(votes, "alpha", 9, 0, "2026-11-02T10:00:00Z");
        const page_tool t = make_page_tool(r, votes, rules);
        CHECK(t.community.voters == 9);
        CHECK_FALSE(t.community.ship_pct.has_value());
        CHECK_FALSE(t.community_gap.has_value());
        CHECK_FALSE(t.sharp_disagreement);
    }
    SECTION("no votes at all") {
        const tool_review r = review_of(alpha, {ship("a")});
        const page_tool t = make_page_tool(r, votes, rules);
        CHECK(t.community.voters == 0);
        CHECK(t.community.min_voters == 10);
        CHECK_FALSE(t.community_gap.has_value());
        CHECK_FALSE(t.sharp_disagreement);
    }
    SECTION("a panel short of its quorum") {
        const tool_review r = review_of(alpha, {ship("a"), abstain("b")}, 2);
        give_votes(votes, "alpha", 10, 0, "2026-11-02T10:00:00Z");
        const page_tool t = make_page_tool(r, votes, rules);
        CHECK(t.community.ship_pct == std::optional<int>(0));
        CHECK_FALSE(t.community_gap.has_value());
        CHECK_FALSE(t.sharp_disagreement);
    }
}

TEST_CASE("a page tool finds its votes by its own id", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool_review r = review_of(alpha, {ship("a")});
    community_votes votes;
    give_votes(votes, "alpha-two", 50, 50, "2026-11-02T10:00:00Z");
    give_votes(votes, "alpha", 20, 5, "2026-11-03T10:00:00Z");
    const page_tool t = make_page_tool(r, votes, community_rules{10, 40});
    CHECK(t.community.voters == 20);
    CHECK(t.community.ship == 5);
    CHECK(t.community.ship_pct == std::optional<int>(25));
    CHECK(t.community.latest_date == std::optional<std::string>("2026-11-03"));
    CHECK(t.community_gap == std::optional<int>(-75));
}

TEST_CASE("the data date is the latest of both tools' dates and latest votes", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool beta = named("beta", "Beta", "2026-10-15");
    const tool_review left = review_of(alpha, {ship("developer")});
    const tool_review right = review_of(beta, {skip("developer")});
    const panel_config config = panel_of({"developer"});

    SECTION("no votes: the later updated date") {
        const community_votes votes;
        const comparison c = compose(make_page_tool(left, votes, config.community), make_page_tool(right, votes, config.community), config);
        CHECK(c.data_date == "2026-11-01");
    }
    SECTION("a vote later than both dates, on the tool updated earlier, as its UTC date") {
        community_votes votes;
        give_votes(votes, "alpha", 3, 1, "2026-11-20T08:00:00Z");
        give_votes(votes, "beta", 2, 2, "2026-12-02T23:30:00-03:00");   // 2026-12-03 in UTC
        const page_tool l = make_page_tool(left, votes, config.community);
        const page_tool r = make_page_tool(right, votes, config.community);
        CHECK(data_date_of(l) == "2026-11-20");
        CHECK(data_date_of(r) == "2026-12-03");
        CHECK(compose(l, r, config).data_date == "2026-12-03");
        CHECK(compose(r, l, config).data_date == "2026-12-03");
    }
    SECTION("a vote older than the tool's date does not move it back") {
        community_votes votes;
        give_votes(votes, "alpha", 3, 1, "2026-09-01T08:00:00Z");
        const page_tool l = make_page_tool(left, votes, config.community);
        CHECK(data_date_of(l) == "2026-11-01");
        CHECK(compose(l, make_page_tool(right, votes, config.community), config).data_date == "2026-11-01");
    }
}

TEST_CASE("a composed page carries the pick, the title, the rule set and the disagreement points", "[unit][compare]") {
    const tool alpha = named("alpha", "Alpha", "2026-11-01");
    const tool beta = named("beta", "Beta", "2026-11-01");
    const tool_review left = review_of(alpha, {ship("developer"), skip("skeptic")});
    const tool_review right = review_of(beta, {ship("developer"), ship("skeptic")});
    const panel_config config = panel_of({"developer", "skeptic"}, community_rules{5, 25});
    const community_votes votes;
    const page_tool l = make_page_tool(left, votes, config.community);
    const page_tool r = make_page_tool(right, votes, config.community);
    const comparison c = compose(l, r, config);
    CHECK(c.title() == "Alpha vs Beta");
    CHECK(c.rule_set == "2026.11-1");
    CHECK(c.disagreement_points == 25);
    CHECK(c.tools[0].review == &left);
    CHECK(c.tools[1].review == &right);
    CHECK(c.tools[0].community.min_voters == 5);
    CHECK(c.choice.winner == std::optional<std::size_t>(1));
    CHECK(c.choice.decided_by == pick_rule::panel_ship_pct);
    CHECK(c.choice.reason == "Beta has the higher panel ship %: 100% (2/2) against 50% (1/2) for Alpha.");
}
