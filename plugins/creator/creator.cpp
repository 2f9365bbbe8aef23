// Creator: does it serve creative work without technical overhead?
//
// Values tools made for creators, freedom to pick whichever model is cheapest,
// a community already building plugins and themes, speed, momentum and a free
// start. Says skip to tools that live deep in developer territory or put
// set-up work between a creator and the work.
#include <verdict/persona.hpp>

#include <algorithm>

namespace {

using namespace verdict;

settings creator_defaults() {
    settings s;
    s.base = 40;
    s.threshold = 60;
    s.min_facts = 2;
    s.weights = {{"made_for_creators", 20}, {"developer_territory", -10}, {"model_choice", 15}, {"locked_in", -10},
                 {"community_ecosystem", 15}, {"speed", 5},             {"momentum", 5},      {"free_start", 10},
                 {"paid_entry", -5},        {"setup_overhead", -10}};
    return s;
}

bool developer_audience_only(const std::vector<audience_kind>& who) {
    return !who.empty() && std::all_of(who.begin(), who.end(), [](audience_kind a) {
        return a == audience_kind::developers || a == audience_kind::ml_engineers || a == audience_kind::researchers;
    });
}

// One reason, citing the set-up fact that makes it overhead (a key, then variables, then steps), else the first one known.
void weigh_setup(const setup_facts& setup, scorecard& card) {
    const std::string why = "Set-up is technical overhead.";
    if (setup.api_key == true) return card.rule("setup_overhead", "setup.api_key", "true", true, why);
    if (setup.env_vars.value_or(0) > 0) return card.rule("setup_overhead", "setup.env_vars", describe(*setup.env_vars), true, why);
    if (setup.steps.value_or(0) > 5) return card.rule("setup_overhead", "setup.steps", describe(*setup.steps), true, why);
    if (setup.api_key) return card.rule("setup_overhead", "setup.api_key", describe(*setup.api_key), false, why);
    if (setup.env_vars) return card.rule("setup_overhead", "setup.env_vars", describe(*setup.env_vars), false, why);
    if (setup.steps) card.rule("setup_overhead", "setup.steps", describe(*setup.steps), false, why);
}

void weigh_fit(const tool& t, scorecard& card) {
    if (const auto& who = t.audience) {
        const bool for_creators = std::find(who->begin(), who->end(), audience_kind::creators) != who->end();
        card.rule("made_for_creators", "audience", describe(*who), for_creators, "It is made for creative work.");
        card.rule("developer_territory", "audience", describe(*who), developer_audience_only(*who), "It lives in developer territory.");
    }
    if (const auto& l = t.lock_in) {
        card.rule("model_choice", "lock_in", describe(*l), *l == lock_in_level::none, "You can plug in whichever model is cheapest this week.");
        card.rule("locked_in", "lock_in", describe(*l), *l == lock_in_level::high, "It locks you into one vendor's models.");
    }
    if (t.ecosystem) card.rule("community_ecosystem", "ecosystem", describe(*t.ecosystem), !t.ecosystem->empty(), "The community is already building on it.");
    if (t.performance) card.rule("speed", "performance", *t.performance, true, "It is built to be fast.");
    if (const auto& stars = t.traction.github_stars)
        card.rule("momentum", "traction.github_stars", describe(*stars), *stars >= 10000, "People are already using it.");
    const entry_price entry = t.pricing.entry;
    const bool free = entry == entry_price::free || entry == entry_price::freemium;
    card.rule("free_start", "pricing.entry", describe(entry), free, "You can start without paying.");
    card.rule("paid_entry", "pricing.entry", describe(entry), !free, "You pay before you make anything.");
    weigh_setup(t.setup, card);
}

std::string closing_sentence(const scorecard& card) {
    if (card.verdict() == verdict_kind::ship) return " It stays out of the way of the work, so it ships.";
    if (card.fired("developer_territory") || card.fired("setup_overhead")) return " It lives too deep in developer territory for creative work: skip.";
    return " It does not earn a place in a creative workflow yet.";
}

std::string compose_quote(const tool& t, const scorecard& card) {
    if (card.verdict() == verdict_kind::abstain)
        return "I cannot tell whether " + t.name + " serves creative work: the catalog says too little about who it is for and how it feels to use.";
    std::string text;
    if (card.fired("made_for_creators")) text += " It is made for creative work, not for engineers.";
    else if (card.fired("developer_territory")) text += " This lives in developer territory, so the question is whether it gets out of my way.";
    if (card.fired("model_choice")) text += " It lets me plug in whatever model is cheapest this week.";
    if (card.fired("locked_in")) text += " It locks me into one vendor's models.";
    if (t.performance) text += " It comes with " + *t.performance + ".";
    if (t.ecosystem && !t.ecosystem->empty()) text += " The ecosystem is already producing " + join_list(*t.ecosystem) + ".";
    if (card.fired("momentum"))
        text += " " + with_thousands(*t.traction.github_stars) + " GitHub stars" + (t.traction.note ? " " + *t.traction.note : "") + " say people are already using it.";
    if (card.fired("setup_overhead")) text += " Set-up asks for keys, variables or steps before anything creative happens.";
    text += card.fired("free_start") ? " It is free to start." : " There is a price of entry.";
    return (text + closing_sentence(card)).substr(1);
}

class creator_persona final : public persona {
public:
    std::string id() const override { return "creator"; }
    std::string display_name() const override { return "Creator"; }
    std::string version() const override { return "1.0.0"; }
    settings defaults() const override { return creator_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_fit(t, card);
        return card.finish(compose_quote(t, card));
    }
};

}  // namespace

VERDICT_PERSONA(creator_persona)
