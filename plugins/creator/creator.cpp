// Creator: does it serve creative work without technical overhead?
//
// Values tools made for creators, freedom to pick whichever model is cheapest,
// a community already building plugins and themes, speed, momentum, where it
// is heading and a free start. Says skip to tools that live deep in developer
// territory or put set-up work between a creator and the work.
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
                 {"community_ecosystem", 15}, {"speed", 5},             {"momentum", 5},      {"becoming", 5},
                 {"free_start", 10},        {"paid_entry", -5},         {"setup_overhead", -10}};
    return s;
}

bool developer_audience_only(const std::vector<audience_kind>& who) {
    return !who.empty() && std::all_of(who.begin(), who.end(), [](audience_kind a) {
        return a == audience_kind::developers || a == audience_kind::ml_engineers || a == audience_kind::researchers;
    });
}

// The set-up fact that makes it overhead: a key, then variables, then many steps; empty when none does.
std::string overhead_fact(const setup_facts& setup) {
    if (setup.api_key == true) return "setup.api_key";
    if (setup.env_vars.value_or(0) > 0) return "setup.env_vars";
    if (setup.steps.value_or(0) > 5) return "setup.steps";
    return "";
}

// One reason, citing the set-up fact that makes it overhead, else the first one known.
void weigh_setup(const setup_facts& setup, scorecard& card) {
    const std::string why = "Set-up is technical overhead.";
    const std::string overhead = overhead_fact(setup);
    if (overhead == "setup.api_key") return card.rule("setup_overhead", overhead, "true", true, why);
    if (overhead == "setup.env_vars") return card.rule("setup_overhead", overhead, describe(*setup.env_vars), true, why);
    if (overhead == "setup.steps") return card.rule("setup_overhead", overhead, describe(*setup.steps), true, why);
    if (setup.api_key) return card.rule("setup_overhead", "setup.api_key", describe(*setup.api_key), false, why);
    if (setup.env_vars) return card.rule("setup_overhead", "setup.env_vars", describe(*setup.env_vars), false, why);
    if (setup.steps) card.rule("setup_overhead", "setup.steps", describe(*setup.steps), false, why);
}

// What stands between a creator and the work, in words, for the fact overhead_fact() names.
std::string overhead_words(const setup_facts& setup) {
    const std::string overhead = overhead_fact(setup);
    if (overhead == "setup.api_key") return "It asks for an API key before anything creative happens.";
    if (overhead == "setup.env_vars")
        return "It asks for " + describe(*setup.env_vars) + (*setup.env_vars == 1 ? " environment variable" : " environment variables") +
               " before anything creative happens.";
    return "It takes " + describe(*setup.steps) + " steps before anything creative happens.";
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
    if (t.traction.becoming) card.rule("becoming", "traction.becoming", *t.traction.becoming, true, "It is turning into something people build on.");
    const entry_price entry = t.pricing.entry;
    const bool free = entry == entry_price::free || entry == entry_price::freemium;
    card.rule("free_start", "pricing.entry", describe(entry), free, "You can start without paying.");
    card.rule("paid_entry", "pricing.entry", describe(entry), !free, "You pay before you make anything.");
    weigh_setup(t.setup, card);
}

void say_fit(const tool& t, scorecard& card) {
    if (card.fired("made_for_creators")) card.say("It is made for creative work, not for engineers.", {"made_for_creators"}, {"audience"});
    else if (card.fired("developer_territory"))
        card.say("This lives in developer territory, so the question is whether it gets out of my way.", {"developer_territory"}, {"audience"});
    if (card.fired("model_choice")) card.say("It lets me plug in whatever model is cheapest this week.", {"model_choice"}, {"lock_in"});
    if (card.fired("locked_in")) card.say("It locks me into one vendor's models.", {"locked_in"}, {"lock_in"});
    if (t.performance) card.say("It runs fast, with " + *t.performance + ".", {"speed"}, {"performance"});
    if (card.fired("community_ecosystem"))
        card.say("The ecosystem is already producing " + join_list(*t.ecosystem) + ".", {"community_ecosystem"}, {"ecosystem"});
    if (card.fired("momentum")) {
        const std::string note = t.traction.note ? " " + *t.traction.note : "";
        card.say(with_thousands(*t.traction.github_stars) + " GitHub stars" + note + " say people are already using it.", {"momentum"},
                 t.traction.note ? std::vector<std::string>{"traction.github_stars", "traction.note"} : std::vector<std::string>{"traction.github_stars"});
    }
    if (t.traction.becoming) card.say("It is becoming " + *t.traction.becoming + ".", {"becoming"}, {"traction.becoming"});
    if (card.fired("setup_overhead"))
        card.say(overhead_words(t.setup), {"setup_overhead"}, {overhead_fact(t.setup)});
    if (card.fired("free_start")) card.say("It is free to start.", {"free_start"}, {"pricing.entry"});
    else card.say("There is a price of entry.", {"paid_entry"}, {"pricing.entry"});
}

void close_quote(scorecard& card) {
    if (card.verdict() == verdict_kind::ship) return card.close("It stays out of the way of the work, so it ships.", card.verdict_rules());
    if (const auto rules = card.fired_among({"developer_territory", "setup_overhead"}); !rules.empty())
        return card.close("It lives too deep in developer territory for creative work: skip.", rules);
    card.close("It does not earn a place in a creative workflow yet.", card.verdict_rules());
}

review compose(const tool& t, scorecard& card) {
    if (card.verdict() == verdict_kind::abstain) {
        card.close("I cannot tell whether " + t.name + " serves creative work: the catalog says too little about who it is for and how it feels to use.", {},
                   {"audience", "lock_in", "ecosystem", "setup"});
        return card.finish();
    }
    say_fit(t, card);
    close_quote(card);
    return card.finish();
}

class creator_persona final : public persona {
public:
    std::string id() const override { return "creator"; }
    std::string display_name() const override { return "Creator"; }
    std::string version() const override { return "2.0.0"; }
    settings defaults() const override { return creator_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_fit(t, card);
        return compose(t, card);
    }
};

}  // namespace

VERDICT_PERSONA(creator_persona)
