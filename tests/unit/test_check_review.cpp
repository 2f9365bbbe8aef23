// check_review, the rule every review passes before a panel counts it: the
// receipt adds up, each reason is a declared rule giving its weight once, a
// clamp is only ever the scorecard's own, and a quote given sentence by
// sentence has a source for each sentence.
#include "verdict/review.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

settings two_rules() {
    settings s;
    s.base = 50;
    s.threshold = 60;
    s.weights = {{"open", 30}, {"fast", 40}};
    return s;
}

std::string refusal(const review& r, const settings& s) {
    try {
        check_review(r, s);
    } catch (const invalid_review& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the scorecard's own clamp passes, and a clamp it did not make is refused", "[unit][review]") {
    const settings s = two_rules();
    scorecard card(s);
    card.rule("open", "licence.open_source", "true", true, "Open.");
    card.rule("fast", "performance", "fast", true, "Fast.");
    const review clamped = card.finish("Capped at 100.");
    REQUIRE(clamped.reasons.size() == 3);
    CHECK(clamped.reasons.back().rule == "clamp");
    CHECK(clamped.reasons.back().points == -20);
    CHECK(refusal(clamped, s).empty());

    review invented{verdict_kind::ship, 97, "Clamped up, somehow.", {{"clamp", 47, "score", "50", "Clamped."}}, {}, {}};
    CHECK_THAT(refusal(invented, s), Contains("reasons[0]: expected a clamp only of a total past 0 or 100 to that bound"));
    review overshooting = clamped;
    overshooting.reasons.back().points = -10;
    overshooting.score = 110;
    CHECK_THAT(refusal(overshooting, s), Contains("score: expected a number from 0 to 100, found 110"));
    review not_last = clamped;
    std::swap(not_last.reasons[1], not_last.reasons[2]);
    CHECK_THAT(refusal(not_last, s), Contains("reasons[1].rule: expected a rule declared in the persona's weights, found \"clamp\""));
}

TEST_CASE("a rule gives its points once: the scorecard refuses to fire it twice, and check_review refuses a repeat", "[unit][review]") {
    const settings s = two_rules();
    scorecard card(s);
    card.rule("open", "licence.open_source", "true", true, "Open.");
    CHECK_THROWS_WITH(card.rule("open", "licence.open_weights", "true", true, "Open again."), "rule \"open\" fired twice in one review");
    const review twice{verdict_kind::ship, 100, "Twice as open.", {{"open", 30, "a", "true", "Open."}, {"open", 30, "b", "true", "Again."}}, {}, {}};
    CHECK_THAT(refusal(twice, s), Contains("reasons[1].rule: expected each rule once, found \"open\" again"));
}

TEST_CASE("reason texts have a limit, and a review cannot carry more reasons than rules and a clamp", "[unit][review]") {
    const settings s = two_rules();
    const review long_why{verdict_kind::ship, 80, "Long.", {{"open", 30, "a", "true", std::string(max_reason_text_bytes + 1, 'x')}}, {}, {}};
    CHECK_THAT(refusal(long_why, s), Contains("reasons[0].why: expected at most 16384 bytes, found 16385"));
    review crowded{verdict_kind::ship, 100, "Crowded.", std::vector<reason>(4, reason{"open", 30, "a", "true", "Open."}), {}, {}};
    CHECK_THAT(refusal(crowded, s), Contains("reasons: expected at most one per rule (2) and a clamp, found 4"));
}

TEST_CASE("the scorecard records every rule it weighed, fired or not, and check_review holds the checks to the reasons", "[unit][review]") {
    const settings s = two_rules();
    scorecard card(s);
    card.rule("open", "licence.open_source", "false", false, "Open.");
    card.rule("fast", "performance", "fast", true, "Fast.");
    CHECK_THROWS_WITH(card.rule("slow", "performance", "fast", false, "Slow."), "no weight declared for rule \"slow\"");
    const review made = card.finish("Fast, not open.");
    REQUIRE(made.checks.size() == 2);
    CHECK(made.checks[0] == rule_check{"open", "licence.open_source", "false", false});
    CHECK(made.checks[1] == rule_check{"fast", "performance", "fast", true});
    CHECK(made.reasons.size() == 1);
    CHECK(refusal(made, s).empty());

    review unmatched = made;
    unmatched.checks[0].fired = true;
    CHECK_THAT(refusal(unmatched, s), Contains("checks[0]: expected a fired rule to be the next reason, found \"open\" with reason \"fast\""));
    review missing = made;
    missing.checks[1].fired = false;
    CHECK_THAT(refusal(missing, s), Contains("checks: expected a fired check for each reason, found 0 for 1 reasons"));
    review undeclared = made;
    undeclared.checks[0].rule = "slow";
    CHECK_THAT(refusal(undeclared, s), Contains("checks[0].rule: expected a rule declared in the persona's weights, found \"slow\""));
    review without_checks = made;
    without_checks.checks.clear();
    CHECK(refusal(without_checks, s).empty());
}

TEST_CASE("a review weighs at most max_rule_checks rules", "[unit][review]") {
    const settings s = two_rules();
    scorecard card(s);
    for (std::size_t i = 0; i < max_rule_checks; ++i) card.rule("open", "licence.open_source", "false", false, "Open.");
    CHECK_THROWS_WITH(card.rule("open", "licence.open_source", "false", false, "Open."), "more than 1024 rules weighed in one review");
    review over = card.finish("Weighed a lot.");
    over.checks.push_back(over.checks.front());
    CHECK_THAT(refusal(over, s), Contains("checks: expected at most 1024, found 1025"));
}

TEST_CASE("check_review refuses a sentence that stands on nothing, on an undeclared rule, or that is not part of the quote", "[unit][review]") {
    const settings s = two_rules();
    scorecard card(s);
    card.rule("open", "licence.open_source", "true", true, "Open.");
    card.say("Stands on open.", {"open"}, {"licence.open_source"});
    card.close("Ships.", {"open"});
    const review good = card.finish();
    REQUIRE(refusal(good, s).empty());

    review bare = good;
    bare.sentences[1] = {"Ships.", {}, {}};
    CHECK_THAT(refusal(bare, s), Contains("sentences[1]: expected the rules or facts it stands on, found none (\"Ships.\")"));
    review undeclared = good;
    undeclared.sentences[0].rules = {"vibes"};
    CHECK_THAT(refusal(undeclared, s), Contains("sentences[0].rules[0]: expected a rule declared in the persona's weights, found \"vibes\""));
    review other_text = good;
    other_text.quote = "Something else entirely.";
    CHECK_THAT(refusal(other_text, s), Contains("sentences: expected the quote, sentence by sentence"));
    review empty_text = good;
    empty_text.sentences[0].text.clear();
    CHECK_THAT(refusal(empty_text, s), Contains("sentences[0].text: expected a sentence, found an empty string"));

    review whole = good;   // a quote given whole says nothing of its sources, and is still a review
    whole.sentences.clear();
    CHECK(refusal(whole, s).empty());
}
