// Business: who is the buyer, which budget pays, and what is the moat?
//
// Values a named buyer, a budget line, a revenue model (or a deliberate
// distribution play), a moat, expansion revenue and an upgrade path from free
// to paid. Says skip to a release with no buyer and no path to revenue, and
// counts licences that block commercial adoption against it.
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

std::string revenue_sentence(const tool& t) {
    if (!t.market.revenue_model) return "";
    switch (*t.market.revenue_model) {
    case revenue_kind::none: return "";
    case revenue_kind::distribution: return " There is no direct business model here: this is " + t.vendor + "'s distribution play, not a revenue line.";
    case revenue_kind::usage: return " Revenue is usage-based, so spend grows with the customer's traffic.";
    case revenue_kind::subscription: return " Revenue is a subscription, which compounds if it retains.";
    case revenue_kind::licence: return " Revenue comes from licences.";
    case revenue_kind::one_time: return " Revenue is a one-time purchase, so growth means new customers every quarter.";
    case revenue_kind::services: return " Revenue comes from services, which scale with headcount.";
    case revenue_kind::open_core: return " The model is open core: the free edition feeds the paid one.";
    }
    return "";
}

std::string licence_sentence(const tool& t) {
    const std::string licence = t.licence.name.value_or("licence");
    if (t.licence.commercial_use == commercial_terms::forbidden)
        return " The " + licence + " means adoption never converts into pipeline.";
    if (t.licence.commercial_use == commercial_terms::restricted)
        return " The risk is the " + licence + ": its commercial restrictions push enterprise legal teams to balk, which caps adoption.";
    return "";
}

std::string closing_sentence(const scorecard& card) {
    if (card.verdict() == verdict_kind::ship)
        return card.fired("buyer_named") && card.fired("budget_line") ? " A named buyer with a budget line behind it: that ships." : " The market case holds: it ships.";
    if (card.fired("no_revenue")) return " With no revenue attached, this is a PR move with no unit economics.";
    return " The market case does not add up yet.";
}

std::string compose_quote(const tool& t, const scorecard& card) {
    if (card.verdict() == verdict_kind::abstain)
        return "There is no market case to judge: the catalog names too little of " + t.name + "'s buyer, budget or revenue.";
    const market_facts& m = t.market;
    std::string text;
    if (m.buyer) text += " The buyer is " + *m.buyer + ".";
    else if (m.revenue_model == revenue_kind::none) text += " There is no revenue attached to this release, so there is no buyer to name.";
    if (m.budget_line) text += " The budget comes from the " + *m.budget_line + " line.";
    text += revenue_sentence(t);
    if (m.moat) text += " The moat is " + *m.moat + ".";
    if (m.expansion) text += " The expansion revenue story: " + *m.expansion + ".";
    if (m.upgrade_path == false) text += " There is no upgrade path from free use to paid production built into the product.";
    text += licence_sentence(t) + closing_sentence(card);
    return text.substr(1);
}

class business_persona final : public persona {
public:
    std::string id() const override { return "business"; }
    std::string display_name() const override { return "Business"; }
    std::string version() const override { return "1.0.0"; }
    settings defaults() const override { return business_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_market(t, card);
        return card.finish(compose_quote(t, card));
    }
};

}  // namespace

VERDICT_PERSONA(business_persona)
