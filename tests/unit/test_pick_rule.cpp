// The pick rule, level by level: panel ship %, then the mean panel score as
// pages print it (to a tenth), then the community ship %, else a tie. Each
// case builds the two tools' panel verdicts and community scores directly, so
// the level that decides is the only thing that differs, and checks the
// reason sentence word for word, since pages print it as it is.
#include "aggregate/panel_verdict.hpp"
#include "compare/comparison.hpp"
#include "compare/pick_rule.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

tool named(const std::string& id, const std::string& name) {
    tool t;
    t.id = id;
    t.name = name;
    t.updated = "2026-11-01";
    return t;
}

seat_review voted(const std::string& seat, verdict_kind kind, double score) {
    seat_review r;
    r.seat = seat;
    r.result = review{kind, score, "A quote.", {}, {}, {}};
    return r;
}

// `ships` ship seats then `skips` skip seats, every score `score`.
std::vector<seat_review> seats(int ships, int skips, double score = 70) {
    std::vector<seat_review> out;
    for (int i = 0; i < ships + skips; ++i) out.push_back(voted("s" + std::to_string(i + 1), i < ships ? verdict_kind::ship : verdict_kind::skip, score));
    return out;
}

// One tool on a page: its review (kept alive here, since page_tool points at it) and its community score.
struct side {
    tool subject;
    tool_review review;
    page_tool page;

    side(const std::string& id, const std::string& name, std::vector<seat_review> reviews, int quorum = 1)
        : subject(named(id, name)), review{&subject, std::move(reviews), {}, {}} {
        review.verdict = aggregate(review.seats, quorum, "2026.11-1");
        page.review = &review;
    }
    side(const side&) = delete;

    // Gives the tool `voters` community votes of which `ship` ship, under a minimum of 10 voters.
    void community(int voters, int ship) {
        const community_tally t{voters, ship, std::nullopt};
        page.community = score_community(&t, community_rules{10, 40});
    }
};

}  // namespace

TEST_CASE("the higher panel ship percentage wins, whichever side it is on", "[unit][pick]") {
    side alpha("alpha", "Alpha", seats(3, 1));
    side beta("beta", "Beta", seats(2, 2));
    const pick left_wins = choose(alpha.page, beta.page);
    CHECK(left_wins.winner == std::optional<std::size_t>(0));
    CHECK(left_wins.decided_by == pick_rule::panel_ship_pct);
    CHECK(left_wins.reason == "Alpha has the higher panel ship %: 75% (3/4) against 50% (2/4) for Beta.");

    const pick right_wins = choose(beta.page, alpha.page);
    CHECK(right_wins.winner == std::optional<std::size_t>(1));
    CHECK(right_wins.decided_by == pick_rule::panel_ship_pct);
    CHECK(right_wins.reason == "Alpha has the higher panel ship %: 75% (3/4) against 50% (2/4) for Beta.");
}

TEST_CASE("the panel ship percentage decides before a lower mean score or community percentage", "[unit][pick]") {
    side alpha("alpha", "Alpha", seats(2, 1, 61));   // 67%, mean 61
    side beta("beta", "Beta", seats(1, 1, 90));      // 50%, mean 90
    alpha.community(10, 0);
    beta.community(10, 10);
    const pick p = choose(alpha.page, beta.page);
    CHECK(p.winner == std::optional<std::size_t>(0));
    CHECK(p.decided_by == pick_rule::panel_ship_pct);
    CHECK(p.reason == "Alpha has the higher panel ship %: 67% (2/3) against 50% (1/2) for Beta.");
}

TEST_CASE("an equal panel ship percentage passes to the mean score", "[unit][pick]") {
    side alpha("alpha", "Alpha", {voted("a", verdict_kind::ship, 80), voted("b", verdict_kind::skip, 40)});   // 50%, mean 60
    side beta("beta", "Beta", {voted("a", verdict_kind::ship, 75), voted("b", verdict_kind::skip, 44),
                               voted("c", verdict_kind::ship, 76), voted("d", verdict_kind::skip, 55)});        // 50%, mean 62.5
    const pick p = choose(alpha.page, beta.page);
    CHECK(p.winner == std::optional<std::size_t>(1));
    CHECK(p.decided_by == pick_rule::mean_score);
    CHECK(p.reason == "The panel ship % is level at 50% (1/2) and 50% (2/4); Beta has the higher mean panel score: 62.5 against 60 for Alpha.");
}

TEST_CASE("mean scores are compared as pages show them, to one decimal", "[unit][pick]") {
    SECTION("72.46 and 72.5 both show as 72.5: level, so the community decides") {
        side alpha("alpha", "Alpha", {voted("a", verdict_kind::ship, 72.46)});
        side beta("beta", "Beta", {voted("a", verdict_kind::ship, 72.5)});
        alpha.community(10, 8);
        beta.community(12, 6);
        const pick p = choose(alpha.page, beta.page);
        CHECK(p.winner == std::optional<std::size_t>(0));
        CHECK(p.decided_by == pick_rule::community_score);
        CHECK(p.reason == "The panel ship % is level at 100% (1/1) and 100% (1/1); the mean panel score is level at 72.5 and 72.5; "
                          "Alpha has the higher community ship %: 80% (10 voters) against 50% (12 voters) for Beta.");
    }
    SECTION("72.44 shows as 72.4, a tenth below 72.5: the mean decides") {
        side alpha("alpha", "Alpha", {voted("a", verdict_kind::ship, 72.44)});
        side beta("beta", "Beta", {voted("a", verdict_kind::ship, 72.5)});
        alpha.community(10, 10);
        const pick p = choose(alpha.page, beta.page);
        CHECK(p.winner == std::optional<std::size_t>(1));
        CHECK(p.decided_by == pick_rule::mean_score);
        CHECK(p.reason == "The panel ship % is level at 100% (1/1) and 100% (1/1); Beta has the higher mean panel score: 72.5 against 72.4 for Alpha.");
    }
}

TEST_CASE("equal panel results pass to the community ship percentage", "[unit][pick]") {
    side alpha("alpha", "Alpha", seats(2, 1));
    side beta("beta", "Beta", seats(2, 1));
    alpha.community(20, 11);   // 55%
    beta.community(31, 19);    // 61%
    const pick p = choose(alpha.page, beta.page);
    CHECK(p.winner == std::optional<std::size_t>(1));
    CHECK(p.decided_by == pick_rule::community_score);
    CHECK(p.reason == "The panel ship % is level at 67% (2/3) and 67% (2/3); the mean panel score is level at 70 and 70; "
                      "Beta has the higher community ship %: 61% (31 voters) against 55% (20 voters) for Alpha.");
}

TEST_CASE("a community below the minimum number of voters cannot decide", "[unit][pick]") {
    SECTION("on one side") {
        side alpha("alpha", "Alpha", seats(1, 0));
        side beta("beta", "Beta", seats(1, 0));
        alpha.community(9, 9);     // one short of 10: no percentage
        beta.community(10, 1);
        const pick p = choose(alpha.page, beta.page);
        CHECK_FALSE(p.winner.has_value());
        CHECK(p.decided_by == pick_rule::tie);
        CHECK(p.reason == "A tie: the panel ship % is level at 100% (1/1) and 100% (1/1); the mean panel score is level at 70 and 70; "
                          "Alpha has no community ship %.");
    }
    SECTION("on both sides") {
        side alpha("alpha", "Alpha", seats(1, 0));
        side beta("beta", "Beta", seats(1, 0));
        alpha.community(3, 3);
        const pick p = choose(alpha.page, beta.page);   // Beta has no votes at all
        CHECK_FALSE(p.winner.has_value());
        CHECK(p.decided_by == pick_rule::tie);
        CHECK(p.reason == "A tie: the panel ship % is level at 100% (1/1) and 100% (1/1); the mean panel score is level at 70 and 70; "
                          "neither tool has a community ship %.");
    }
}

TEST_CASE("a panel that reached a verdict is picked over one short of its quorum, whatever the means", "[unit][pick]") {
    side alpha("alpha", "Alpha", seats(1, 1, 80), 3);   // 2 voted, quorum 3: no %
    side beta("beta", "Beta", seats(3, 0, 70), 3);
    const pick p = choose(alpha.page, beta.page);
    CHECK(p.winner == std::optional<std::size_t>(1));
    CHECK(p.decided_by == pick_rule::panel_ship_pct);
    CHECK(p.reason == "Beta's panel reached a verdict, 100% ship; Alpha's panel did not (insufficient: 2 voted, quorum 3).");
}

TEST_CASE("when neither panel reached a verdict there is nothing to pick: the community does not decide alone", "[unit][pick]") {
    side alpha("alpha", "Alpha", {});
    side beta("beta", "Beta", {});
    alpha.community(10, 3);
    beta.community(10, 4);
    const pick p = choose(alpha.page, beta.page);
    CHECK_FALSE(p.winner.has_value());
    CHECK(p.decided_by == pick_rule::tie);
    CHECK(p.reason == "A tie: neither panel reached a verdict (insufficient: 0 voted, quorum 1; insufficient: 0 voted, quorum 1).");
}

TEST_CASE("when no level separates the tools it is a tie with no winner", "[unit][pick]") {
    side alpha("alpha", "Alpha", seats(3, 1, 65));
    side beta("beta", "Beta", seats(3, 1, 65));
    alpha.community(40, 10);
    beta.community(20, 5);
    const pick p = choose(alpha.page, beta.page);
    CHECK_FALSE(p.winner.has_value());
    CHECK(p.decided_by == pick_rule::tie);
    CHECK(p.reason.rfind("A tie", 0) == 0);
    CHECK(p.reason == "A tie: the panel ship % is level at 75% (3/4) and 75% (3/4); the mean panel score is level at 65 and 65; "
                      "the community ship % is level at 25% (40 voters) and 25% (20 voters).");
}

TEST_CASE("the pick rule's levels have stable names and labels", "[unit][pick]") {
    CHECK(name_of(pick_rule::panel_ship_pct) == "panel_ship_pct");
    CHECK(name_of(pick_rule::mean_score) == "mean_score");
    CHECK(name_of(pick_rule::community_score) == "community_score");
    CHECK(name_of(pick_rule::tie) == "tie");
    CHECK(label_of(pick_rule::panel_ship_pct) == "panel ship %");
    CHECK(label_of(pick_rule::mean_score) == "mean panel score");
    CHECK(label_of(pick_rule::community_score) == "community ship %");
    CHECK(label_of(pick_rule::tie) == "tie");
}
