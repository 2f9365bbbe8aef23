// From seat reviews to a panel verdict: the ship % is a share of the seats
// that voted, rounded half-up on exact integers; abstaining and failed seats
// count toward neither the % nor the mean; a missed quorum withholds the %
// and names the seats that did not vote; a shadow seat counts for nothing.
#include "aggregate/panel_verdict.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

seat_review voted(const std::string& seat, verdict_kind kind, double score) {
    seat_review r;
    r.seat = seat;
    r.result = review{kind, score, "A quote.", {}, {}, {}};
    return r;
}

seat_review ship(const std::string& seat, double score = 70) { return voted(seat, verdict_kind::ship, score); }
seat_review skip(const std::string& seat, double score = 40) { return voted(seat, verdict_kind::skip, score); }
seat_review abstain(const std::string& seat, double score = 0) { return voted(seat, verdict_kind::abstain, score); }

seat_review as_shadow(seat_review r) {
    r.shadow = true;
    return r;
}

seat_review failed(const std::string& seat) {
    seat_review r;
    r.seat = seat;
    r.failure = "personas/" + seat + ".so: cannot be loaded";
    return r;
}

// `ships` ship votes and `skips` skip votes, seats named s1, s2, ...
std::vector<seat_review> votes(int ships, int skips) {
    std::vector<seat_review> out;
    for (int i = 0; i < ships + skips; ++i) out.push_back(voted("s" + std::to_string(i + 1), i < ships ? verdict_kind::ship : verdict_kind::skip, 50));
    return out;
}

}  // namespace

TEST_CASE("three of four seats shipping is 75 percent", "[unit][aggregate]") {
    const panel_verdict v = aggregate({ship("developer"), ship("skeptic"), ship("futurist"), skip("business")}, 3, "2026.11-1");
    CHECK(v.ship == 3);
    CHECK(v.skip == 1);
    CHECK(v.voting() == 4);
    CHECK(v.quorum == 3);
    CHECK(v.rule_set == "2026.11-1");
    CHECK(v.quorum_met());
    CHECK(v.ship_pct == std::optional<int>(75));
    CHECK(v.missing.empty());
}

TEST_CASE("the ship percentage rounds half up on exact integers", "[unit][aggregate]") {
    CHECK(aggregate(votes(2, 1), 1, "r").ship_pct == std::optional<int>(67));   // 66.67
    CHECK(aggregate(votes(1, 2), 1, "r").ship_pct == std::optional<int>(33));   // 33.33
    CHECK(aggregate(votes(1, 7), 1, "r").ship_pct == std::optional<int>(13));   // 12.5 exactly: half goes up
    CHECK(aggregate(votes(5, 3), 1, "r").ship_pct == std::optional<int>(63));   // 62.5 exactly
    CHECK(aggregate(votes(1, 1), 1, "r").ship_pct == std::optional<int>(50));
    CHECK(aggregate(votes(0, 3), 1, "r").ship_pct == std::optional<int>(0));
    CHECK(aggregate(votes(3, 0), 1, "r").ship_pct == std::optional<int>(100));
    // 1 of 200 is 0.5: the smallest share that must still show as 1%.
    CHECK(aggregate(votes(1, 199), 1, "r").ship_pct == std::optional<int>(1));
}

TEST_CASE("abstaining and failed seats count toward neither the percentage nor the mean", "[unit][aggregate]") {
    const std::vector<seat_review> reviews{ship("developer", 80), abstain("skeptic", 10), skip("futurist", 40), failed("business"),
                                           ship("creator", 66)};
    const panel_verdict v = aggregate(reviews, 3, "r");
    CHECK(v.ship == 2);
    CHECK(v.skip == 1);
    CHECK(v.abstain == 1);
    CHECK(v.failed == 1);
    CHECK(v.voting() == 3);
    CHECK(v.ship_pct == std::optional<int>(67));   // 2 of 3 voters, not 2 of 5 seats
    REQUIRE(v.mean_score);
    CHECK(*v.mean_score == Approx(62.0));           // (80 + 40 + 66) / 3; the abstainer's 10 is left out
    CHECK(v.missing.empty());                      // quorum met: nothing is missing
}

TEST_CASE("a missed quorum gives no percentage and names the seats that did not vote, in order", "[unit][aggregate]") {
    const std::vector<seat_review> reviews{ship("developer", 70), abstain("skeptic"), failed("futurist"), skip("business", 50)};
    const panel_verdict v = aggregate(reviews, 3, "r");
    CHECK_FALSE(v.quorum_met());
    CHECK_FALSE(v.ship_pct.has_value());
    CHECK(v.missing == std::vector<std::string>{"skeptic", "futurist"});
    REQUIRE(v.mean_score);                         // the voters' mean is still known
    CHECK(*v.mean_score == Approx(60.0));
}

TEST_CASE("exactly the quorum of voters is enough", "[unit][aggregate]") {
    const panel_verdict v = aggregate({ship("developer"), skip("skeptic"), ship("futurist"), abstain("business")}, 3, "r");
    CHECK(v.quorum_met());
    CHECK(v.ship_pct == std::optional<int>(67));
    CHECK(v.missing.empty());
}

TEST_CASE("with no voters there is neither a percentage nor a mean", "[unit][aggregate]") {
    const panel_verdict all_abstain = aggregate({abstain("developer"), abstain("skeptic"), failed("futurist")}, 1, "r");
    CHECK(all_abstain.voting() == 0);
    CHECK_FALSE(all_abstain.ship_pct.has_value());
    CHECK_FALSE(all_abstain.mean_score.has_value());
    CHECK(all_abstain.missing == std::vector<std::string>{"developer", "skeptic", "futurist"});

    const panel_verdict nobody = aggregate({}, 1, "r");
    CHECK(nobody.voting() == 0);
    CHECK_FALSE(nobody.ship_pct.has_value());
    CHECK_FALSE(nobody.mean_score.has_value());
    CHECK(nobody.missing.empty());
}

TEST_CASE("the mean score is the plain mean of the voters' scores", "[unit][aggregate]") {
    const panel_verdict v = aggregate({ship("developer", 70), skip("skeptic", 55), ship("futurist", 62.5)}, 3, "r");
    REQUIRE(v.mean_score);
    CHECK(*v.mean_score == Approx(62.5));
    const panel_verdict one = aggregate({skip("skeptic", 35)}, 1, "r");
    REQUIRE(one.mean_score);
    CHECK(*one.mean_score == Approx(35.0));
}

TEST_CASE("a seat's outcome follows its verdict, and a seat without a review has failed", "[unit][aggregate]") {
    CHECK(ship("a").outcome() == seat_outcome::ship);
    CHECK(skip("a").outcome() == seat_outcome::skip);
    CHECK(abstain("a").outcome() == seat_outcome::abstain);
    CHECK(failed("a").outcome() == seat_outcome::failed);
}

TEST_CASE("a shadow seat is neither a voter nor missing, whatever it says", "[unit][aggregate]") {
    const std::vector<seat_review> counted{ship("developer", 80), skip("skeptic", 30), ship("futurist", 70)};
    const panel_verdict without = aggregate(counted, 3, "r");
    for (const seat_review& shadow : {as_shadow(skip("trial", 5)), as_shadow(ship("trial", 95)), as_shadow(abstain("trial")), as_shadow(failed("trial"))}) {
        std::vector<seat_review> reviews = counted;
        reviews.insert(reviews.begin() + 1, shadow);
        INFO("shadow outcome " << static_cast<int>(shadow.outcome()));
        CHECK(aggregate(reviews, 3, "r") == without);
    }
    // Nor does it make up a missed quorum.
    const panel_verdict short_one = aggregate({ship("developer"), skip("skeptic"), as_shadow(ship("trial"))}, 3, "r");
    CHECK_FALSE(short_one.ship_pct.has_value());
    CHECK(short_one.voting() == 2);
    CHECK(short_one.missing.empty());
}
