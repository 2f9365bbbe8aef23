// The creator persona's rules, one fact at a time, on the real built plugin:
// each rule fires on the fact it reads at its declared weight, absent facts are
// neutral, a tool made for creators ships while a developer-only tool that needs
// an API key skips, the quote names the ecosystem, speed and traction it read
// and nothing it did not, and settings are data. pricing.entry is required by
// the schema, so free_start or paid_entry fires on every tool, identity ones too.
#include "personas/persona_checks.hpp"

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// Made for creators, free to start, with a community already building on it.
tool creative_tool() {
    tool t = test::identity_tool();
    t.audience = std::vector{audience_kind::creators};
    t.ecosystem = std::vector<std::string>{"plugins", "themes"};
    t.pricing.entry = entry_price::freemium;
    return t;
}
const std::vector<std::string> creative_rules{"made_for_creators", "community_ecosystem", "free_start"};

}  // namespace

TEST_CASE("each creator rule fires on the fact it reads, at its declared weight", "[personas][creator]") {
    auto p = test::load_stock_persona("creator");
    using v = std::vector<std::string>;
    using a = audience_kind;
    test::run_rule_cases(*p, {
        {"for creators", [](tool& t) { t.audience = std::vector{a::creators, a::developers}; }, v{"made_for_creators", "free_start"}, "audience", "creators, developers"},
        {"developers only", [](tool& t) { t.audience = std::vector{a::developers, a::ml_engineers}; }, v{"developer_territory", "free_start"}, "audience", "developers, ml_engineers"},
        {"consumers", [](tool& t) { t.audience = std::vector{a::consumers}; }, v{"free_start"}, "", ""},
        {"no lock-in", [](tool& t) { t.lock_in = lock_in_level::none; }, v{"model_choice", "free_start"}, "lock_in", "none"},
        {"low lock-in", [](tool& t) { t.lock_in = lock_in_level::low; }, v{"free_start"}, "", ""},
        {"high lock-in", [](tool& t) { t.lock_in = lock_in_level::high; }, v{"locked_in", "free_start"}, "lock_in", "high"},
        {"ecosystem", [](tool& t) { t.ecosystem = v{"plugins", "themes"}; }, v{"community_ecosystem", "free_start"}, "ecosystem", "plugins, themes"},
        {"empty ecosystem", [](tool& t) { t.ecosystem = v{}; }, v{"free_start"}, "", ""},
        {"performance", [](tool& t) { t.performance = "sub-second renders"; }, v{"speed", "free_start"}, "performance", "sub-second renders"},
        {"10,000 stars", [](tool& t) { t.traction.github_stars = 10000; }, v{"momentum", "free_start"}, "traction.github_stars", "10000"},
        {"9,999 stars", [](tool& t) { t.traction.github_stars = 9999; }, v{"free_start"}, "", ""},
        {"becoming", [](tool& t) { t.traction.becoming = "the Linux of coding agents"; }, v{"becoming", "free_start"}, "traction.becoming",
         "the Linux of coding agents"},
        {"free", [](tool& t) { t.pricing.entry = entry_price::free; }, v{"free_start"}, "pricing.entry", "free"},
        {"freemium", [](tool& t) { t.pricing.entry = entry_price::freemium; }, v{"free_start"}, "pricing.entry", "freemium"},
        {"paid", [](tool& t) { t.pricing.entry = entry_price::paid; }, v{"paid_entry"}, "pricing.entry", "paid"},
        {"usage based", [](tool& t) { t.pricing.entry = entry_price::usage_based; }, v{"paid_entry"}, "pricing.entry", "usage_based"},
        // setup_overhead's fact and value are checked in their own test below.
        {"API key", [](tool& t) { t.pricing.entry = entry_price::paid; t.setup.api_key = true; }, v{"paid_entry", "setup_overhead"}, "", ""},
        {"one env var", [](tool& t) { t.pricing.entry = entry_price::paid; t.setup.env_vars = 1; }, v{"paid_entry", "setup_overhead"}, "", ""},
        {"six steps", [](tool& t) { t.pricing.entry = entry_price::paid; t.setup.steps = 6; }, v{"paid_entry", "setup_overhead"}, "", ""},
        {"light set-up", [](tool& t) { t.setup.api_key = false; t.setup.env_vars = 0; t.setup.steps = 5; }, v{"free_start"}, "", ""},
    });
}

TEST_CASE("the creator abstains on identity facts alone, and an absent fact is neutral", "[personas][creator]") {
    auto p = test::load_stock_persona("creator");
    const settings& s = p->defaults();
    const review bare = test::checked_review(*p, test::identity_tool(), s);
    CHECK(bare.verdict == verdict_kind::abstain);
    test::check_fired(bare, s, {"free_start"});   // the one fact every tool states
    CHECK_THAT(bare.quote, Contains("Probe Tool"));

    tool t = creative_tool();
    t.ecosystem.reset();
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"made_for_creators", "free_start"});
    CHECK(r.verdict == test::verdict_for(r.score, s));
    CHECK_THAT(r.quote, !Contains("ecosystem"));
}

TEST_CASE("the creator ships a free tool made for creators with a community building on it", "[personas][creator]") {
    auto p = test::load_stock_persona("creator");
    const settings& s = p->defaults();
    const review r = test::checked_review(*p, creative_tool(), s);
    test::check_fired(r, s, creative_rules);
    CHECK(r.verdict == verdict_kind::ship);
    CHECK_THAT(r.quote, Contains("made for creative work"));
    CHECK_THAT(r.quote, Contains("The ecosystem is already producing plugins and themes."));
    CHECK_THAT(r.quote, Contains("free to start"));
}

TEST_CASE("the creator skips a developer-only tool that needs an API key", "[personas][creator]") {
    auto p = test::load_stock_persona("creator");
    const settings& s = p->defaults();
    tool t = test::identity_tool();
    t.audience = std::vector{audience_kind::developers};
    t.setup.api_key = true;
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"developer_territory", "free_start", "setup_overhead"});
    CHECK(r.verdict == verdict_kind::skip);
    CHECK_THAT(r.quote, Contains("developer territory"));
    CHECK_THAT(r.quote, Contains("It asks for an API key before anything creative happens."));
    CHECK_THAT(r.quote, !Contains("made for creative work"));
}

TEST_CASE("the creator's quote names the speed and traction it read, and only those", "[personas][creator]") {
    auto p = test::load_stock_persona("creator");
    tool t = creative_tool();
    t.performance = "a Rust-native performance profile";
    t.traction.github_stars = 180000;
    t.traction.note = "in under two weeks";
    t.lock_in = lock_in_level::none;
    t.pricing.entry = entry_price::paid;
    const review r = test::checked_review(*p, t, p->defaults());
    CHECK_THAT(r.quote, Contains("It runs fast, with a Rust-native performance profile."));
    CHECK_THAT(r.quote, Contains("180,000 GitHub stars in under two weeks"));
    CHECK_THAT(r.quote, Contains("whatever model is cheapest"));
    CHECK_THAT(r.quote, Contains("price of entry"));

    // Stars below the momentum bar, no performance, no lock-in fact: no claims about them.
    tool quiet = creative_tool();
    quiet.traction.github_stars = 12;
    const review q = test::checked_review(*p, quiet, p->defaults());
    for (const char* absent : {"GitHub stars", "runs fast", "model", "asks for", "becoming"}) CHECK_THAT(q.quote, !Contains(absent));
}

TEST_CASE("the creator's weights and threshold are data the settings override", "[personas][creator]") {
    auto p = test::load_stock_persona("creator");
    const tool t = creative_tool();

    settings strict = p->defaults();
    strict.threshold = test::expected_score(strict, creative_rules) + 1;
    CHECK(test::checked_review(*p, t, strict).verdict == verdict_kind::skip);

    settings reweighted = p->defaults();
    reweighted.weights["made_for_creators"] = 0;
    reweighted.weights["community_ecosystem"] = 0;
    const review r = test::checked_review(*p, t, reweighted);
    test::check_fired(r, reweighted, creative_rules);
    CHECK(r.score == Approx(reweighted.base + reweighted.weight("free_start")));
    CHECK(r.verdict == test::verdict_for(r.score, reweighted));
}

// A defect found in an earlier version, pinned by a test.

TEST_CASE("the creator's setup_overhead reason records the set-up fact it read and that fact's value", "[personas][creator]") {
    auto p = test::load_stock_persona("creator");
    tool t = test::identity_tool();
    t.setup.api_key = true;
    const review r = test::checked_review(*p, t, p->defaults());
    const reason* overhead = test::reason_for(r, "setup_overhead");
    REQUIRE(overhead != nullptr);
    CHECK(overhead->fact == "setup.api_key");
    CHECK(overhead->value == "true");
}
