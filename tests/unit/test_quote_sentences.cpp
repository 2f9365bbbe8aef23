// A quote built sentence by sentence on the scorecard: every sentence keeps the
// rules and facts it stands on, the strongest reason opens the quote, the
// closing sentence ends it, and a quote too long for its limits loses
// sentences from the middle, never its sources.
#include "verdict/review.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

// Base 50, ship at 60: "small" +5, "big" +20, "bad" -15, "worse" -30.
settings four_rules() {
    settings s;
    s.base = 50;
    s.threshold = 60;
    s.min_facts = 0;
    s.weights = {{"small", 5}, {"big", 20}, {"bad", -15}, {"worse", -30}};
    return s;
}

std::vector<std::string> texts(const review& r) {
    std::vector<std::string> out;
    for (const quote_sentence& q : r.sentences) out.push_back(q.text);
    return out;
}

}  // namespace

TEST_CASE("a ship opens on its largest gain, keeps the rest in the order said, and closes last", "[unit][quote]") {
    const settings s = four_rules();
    scorecard card(s);
    card.rule("small", "a", "true", true, "Small.");
    card.rule("bad", "b", "true", true, "Bad.");
    card.rule("big", "c", "true", true, "Big.");
    card.say("First said, on small.", {"small"}, {"a"});
    card.say("Then bad.", {"bad"}, {"b"});
    card.close("So it ships.", card.verdict_rules());
    card.say("Then big.", {"big"}, {"c"});
    const review r = card.finish();
    REQUIRE(r.verdict == verdict_kind::ship);
    CHECK(texts(r) == std::vector<std::string>{"Then big.", "First said, on small.", "Then bad.", "So it ships."});
    CHECK(r.quote == "Then big. First said, on small. Then bad. So it ships.");
    CHECK(r.sentences.back().rules == std::vector<std::string>{"small", "big"});
    CHECK(card.leading_rule() == "big");
    CHECK_NOTHROW(check_review(r, s));
}

TEST_CASE("a skip opens on its largest loss, and a rule that pulled the other way never leads", "[unit][quote]") {
    const settings s = four_rules();
    scorecard card(s);
    card.rule("big", "c", "true", true, "Big.");
    card.rule("bad", "b", "true", true, "Bad.");
    card.rule("worse", "d", "true", true, "Worse.");
    card.say("Big, but.", {"big"}, {"c"});
    card.say("Bad.", {"bad"}, {"b"});
    card.say("Worse.", {"worse"}, {"d"});
    const review r = card.finish();
    REQUIRE(r.verdict == verdict_kind::skip);
    CHECK(texts(r) == std::vector<std::string>{"Worse.", "Big, but.", "Bad."});
}

TEST_CASE("a rule named decisive leads instead, and with no sentence on the lead the order is as said", "[unit][quote]") {
    const settings s = four_rules();
    scorecard card(s);
    card.rule("small", "a", "true", true, "Small.");
    card.rule("big", "c", "true", true, "Big.");
    card.say("On big.", {"big"}, {"c"});
    card.say("On small.", {"small"}, {"a"});
    card.decisive("small");
    CHECK(texts(card.finish()) == std::vector<std::string>{"On small.", "On big."});

    scorecard unsaid(s);
    unsaid.rule("big", "c", "true", true, "Big.");
    unsaid.say("A fact.", {}, {"c"});
    unsaid.say("Another fact.", {}, {"a"});
    CHECK(texts(unsaid.finish()) == std::vector<std::string>{"A fact.", "Another fact."});
}

TEST_CASE("a quote past its limits loses sentences from the middle, and keeps each one's sources", "[unit][quote]") {
    const settings s = four_rules();
    scorecard many(s);
    many.rule("big", "c", "true", true, "Big.");
    many.say("The lead.", {"big"}, {"c"});
    for (int i = 0; i < 100; ++i) many.say("Filler " + std::to_string(i) + ".", {}, {"f" + std::to_string(i)});
    many.close("The close.", {"big"});
    const review r = many.finish();
    REQUIRE(r.sentences.size() == max_quote_sentences);
    CHECK(r.sentences.front().text == "The lead.");
    CHECK(r.sentences.back().text == "The close.");
    CHECK(r.sentences[1].text == "Filler 0.");
    CHECK(r.sentences[62].facts == std::vector<std::string>{"f61"});
    CHECK_NOTHROW(check_review(r, s));

    scorecard long_one(s);
    long_one.rule("big", "c", "true", true, "Big.");
    long_one.say("Long " + std::string(3000, 'x') + " " + std::string(3000, 'y') + ".", {"big"}, {"c"});
    long_one.close(std::string(2000, 'z') + ".", {"big"});
    const review cut = long_one.finish();
    REQUIRE(cut.sentences.size() == 2);
    CHECK(cut.quote.size() <= max_quote_bytes);
    CHECK_THAT(cut.sentences.front().text, Catch::Matchers::EndsWith("\u2026"));
    CHECK(cut.sentences.front().rules == std::vector<std::string>{"big"});
    CHECK(cut.sentences.back().text == std::string(2000, 'z') + ".");
    CHECK_NOTHROW(check_review(cut, s));
}

TEST_CASE("fired_among keeps the order asked for and only the rules that fired", "[unit][quote]") {
    const settings s = four_rules();
    scorecard card(s);
    card.rule("bad", "b", "true", true, "Bad.");
    card.rule("big", "c", "true", false, "Big.");
    card.rule("small", "a", "true", true, "Small.");
    CHECK(card.fired_among({"small", "big", "bad", "worse"}) == std::vector<std::string>{"small", "bad"});
}
