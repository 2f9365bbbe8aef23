// Developer: the first-ten-minutes test.
//
// Values the artifact itself over a demo or a waitlist, no API keys or
// environment variables before the first run, loading into standard stacks,
// working examples, and running on your own hardware. Says skip to promises
// (demos, waitlists, announcements) and to heavy set-up friction.
#include <verdict/persona.hpp>

namespace {

using namespace verdict;

settings developer_defaults() {
    settings s;
    s.base = 40;
    s.threshold = 60;
    s.min_facts = 2;
    s.weights = {{"artifact", 15},         {"promise_only", -25},       {"no_api_key", 10},      {"api_key_required", -5},
                 {"no_env_vars", 5},       {"env_var_friction", -5},    {"few_steps", 5},        {"many_steps", -5},
                 {"one_command", 5},       {"standard_stacks", 15},     {"working_examples", 10}, {"pseudocode_examples", -5},
                 {"runs_locally", 10},     {"open_artifact", 10},       {"non_commercial", -10}, {"licence_conditions", -5},
                 {"no_lock_in", 5},        {"vendor_lock_in", -10},     {"performance", 5}};
    return s;
}

bool runs_on_own_hardware(const std::vector<deployment_target>& where) {
    for (const deployment_target d : where)
        if (d != deployment_target::cloud) return true;
    return false;
}

void weigh_release(const tool& t, scorecard& card) {
    if (const auto& a = t.availability) {
        const bool real = *a == release_stage::released || *a == release_stage::beta;
        card.rule("artifact", "availability", describe(*a), real, "It is the artifact itself, not a demo or a waitlist.");
        card.rule("promise_only", "availability", describe(*a), !real, "It is a promise, not something you can run today.");
    }
    if (const auto open = openness_of(t))
        card.rule("open_artifact", open->fact, describe(open->open), open->open, "You can inspect, fork and run the artifact yourself.");
    if (const auto& c = t.licence.commercial_use) {
        card.rule("non_commercial", "licence.commercial_use", describe(*c), *c == commercial_terms::forbidden,
                  "The licence forbids commercial use, so it cannot replace what you run in production.");
        card.rule("licence_conditions", "licence.commercial_use", describe(*c), *c == commercial_terms::restricted,
                  "The licence puts conditions on commercial use.");
    }
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

std::string friction_sentence(const tool& t) {
    std::vector<std::string> absent;
    if (t.setup.api_key == false) absent.push_back("no API key");
    if (t.setup.env_vars == 0) absent.push_back("no environment variables");
    std::string text;
    if (!absent.empty()) text += " " + sentence_case(join_list(absent)) + (absent.size() == 1 ? " stands" : " stand") + " between you and the first run.";
    if (t.setup.api_key == true) text += " You need an API key before the first call.";
    if (const int vars = t.setup.env_vars.value_or(0); vars > 0)
        text += " Set-up asks for " + std::to_string(vars) + (vars == 1 ? " environment variable." : " environment variables.");
    return text;
}

std::string first_minutes_sentence(const tool& t) {
    std::string text;
    if (t.integrations && !t.integrations->empty()) {
        text = " The first-ten-minutes test: it loads into " + join_list(*t.integrations);
        if (t.setup.first_run) text += ", and `" + *t.setup.first_run + "` gets you going";
        text += ".";
    } else if (t.setup.first_run) {
        text = " The first-ten-minutes test: `" + *t.setup.first_run + "` gets you going.";
    } else if (t.kind == tool_kind::model) {
        text = " The moment of truth is whether it loads cleanly into standard inference stacks, and no integrations are listed yet.";
    }
    if (t.examples == examples_quality::working) text += " The examples are actual working code, not pseudocode.";
    if (t.examples == examples_quality::pseudocode) text += " The examples are pseudocode, not working code.";
    return text;
}

std::string licence_sentence(const tool& t) {
    const std::string licence = t.licence.name.value_or("licence");
    if (t.licence.commercial_use == commercial_terms::forbidden)
        return " The " + licence + " is the real friction point: no commercial use means it cannot replace what you run in production.";
    if (t.licence.commercial_use == commercial_terms::restricted)
        return " The " + licence + " puts conditions on commercial use, so read it before you ship.";
    return "";
}

std::string openness_sentence(const tool& t) {
    std::string text;
    if (t.licence.open_source == true) text += " It is open source, so you can audit it, fork it and run it on your own infrastructure.";
    else if (t.licence.open_weights == true) text += " The weights are yours to download and run.";
    if (t.lock_in == lock_in_level::none) text += " It is not tied to a single vendor.";
    if (t.performance) text += " " + sentence_case(*t.performance) + " is a bonus.";
    return text;
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

std::string closing_sentence(const tool& t, const scorecard& card) {
    if (card.verdict() == verdict_kind::ship && card.fired("artifact")) {
        const std::string where = t.distribution ? ", published on " + join_list(*t.distribution) : "";
        return " What earns the ship: this is not a demo or a waitlist, it is the artifact itself" + where + ".";
    }
    if (card.verdict() == verdict_kind::ship && card.fired("promise_only"))
        return " The rest earns the ship, but for now it is " + promise_phrase(*t.availability) + ": check it again when it can be run.";
    if (card.verdict() == verdict_kind::ship) return " It passes the first-ten-minutes test, and that earns the ship.";
    if (card.fired("promise_only")) return " Skip until there is something to run: " + promise_phrase(*t.availability) + " is not a product.";
    return " It does not pass the first-ten-minutes test yet.";
}

std::string compose_quote(const tool& t, const scorecard& card) {
    if (card.verdict() == verdict_kind::abstain)
        return "Not enough here for the first-ten-minutes test: the catalog lists too little about how " + t.name +
               " is released, set up and run.";
    std::string text = t.primitive ? "The primitive here is " + *t.primitive + "." : t.name + " is the thing to test.";
    text += friction_sentence(t) + first_minutes_sentence(t) + licence_sentence(t) + openness_sentence(t) + closing_sentence(t, card);
    return text;
}

class developer_persona final : public persona {
public:
    std::string id() const override { return "developer"; }
    std::string display_name() const override { return "Developer"; }
    std::string version() const override { return "1.0.0"; }
    settings defaults() const override { return developer_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_release(t, card);
        weigh_setup(t, card);
        weigh_runtime(t, card);
        return card.finish(compose_quote(t, card));
    }
};

}  // namespace

VERDICT_PERSONA(developer_persona)
