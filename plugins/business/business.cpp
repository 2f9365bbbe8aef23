// Business: who is the buyer, which budget pays, and what is the moat?
//
// Values a named buyer, a budget line, a revenue model (or a deliberate
// distribution play), a moat, expansion revenue and an upgrade path from free
// to paid. Says skip to a release with no buyer and no path to revenue, and
// counts licences that block commercial adoption against it. Names the
// strategy behind a release and what a buyer would do instead, when the
// catalog says.
#include <verdict/persona.hpp>

namespace {

using namespace verdict;

settings business_defaults() {
    settings s;
    s.base = 40;
    s.threshold = 55;
    s.min_facts = 2;
    s.weights = {{"buyer_named", 15},   {"budget_line", 10},     {"revenue_model", 10},    {"distribution_play", 5},
                 {"no_revenue", -20},   {"moat", 5},             {"expansion_revenue", 5}, {"upgrade_path", 10},
                 {"no_upgrade_path", -10}, {"non_commercial", -10}, {"licence_friction", -5}};
    return s;
}

void weigh_market(const tool& t, scorecard& card) {
    const market_facts& m = t.market;
    if (m.buyer) card.rule("buyer_named", "market.buyer", *m.buyer, true, "There is a named buyer.");
    if (m.budget_line) card.rule("budget_line", "market.budget_line", *m.budget_line, true, "A budget line pays for it.");
    if (const auto& r = m.revenue_model) {
        const bool direct = *r != revenue_kind::none && *r != revenue_kind::distribution;
        card.rule("revenue_model", "market.revenue_model", describe(*r), direct, "It has a direct revenue model.");
        card.rule("distribution_play", "market.revenue_model", describe(*r), *r == revenue_kind::distribution, "It is a distribution play that builds an ecosystem.");
        card.rule("no_revenue", "market.revenue_model", describe(*r), *r == revenue_kind::none, "No revenue is attached to it.");
    }
    if (m.moat) card.rule("moat", "market.moat", *m.moat, true, "It has a moat.");
    if (m.expansion) card.rule("expansion_revenue", "market.expansion", *m.expansion, true, "It has an expansion revenue story.");
    if (const auto& path = m.upgrade_path) {
        card.rule("upgrade_path", "market.upgrade_path", describe(*path), *path, "Free use leads into paid use.");
        card.rule("no_upgrade_path", "market.upgrade_path", describe(*path), !*path, "Nothing leads from free use into paid use.");
    }
    if (const auto& c = t.licence.commercial_use) {
        card.rule("non_commercial", "licence.commercial_use", describe(*c), *c == commercial_terms::forbidden, "The licence blocks commercial adoption.");
        card.rule("licence_friction", "licence.commercial_use", describe(*c), *c == commercial_terms::restricted, "Licence restrictions cap enterprise adoption.");
    }
}

std::string revenue_words(const tool& t) {
    switch (*t.market.revenue_model) {
    case revenue_kind::none: return "";
    case revenue_kind::distribution:
        return "There is no direct business model here: this is " + (t.vendor ? *t.vendor + "'s" : std::string("a")) + " distribution play, not a revenue line.";
    case revenue_kind::usage: return "Revenue is usage-based, so spend grows with the customer's traffic.";
    case revenue_kind::subscription: return "Revenue is a subscription, which compounds if it retains.";
    case revenue_kind::licence: return "Revenue comes from licences.";
    case revenue_kind::one_time: return "Revenue is a one-time purchase, so growth means new customers every quarter.";
    case revenue_kind::services: return "Revenue comes from services, which scale with headcount.";
    case revenue_kind::open_core: return "The model is open core: the free edition feeds the paid one.";
    }
    return "";
}

void say_buyer(const tool& t, scorecard& card) {
    const market_facts& m = t.market;
    if (m.buyer) card.say("The buyer is " + *m.buyer + ".", {"buyer_named"}, {"market.buyer"});
    else if (card.fired("no_revenue")) card.say("There is no revenue attached to this release, so there is no buyer to name.", {"no_revenue"}, {"market.revenue_model"});
    if (m.budget_line) card.say("The budget comes from the " + *m.budget_line + " line.", {"budget_line"}, {"market.budget_line"});
    if (m.value) card.say("The value is plain on the P&L: " + *m.value + ".", {}, {"market.value"});
    if (m.revenue_model && *m.revenue_model != revenue_kind::none) {
        const bool play = *m.revenue_model == revenue_kind::distribution;
        card.say(revenue_words(t), {play ? "distribution_play" : "revenue_model"},
                 play && t.vendor ? std::vector<std::string>{"market.revenue_model", "vendor"} : std::vector<std::string>{"market.revenue_model"});
    }
    if (m.strategy) card.say("The strategic logic: " + *m.strategy + ".", {}, {"market.strategy"});
}

void say_moat(const tool& t, scorecard& card) {
    const market_facts& m = t.market;
    if (m.moat) card.say("The moat is " + *m.moat + ".", {"moat"}, {"market.moat"});
    if (m.alternative) card.say("The moat question is what makes it sticky versus " + *m.alternative + ".", {}, {"market.alternative"});
    const bool direct = card.fired("revenue_model");
    if (m.moat && direct && t.risks.threat) card.say("The risk to that moat: " + *t.risks.threat + ".", {"moat"}, {"risks.threat"});
    if (m.expansion) card.say("The expansion revenue story: " + *m.expansion + ".", {"expansion_revenue"}, {"market.expansion"});
    if (card.fired("no_upgrade_path"))
        card.say("There is no upgrade path from free use to paid production built into the product.", {"no_upgrade_path"}, {"market.upgrade_path"});
    const std::string licence = t.licence.name.value_or("licence");
    if (card.fired("non_commercial")) card.say("The " + licence + " means adoption never converts into pipeline.", {"non_commercial"}, {"licence.commercial_use"});
    if (card.fired("licence_friction"))
        card.say("The risk is the " + licence + ": its commercial restrictions push enterprise legal teams to balk, which caps adoption.", {"licence_friction"},
                 {"licence.commercial_use"});
}

void close_quote(const tool& t, scorecard& card) {
    const bool ship = card.verdict() == verdict_kind::ship;
    const bool free = t.pricing.entry == entry_price::free;
    if (ship && card.fired("distribution_play") && free && t.distribution && !t.distribution->empty())
        return card.close("Free, and on a platform developers already use (" + join_list(*t.distribution) + "): that is hard to argue against, so it ships.",
                          {"distribution_play"}, {"pricing.entry", "distribution"});
    if (ship && card.fired("buyer_named") && card.fired("budget_line"))
        return card.close("A named buyer with a budget line behind it: that ships.", {"buyer_named", "budget_line"}, {"market.buyer", "market.budget_line"});
    if (ship) return card.close("The market case holds: it ships.", card.verdict_rules());
    if (card.fired("no_revenue") && card.fired("no_upgrade_path"))
        return card.close("Until free use is a tiered on-ramp to paid use, this is a PR move with no unit economics.", {"no_revenue", "no_upgrade_path"},
                          {"market.revenue_model", "market.upgrade_path"});
    if (card.fired("no_revenue"))
        return card.close("With no revenue attached, this is a PR move with no unit economics.", {"no_revenue"}, {"market.revenue_model"});
    card.close("The market case does not add up yet.", card.verdict_rules());
}

review compose(const tool& t, scorecard& card) {
    if (card.verdict() == verdict_kind::abstain) {
        card.close("There is no market case to judge: the catalog names too little of " + t.name + "'s buyer, budget or revenue.", {}, {"market"});
        return card.finish();
    }
    say_buyer(t, card);
    say_moat(t, card);
    close_quote(t, card);
    return card.finish();
}

class business_persona final : public persona {
public:
    std::string id() const override { return "business"; }
    std::string display_name() const override { return "Business"; }
    std::string version() const override { return "2.0.0"; }
    settings defaults() const override { return business_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_market(t, card);
        return compose(t, card);
    }
};

}  // namespace

VERDICT_PERSONA(business_persona)
