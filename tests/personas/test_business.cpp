// The business persona's rules, one fact at a time, on the real built plugin:
// each market rule fires on the fact it reads at its declared weight, absent
// facts are neutral, a named buyer with a budget line ships while no revenue
// and no upgrade path skips, the quote names the buyer, budget, moat and
// revenue model it read and nothing it did not, and settings are data.
#include "personas/persona_checks.hpp"

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// A named buyer paying from a named budget line, with usage-based revenue.
tool buyer_tool() {
    tool t = test::identity_tool();
    t.market.buyer = "ML platform teams at mid-size companies";
    t.market.budget_line = "infrastructure";
    t.market.revenue_model = revenue_kind::usage;
    return t;
}
const std::vector<std::string> buyer_rules{"buyer_named", "budget_line", "revenue_model"};

}  // namespace

TEST_CASE("each business rule fires on the fact it reads, at its declared weight", "[personas][business]") {
    auto p = test::load_stock_persona("business");
    using v = std::vector<std::string>;
    std::vector<test::rule_case> cases{
        {"buyer", [](tool& t) { t.market.buyer = "platform teams"; }, v{"buyer_named"}, "market.buyer", "platform teams"},
        {"budget", [](tool& t) { t.market.budget_line = "infrastructure"; }, v{"budget_line"}, "market.budget_line", "infrastructure"},
        {"distribution", [](tool& t) { t.market.revenue_model = revenue_kind::distribution; }, v{"distribution_play"}, "market.revenue_model", "distribution"},
        {"no revenue", [](tool& t) { t.market.revenue_model = revenue_kind::none; }, v{"no_revenue"}, "market.revenue_model", "none"},
        {"moat", [](tool& t) { t.market.moat = "a cold-start cache"; }, v{"moat"}, "market.moat", "a cold-start cache"},
        {"expansion", [](tool& t) { t.market.expansion = "teams move to dedicated GPUs"; }, v{"expansion_revenue"}, "market.expansion", "teams move to dedicated GPUs"},
        {"upgrade path", [](tool& t) { t.market.upgrade_path = true; }, v{"upgrade_path"}, "market.upgrade_path", "true"},
        {"no upgrade path", [](tool& t) { t.market.upgrade_path = false; }, v{"no_upgrade_path"}, "market.upgrade_path", "false"},
        {"commercial forbidden", [](tool& t) { t.licence.commercial_use = commercial_terms::forbidden; }, v{"non_commercial"}, "licence.commercial_use", "forbidden"},
        {"commercial restricted", [](tool& t) { t.licence.commercial_use = commercial_terms::restricted; }, v{"licence_friction"}, "licence.commercial_use", "restricted"},
        {"commercial allowed", [](tool& t) { t.licence.commercial_use = commercial_terms::allowed; }, v{}, "", ""},
    };
    // Every direct way of earning counts as a revenue model.
    for (const revenue_kind direct : {revenue_kind::usage, revenue_kind::subscription, revenue_kind::licence, revenue_kind::one_time,
                                      revenue_kind::services, revenue_kind::open_core}) {
        const std::string name(name_of(direct));
        cases.push_back({name, [direct](tool& t) { t.market.revenue_model = direct; }, v{"revenue_model"}, "market.revenue_model", name});
    }
    test::run_rule_cases(*p, cases);
}

TEST_CASE("the business persona abstains on identity facts alone, and an absent fact is neutral", "[personas][business]") {
    auto p = test::load_stock_persona("business");
    const settings& s = p->defaults();
    const review bare = test::checked_review(*p, test::identity_tool(), s);
    CHECK(bare.verdict == verdict_kind::abstain);
    CHECK(bare.reasons.empty());
    CHECK_THAT(bare.quote, Contains("Probe Tool"));

    tool t = buyer_tool();
    t.market.budget_line.reset();
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"buyer_named", "revenue_model"});
    CHECK(r.verdict == test::verdict_for(r.score, s));
    CHECK_THAT(r.quote, !Contains("budget"));
}

TEST_CASE("the business persona ships a named buyer with a budget line", "[personas][business]") {
    auto p = test::load_stock_persona("business");
    const settings& s = p->defaults();
    const review r = test::checked_review(*p, buyer_tool(), s);
    test::check_fired(r, s, buyer_rules);
    CHECK(r.verdict == verdict_kind::ship);
    CHECK_THAT(r.quote, Contains("The buyer is ML platform teams at mid-size companies."));
    CHECK_THAT(r.quote, Contains("the infrastructure line"));
    CHECK_THAT(r.quote, Contains("usage-based"));
    CHECK_THAT(r.quote, Contains("A named buyer with a budget line behind it"));
}

TEST_CASE("the business persona skips a release with no revenue and no upgrade path", "[personas][business]") {
    auto p = test::load_stock_persona("business");
    const settings& s = p->defaults();
    tool t = test::identity_tool();
    t.market.revenue_model = revenue_kind::none;
    t.market.upgrade_path = false;
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"no_revenue", "no_upgrade_path"});
    CHECK(r.verdict == verdict_kind::skip);
    CHECK_THAT(r.quote, Contains("no revenue attached"));
    CHECK_THAT(r.quote, Contains("no upgrade path"));
    CHECK_THAT(r.quote, !Contains("The buyer is"));
    CHECK_THAT(r.quote, !Contains("moat"));
}

TEST_CASE("the business persona's quote names the moat, expansion, distribution play and licence it read", "[personas][business]") {
    auto p = test::load_stock_persona("business");
    tool t = buyer_tool();
    t.market.revenue_model = revenue_kind::distribution;
    t.market.moat = "the largest open model community";
    t.market.expansion = "hosted fine-tuning for the same teams";
    t.licence.name = "community licence";
    t.licence.commercial_use = commercial_terms::restricted;
    const review r = test::checked_review(*p, t, p->defaults());
    CHECK_THAT(r.quote, Contains("Probe Labs's distribution play"));
    CHECK_THAT(r.quote, Contains("The moat is the largest open model community."));
    CHECK_THAT(r.quote, Contains("The expansion revenue story: hosted fine-tuning for the same teams."));
    CHECK_THAT(r.quote, Contains("The risk is the community licence"));

    // The buyer case says nothing of a moat, an expansion story or a licence it was not given.
    const review plain = test::checked_review(*p, buyer_tool(), p->defaults());
    for (const char* absent : {"moat", "expansion", "licence", "upgrade"}) CHECK_THAT(plain.quote, !Contains(absent));
}

TEST_CASE("the business persona's weights and threshold are data the settings override", "[personas][business]") {
    auto p = test::load_stock_persona("business");
    const tool t = buyer_tool();

    settings strict = p->defaults();
    strict.threshold = test::expected_score(strict, buyer_rules) + 0.5;
    CHECK(test::checked_review(*p, t, strict).verdict == verdict_kind::skip);

    settings reweighted = p->defaults();
    reweighted.weights["buyer_named"] = 2;
    reweighted.weights["budget_line"] = 1;
    const review r = test::checked_review(*p, t, reweighted);
    test::check_fired(r, reweighted, buyer_rules);
    CHECK(r.score == Approx(reweighted.base + 2 + 1 + reweighted.weight("revenue_model")));
    CHECK(r.verdict == test::verdict_for(test::expected_score(reweighted, buyer_rules), reweighted));
}
