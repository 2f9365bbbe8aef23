// Developer: the first-ten-minutes test.
//
// Values the artifact itself over a demo or a waitlist, a real upgrade over what
// came before, no API keys or environment variables before the first run,
// loading into standard stacks, working examples, running on your own hardware,
// and a primitive you could not rebuild on a weekend. Says skip to promises
// (demos, waitlists, announcements) and to heavy set-up friction. Every
// sentence of its quote names the rules and facts it stands on.
#include <verdict/persona.hpp>

#include <algorithm>
#include <tuple>

namespace {

using namespace verdict;

settings developer_defaults() {
    settings s;
    s.base = 40;
    s.threshold = 60;
    s.min_facts = 2;
    s.weights = {{"artifact", 15},       {"promise_only", -25},    {"upgrade", 20},           {"no_api_key", 10},
                 {"api_key_required", -5}, {"no_env_vars", 5},     {"env_var_friction", -5},  {"few_steps", 5},
                 {"many_steps", -5},     {"one_command", 5},       {"standard_stacks", 15},   {"working_examples", 10},
                 {"pseudocode_examples", -5}, {"runs_locally", 10}, {"open_artifact", 10},    {"non_commercial", -10},
                 {"licence_conditions", -5}, {"no_lock_in", 5},    {"vendor_lock_in", -10},   {"performance", 5},
                 {"day_zero_support", 5}, {"real_primitive", 10},  {"momentum", 5}};
    return s;
}

bool runs_on_own_hardware(const std::vector<deployment_target>& where) {
    return std::any_of(where.begin(), where.end(), [](deployment_target d) { return d != deployment_target::cloud; });
}

bool day_zero(const std::vector<support_facts>& supports) {
    return std::any_of(supports.begin(), supports.end(), [](const support_facts& s) { return s.day_zero == true; });
}

void weigh_release(const tool& t, scorecard& card) {
    if (const auto& a = t.availability) {
        const bool real = *a == release_stage::released || *a == release_stage::beta;
        card.rule("artifact", "availability", describe(*a), real, "It is the artifact itself, not a demo or a waitlist.");
        card.rule("promise_only", "availability", describe(*a), !real, "It is a promise, not something you can run today.");
    }
    if (const auto& p = t.predecessor; p && p->improvement)
        card.rule("upgrade", "predecessor.improvement", *p->improvement, true, "It is a real upgrade over what it replaces.");
    if (const auto open = openness_of(t))
        card.rule("open_artifact", open->fact, describe(open->open), open->open, "You can inspect, fork and run the artifact yourself.");
    if (const auto& c = t.licence.commercial_use) {
        card.rule("non_commercial", "licence.commercial_use", describe(*c), *c == commercial_terms::forbidden,
                  "The licence forbids commercial use, so it cannot replace what you run in production.");
        card.rule("licence_conditions", "licence.commercial_use", describe(*c), *c == commercial_terms::restricted,
                  "The licence puts conditions on commercial use.");
    }
    if (t.hard_to_replicate)
        card.rule("real_primitive", "hard_to_replicate", describe(*t.hard_to_replicate), *t.hard_to_replicate,
                  "It is real infrastructure, not something to rebuild on a weekend.");
    if (const auto& stars = t.traction.github_stars)
        card.rule("momentum", "traction.github_stars", describe(*stars), *stars >= 50000, "Developers are already running it.");
}

void weigh_setup(const tool& t, scorecard& card) {
    if (const auto& key = t.setup.api_key) {
        card.rule("no_api_key", "setup.api_key", describe(*key), !*key, "It runs without an API key.");
        card.rule("api_key_required", "setup.api_key", describe(*key), *key, "You need an API key before the first call.");
    }
    if (const auto& vars = t.setup.env_vars) {
        card.rule("no_env_vars", "setup.env_vars", describe(*vars), *vars == 0, "It needs no environment variables.");
        card.rule("env_var_friction", "setup.env_vars", describe(*vars), *vars > 2, "Set-up asks for several environment variables.");
    }
    if (const auto& steps = t.setup.steps) {
        card.rule("few_steps", "setup.steps", describe(*steps), *steps <= 3, "It takes a few steps from nothing to a first result.");
        card.rule("many_steps", "setup.steps", describe(*steps), *steps > 5, "It takes many steps to reach a first result.");
    }
    if (t.setup.first_run) card.rule("one_command", "setup.first_run", *t.setup.first_run, true, "One command gets you running.");
    if (t.integrations)
        card.rule("standard_stacks", "integrations", describe(*t.integrations), !t.integrations->empty(), "It loads into standard stacks.");
    if (const auto& e = t.examples) {
        card.rule("working_examples", "examples", describe(*e), *e == examples_quality::working, "The examples are working code.");
        card.rule("pseudocode_examples", "examples", describe(*e), *e == examples_quality::pseudocode, "The examples are pseudocode.");
    }
    if (t.supports && !t.supports->empty())
        card.rule("day_zero_support", "supports", describe(*t.supports), day_zero(*t.supports), "It supports what you run from day zero.");
}

void weigh_runtime(const tool& t, scorecard& card) {
    if (t.deployment)
        card.rule("runs_locally", "deployment", describe(*t.deployment), runs_on_own_hardware(*t.deployment), "It runs on your own hardware.");
    if (const auto& l = t.lock_in) {
        card.rule("no_lock_in", "lock_in", describe(*l), *l == lock_in_level::none, "It is not tied to a single vendor.");
        card.rule("vendor_lock_in", "lock_in", describe(*l), *l == lock_in_level::high, "It ties you to one vendor.");
    }
    if (t.performance) card.rule("performance", "performance", *t.performance, true, "It is built to be fast.");
}

// The rule that says whether it is the artifact or a promise, whichever was weighed.
std::vector<std::string> release_rules(const scorecard& card) {
    if (card.fired("artifact")) return {"artifact"};
    if (card.fired("promise_only")) return {"promise_only"};
    return {};
}

// The first claim the vendor shows rather than tells, with documentation or code, and that is not known to break: a
// developer reads that as a sign of a real artifact.
const claim_facts* shown_claim(const tool& t) {
    if (!t.claims) return nullptr;
    for (const claim_facts& c : *t.claims)
        if ((c.backed_by(evidence_kind::documented) || c.backed_by(evidence_kind::code)) && !c.breaks_at) return &c;
    return nullptr;
}

void say_what_it_is(const tool& t, scorecard& card) {
    if (const auto& p = t.predecessor) {
        if (p->improvement) card.say("An immediate upgrade from " + p->name + ": " + *p->improvement + ".", {"upgrade"}, {"predecessor.name", "predecessor.improvement"});
        else card.say("It is a new version of " + p->name + ".", {}, {"predecessor.name"});
    }
    if (t.primitive) card.say("The primitive here is " + *t.primitive + ".", release_rules(card), {"primitive"});
    if (t.dx_bet) card.say("The DX bet: " + *t.dx_bet + ".", {}, {"dx_bet"});
}

void say_friction(const tool& t, scorecard& card) {
    std::vector<std::string> absent;
    std::vector<std::string> rules;
    std::vector<std::string> facts;
    for (const auto& [rule, fact, words] : {std::tuple{"no_api_key", "setup.api_key", "no API key"}, std::tuple{"no_env_vars", "setup.env_vars", "no environment variables"}}) {
        if (!card.fired(rule)) continue;
        absent.push_back(words);
        rules.push_back(rule);
        facts.push_back(fact);
    }
    if (!absent.empty())
        card.say(sentence_case(join_list(absent)) + (rules == std::vector<std::string>{"no_api_key"} ? " stands" : " stand") + " between you and the first run.",
                 rules, facts);
    if (card.fired("api_key_required")) card.say("You need an API key before the first call.", {"api_key_required"}, {"setup.api_key"});
    if (const int vars = t.setup.env_vars.value_or(0); vars > 0)
        card.say("Set-up asks for " + std::to_string(vars) + (vars == 1 ? " environment variable." : " environment variables."),
                 card.fired("env_var_friction") ? std::vector<std::string>{"env_var_friction"} : std::vector<std::string>{}, {"setup.env_vars"});
}

void say_first_minutes(const tool& t, scorecard& card) {
    const std::string spared = t.setup.spares ? ", without " + *t.setup.spares : "";
    std::vector<std::string> facts;
    if (t.setup.spares) facts.push_back("setup.spares");
    if (t.integrations && !t.integrations->empty()) {
        std::string text = "The first-ten-minutes test: it loads into " + join_list(*t.integrations);
        facts.push_back("integrations");
        std::vector<std::string> rules{"standard_stacks"};
        if (t.setup.first_run) {
            text += ", and `" + *t.setup.first_run + "` gets you going";
            rules.push_back("one_command");
            facts.push_back("setup.first_run");
        }
        card.say(text + spared + ".", rules, facts);
    } else if (t.setup.first_run) {
        facts.push_back("setup.first_run");
        card.say("The first-ten-minutes test: `" + *t.setup.first_run + "` gets you going" + spared + ".", {"one_command"}, facts);
    } else if (t.kind == tool_kind::model && !(t.supports && !t.supports->empty())) {
        card.say("The moment of truth is whether it loads cleanly into standard inference stacks, and no integrations are listed yet.", {}, {"kind"});
    }
    if (t.supports && !t.supports->empty()) {
        std::vector<std::string> names;
        for (const support_facts& s : *t.supports) names.push_back(s.name);
        const std::vector<std::string> rules = card.fired("day_zero_support") ? std::vector<std::string>{"day_zero_support"} : std::vector<std::string>{};
        if (t.kind == tool_kind::model) card.say("The moment of truth is whether it holds up on " + join_list(names, "or") + ".", rules, {"supports", "kind"});
        else card.say("It supports " + join_list(names) + (day_zero(*t.supports) ? ", from day zero." : "."), rules, {"supports"});
    }
    if (const claim_facts* c = shown_claim(t)) {
        const std::string who = t.vendor.value_or("It");
        card.say(who + (c->backed_by(evidence_kind::code) ? " backs " + c->text + " with code" : " documents " + c->text) + " instead of hand-waving.", {},
                 {"claims", "claims.evidence"});
    }
    if (card.fired("working_examples")) card.say("The examples are actual working code, not pseudocode.", {"working_examples"}, {"examples"});
    if (card.fired("pseudocode_examples")) card.say("The examples are pseudocode, not working code.", {"pseudocode_examples"}, {"examples"});
}

void say_licence(const tool& t, scorecard& card) {
    const std::string licence = t.licence.name.value_or("licence");
    std::vector<std::string> facts{"licence.commercial_use"};
    if (t.licence.name) facts.push_back("licence.name");
    if (card.fired("non_commercial")) {
        card.say("The " + licence + " is the real friction point: no commercial use means it cannot replace what you run in production.", {"non_commercial"}, facts);
        const auto& who = t.audience.value_or(std::vector<audience_kind>{});
        if (std::find(who.begin(), who.end(), audience_kind::researchers) != who.end())
            card.say("For experimentation, local development and research, it is still a genuine unlock.", {"non_commercial"}, {"audience"});
    }
    if (card.fired("licence_conditions")) card.say("The " + licence + " puts conditions on commercial use, so read it before you ship.", {"licence_conditions"}, facts);
    if (t.track_record) card.say("Mind where it comes from: " + *t.track_record + ".", {}, {"track_record"});
}

void say_freedom(const tool& t, scorecard& card) {
    if (card.fired("open_artifact") && t.licence.open_source == true)
        card.say("It is open source, so you can audit it, fork it and run it on your own infrastructure.", {"open_artifact"}, {"licence.open_source"});
    else if (card.fired("open_artifact"))
        card.say("The weights are yours to download and run.", {"open_artifact"}, {"licence.open_weights"});
    const auto& where = t.deployment.value_or(std::vector<deployment_target>{});
    const bool at_hand = std::any_of(where.begin(), where.end(), [](deployment_target d) { return d == deployment_target::local || d == deployment_target::on_device; });
    if (at_hand) card.say("It runs on the hardware you already have.", {"runs_locally"}, {"deployment"});
    if (card.fired("no_lock_in")) card.say("It is not tied to a single vendor.", {"no_lock_in"}, {"lock_in"});
    if (card.fired("vendor_lock_in")) card.say("It ties you to one vendor.", {"vendor_lock_in"}, {"lock_in"});
    if (card.fired("momentum")) {
        const std::string note = t.traction.note ? " " + *t.traction.note : "";
        card.say(with_thousands(*t.traction.github_stars) + " GitHub stars" + note + ": developers are already running it.", {"momentum"},
                 t.traction.note ? std::vector<std::string>{"traction.github_stars", "traction.note"} : std::vector<std::string>{"traction.github_stars"});
    }
    if (t.performance) card.say(sentence_case(*t.performance) + " is a bonus.", {"performance"}, {"performance"});
}

std::string promise_phrase(release_stage stage) {
    switch (stage) {
    case release_stage::demo: return "a demo";
    case release_stage::waitlist: return "a waitlist";
    case release_stage::announced: return "an announcement";
    case release_stage::released:
    case release_stage::beta: break;
    }
    return "a promise";
}

void close_quote(const tool& t, scorecard& card) {
    const bool ship = card.verdict() == verdict_kind::ship;
    if (ship && card.fired("real_primitive"))
        return card.close("You could not replicate it on a weekend: it is a real infrastructure primitive, and that earns the ship.", {"real_primitive"},
                          {"hard_to_replicate"});
    if (ship && card.fired("artifact")) {
        std::vector<std::string> facts{"availability"};
        std::string where;
        if (t.distribution) {
            where = ", published on " + join_list(*t.distribution);
            facts.push_back("distribution");
        }
        return card.close("What earns the ship: this is not a demo or a waitlist, it is the artifact itself" + where + ".", {"artifact"}, facts);
    }
    if (ship && card.fired("promise_only"))
        return card.close("The rest earns the ship, but for now it is " + promise_phrase(*t.availability) + ": check it again when it can be run.",
                          {"promise_only"}, {"availability"});
    if (ship) return card.close("Its set-up and reach earn the ship.", card.verdict_rules());
    if (card.fired("promise_only"))
        return card.close("Skip until there is something to run: " + promise_phrase(*t.availability) + " is not a product.", {"promise_only"}, {"availability"});
    const bool tried = t.setup.api_key || t.setup.env_vars || t.setup.steps || t.setup.first_run || t.integrations || t.examples;
    card.close(tried ? "It does not pass the first-ten-minutes test yet." : "Nothing here earns the ship yet.", card.verdict_rules());
}

review compose(const tool& t, scorecard& card) {
    if (card.verdict() == verdict_kind::abstain) {
        card.close("Not enough here for the first-ten-minutes test: the catalog lists too little about how " + t.name + " is released, set up and run.",
                   {}, {"availability", "setup", "integrations", "deployment"});
        return card.finish();
    }
    say_what_it_is(t, card);
    say_friction(t, card);
    say_first_minutes(t, card);
    say_licence(t, card);
    say_freedom(t, card);
    close_quote(t, card);
    return card.finish();
}

class developer_persona final : public persona {
public:
    std::string id() const override { return "developer"; }
    std::string display_name() const override { return "Developer"; }
    std::string version() const override { return "2.0.0"; }
    settings defaults() const override { return developer_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_release(t, card);
        weigh_setup(t, card);
        weigh_runtime(t, card);
        return compose(t, card);
    }
};

}  // namespace

VERDICT_PERSONA(developer_persona)
