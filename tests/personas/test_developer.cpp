// The developer persona's rules, one fact at a time, on the real built plugin:
// each rule fires on the fact it reads at its declared weight, absent facts are
// neutral, the first-ten-minutes cases ship and skip as the rules add up, the
// quote only speaks of facts the tool states, and settings are data.
#include "personas/persona_checks.hpp"

using namespace verdict;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// Released, no API key, loads into the three standard stacks, working examples: the brief's ship case.
tool first_ten_minutes_tool() {
    tool t = test::identity_tool();
    t.availability = release_stage::released;
    t.distribution = std::vector<std::string>{"Hugging Face"};
    t.setup.api_key = false;
    t.integrations = std::vector<std::string>{"vLLM", "llama.cpp", "transformers"};
    t.examples = examples_quality::working;
    return t;
}
const std::vector<std::string> first_ten_minutes_rules{"artifact", "no_api_key", "standard_stacks", "working_examples"};

}  // namespace

TEST_CASE("each developer rule fires on the fact it reads, at its declared weight", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    using v = std::vector<std::string>;
    test::run_rule_cases(*p, {
        {"released", [](tool& t) { t.availability = release_stage::released; }, v{"artifact"}, "availability", "released"},
        {"beta", [](tool& t) { t.availability = release_stage::beta; }, v{"artifact"}, "availability", "beta"},
        {"waitlist", [](tool& t) { t.availability = release_stage::waitlist; }, v{"promise_only"}, "availability", "waitlist"},
        {"demo", [](tool& t) { t.availability = release_stage::demo; }, v{"promise_only"}, "availability", "demo"},
        {"open source", [](tool& t) { t.licence.open_source = true; }, v{"open_artifact"}, "licence.open_source", "true"},
        {"open weights", [](tool& t) { t.licence.open_weights = true; }, v{"open_artifact"}, "licence.open_weights", "true"},
        {"closed source", [](tool& t) { t.licence.open_source = false; }, v{}, "", ""},
        {"commercial forbidden", [](tool& t) { t.licence.commercial_use = commercial_terms::forbidden; }, v{"non_commercial"}, "licence.commercial_use", "forbidden"},
        {"commercial restricted", [](tool& t) { t.licence.commercial_use = commercial_terms::restricted; }, v{"licence_conditions"}, "licence.commercial_use", "restricted"},
        {"commercial allowed", [](tool& t) { t.licence.commercial_use = commercial_terms::allowed; }, v{}, "", ""},
        {"no API key", [](tool& t) { t.setup.api_key = false; }, v{"no_api_key"}, "setup.api_key", "false"},
        {"API key", [](tool& t) { t.setup.api_key = true; }, v{"api_key_required"}, "setup.api_key", "true"},
        {"0 env vars", [](tool& t) { t.setup.env_vars = 0; }, v{"no_env_vars"}, "setup.env_vars", "0"},
        {"2 env vars", [](tool& t) { t.setup.env_vars = 2; }, v{}, "", ""},
        {"3 env vars", [](tool& t) { t.setup.env_vars = 3; }, v{"env_var_friction"}, "setup.env_vars", "3"},
        {"3 steps", [](tool& t) { t.setup.steps = 3; }, v{"few_steps"}, "setup.steps", "3"},
        {"5 steps", [](tool& t) { t.setup.steps = 5; }, v{}, "", ""},
        {"6 steps", [](tool& t) { t.setup.steps = 6; }, v{"many_steps"}, "setup.steps", "6"},
        {"first run", [](tool& t) { t.setup.first_run = "pip install probe"; }, v{"one_command"}, "setup.first_run", "pip install probe"},
        {"integrations", [](tool& t) { t.integrations = v{"vLLM", "llama.cpp"}; }, v{"standard_stacks"}, "integrations", "vLLM, llama.cpp"},
        {"no integrations", [](tool& t) { t.integrations = v{}; }, v{}, "", ""},
        {"working examples", [](tool& t) { t.examples = examples_quality::working; }, v{"working_examples"}, "examples", "working"},
        {"pseudocode", [](tool& t) { t.examples = examples_quality::pseudocode; }, v{"pseudocode_examples"}, "examples", "pseudocode"},
        {"no examples", [](tool& t) { t.examples = examples_quality::none; }, v{}, "", ""},
        {"self-hosted", [](tool& t) { t.deployment = std::vector{deployment_target::cloud, deployment_target::self_hosted}; }, v{"runs_locally"}, "deployment", "cloud, self_hosted"},
        {"cloud only", [](tool& t) { t.deployment = std::vector{deployment_target::cloud}; }, v{}, "", ""},
        {"no lock-in", [](tool& t) { t.lock_in = lock_in_level::none; }, v{"no_lock_in"}, "lock_in", "none"},
        {"low lock-in", [](tool& t) { t.lock_in = lock_in_level::low; }, v{}, "", ""},
        {"high lock-in", [](tool& t) { t.lock_in = lock_in_level::high; }, v{"vendor_lock_in"}, "lock_in", "high"},
        {"performance", [](tool& t) { t.performance = "a Rust-native performance profile"; }, v{"performance"}, "performance", "a Rust-native performance profile"},
        {"upgrade", [](tool& t) { t.predecessor = predecessor_facts{"Probe 1", "a 40x memory reduction"}; }, v{"upgrade"}, "predecessor.improvement",
         "a 40x memory reduction"},
        {"new version, no improvement named", [](tool& t) { t.predecessor = predecessor_facts{"Probe 1", std::nullopt}; }, v{}, "", ""},
        {"hard to replicate", [](tool& t) { t.hard_to_replicate = true; }, v{"real_primitive"}, "hard_to_replicate", "true"},
        {"easy to replicate", [](tool& t) { t.hard_to_replicate = false; }, v{}, "", ""},
        {"50,000 stars", [](tool& t) { t.traction.github_stars = 50000; }, v{"momentum"}, "traction.github_stars", "50000"},
        {"49,999 stars", [](tool& t) { t.traction.github_stars = 49999; }, v{}, "", ""},
        {"day-zero support", [](tool& t) { t.supports = std::vector<support_facts>{{"Llama 4", true}, {"Qwen3", std::nullopt}}; }, v{"day_zero_support"},
         "supports", "Llama 4 (day zero), Qwen3"},
        {"support, later", [](tool& t) { t.supports = std::vector<support_facts>{{"Qwen3", false}}; }, v{}, "", ""},
    });
}

TEST_CASE("the developer abstains on identity facts alone, and an absent fact is neutral", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    const settings& s = p->defaults();
    const review bare = test::checked_review(*p, test::identity_tool(), s);
    CHECK(bare.verdict == verdict_kind::abstain);
    CHECK(bare.reasons.empty());
    CHECK(bare.score == Approx(s.base));
    CHECK_THAT(bare.quote, Contains("Probe Tool"));

    // Without integrations the other rules still weigh in, and no stacks are claimed.
    tool t = first_ten_minutes_tool();
    t.integrations.reset();
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"artifact", "no_api_key", "working_examples"});
    CHECK(r.verdict == test::verdict_for(r.score, s));
    CHECK_THAT(r.quote, !Contains("loads into"));
}

TEST_CASE("the developer ships the artifact that passes the first ten minutes", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    const settings& s = p->defaults();
    const review r = test::checked_review(*p, first_ten_minutes_tool(), s);
    test::check_fired(r, s, first_ten_minutes_rules);
    CHECK(r.verdict == verdict_kind::ship);
    CHECK_THAT(r.quote, Contains("loads into vLLM, llama.cpp, and transformers"));
    CHECK_THAT(r.quote, Contains("No API key"));
    CHECK_THAT(r.quote, Contains("published on Hugging Face"));
    CHECK_THAT(r.quote, Contains("working code"));
}

TEST_CASE("the developer skips a waitlist that needs an API key and many environment variables", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    const settings& s = p->defaults();
    tool t = test::identity_tool();
    t.availability = release_stage::waitlist;
    t.setup.api_key = true;
    t.setup.env_vars = 4;
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"promise_only", "api_key_required", "env_var_friction"});
    CHECK(r.verdict == verdict_kind::skip);
    CHECK_THAT(r.quote, Contains("API key"));
    CHECK_THAT(r.quote, Contains("4 environment variables"));
    CHECK_THAT(r.quote, Contains("waitlist"));
    // Nothing in the tool says it loads anywhere, is published anywhere, or what its licence is.
    CHECK_THAT(r.quote, !Contains("loads into"));
    CHECK_THAT(r.quote, !Contains("published on"));
    CHECK_THAT(r.quote, !Contains("licence"));
}

TEST_CASE("the developer's quote names the primitive, the first command and the licence it read", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    tool t = first_ten_minutes_tool();
    t.primitive = "a downloadable weight file";
    t.setup.first_run = "ollama run probe";
    t.licence.name = "research licence";
    t.licence.commercial_use = commercial_terms::forbidden;
    const review r = test::checked_review(*p, t, p->defaults());
    CHECK_THAT(r.quote, Contains("The primitive here is a downloadable weight file."));
    CHECK_THAT(r.quote, Contains("`ollama run probe` gets you going"));
    CHECK_THAT(r.quote, Contains("The research licence is the real friction point"));

    // A model with no integrations listed says so instead of claiming a stack.
    tool bare_model = test::identity_tool();
    bare_model.kind = tool_kind::model;
    bare_model.availability = release_stage::released;
    bare_model.setup.api_key = false;
    const review m = test::checked_review(*p, bare_model, p->defaults());
    CHECK_THAT(m.quote, Contains("no integrations are listed"));
    CHECK_THAT(m.quote, !Contains("loads into"));
    CHECK_THAT(m.quote, StartsWith("No API key stands between you and the first run."));
}

TEST_CASE("the developer's weights and threshold are data the settings override", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    const tool t = first_ten_minutes_tool();
    const double score = test::expected_score(p->defaults(), first_ten_minutes_rules);

    settings at_score = p->defaults();
    at_score.threshold = score;   // ship at or above the threshold
    CHECK(test::checked_review(*p, t, at_score).verdict == verdict_kind::ship);
    settings above = p->defaults();
    above.threshold = score + 1;
    CHECK(test::checked_review(*p, t, above).verdict == verdict_kind::skip);

    settings reweighted = p->defaults();
    reweighted.weights["standard_stacks"] = -30;
    const review r = test::checked_review(*p, t, reweighted);
    test::check_fired(r, reweighted, first_ten_minutes_rules);
    CHECK(test::reason_for(r, "standard_stacks")->points == Approx(-30));
    CHECK(r.verdict == test::verdict_for(test::expected_score(reweighted, first_ten_minutes_rules), reweighted));
}

// Defects found in earlier versions, each pinned by a test.

TEST_CASE("the developer's open_artifact reason records the open fact, not a closed one", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    tool t = test::identity_tool();
    t.licence.open_source = false;   // the code is closed ...
    t.licence.open_weights = true;   // ... but the weights are downloadable, which is what fires the rule
    const review r = test::checked_review(*p, t, p->defaults());
    const reason* open = test::reason_for(r, "open_artifact");
    REQUIRE(open != nullptr);
    CHECK(open->fact == "licence.open_weights");
    CHECK(open->value == "true");
}

TEST_CASE("the developer's skip quote reads well for every promise stage and a single variable", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    tool t = test::identity_tool();
    t.availability = release_stage::announced;
    t.setup.env_vars = 1;
    const review r = test::checked_review(*p, t, p->defaults());
    REQUIRE(r.verdict == verdict_kind::skip);
    CHECK_THAT(r.quote, Contains("an announcement"));
    CHECK_THAT(r.quote, !Contains("a announced"));
    CHECK_THAT(r.quote, !Contains("1 environment variables"));
}

TEST_CASE("a waitlisted tool that still ships is not said to pass the first-ten-minutes test", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    tool t = test::identity_tool();
    t.availability = release_stage::waitlist;
    t.setup.api_key = false;
    t.setup.env_vars = 0;
    t.setup.first_run = "probe up";
    t.integrations = std::vector<std::string>{"vLLM"};
    t.examples = examples_quality::working;
    t.deployment = std::vector{deployment_target::local};
    t.licence.open_weights = true;
    t.lock_in = lock_in_level::none;
    const review r = test::checked_review(*p, t, p->defaults());
    test::check_fired(r, p->defaults(), {"promise_only", "open_artifact", "no_api_key", "no_env_vars", "one_command", "standard_stacks",
                                         "working_examples", "runs_locally", "no_lock_in"});
    REQUIRE(r.verdict == verdict_kind::ship);
    CHECK_THAT(r.quote, Contains("for now it is a waitlist"));
    CHECK_THAT(r.quote, !Contains("passes the first-ten-minutes test"));
}

TEST_CASE("the developer opens on the upgrade a release makes, not on a stock line, and says the rest after it", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    tool t = test::identity_tool();
    t.availability = release_stage::released;
    t.primitive = "a quantised checkpoint";
    t.predecessor = predecessor_facts{"Probe 1", "a 40x memory reduction"};
    t.performance = "a 40x memory reduction";
    t.setup.api_key = false;
    const review r = test::checked_review(*p, t, p->defaults());
    REQUIRE(r.verdict == verdict_kind::ship);
    CHECK_THAT(r.quote, StartsWith("An immediate upgrade from Probe 1: a 40x memory reduction."));
    REQUIRE_FALSE(r.sentences.empty());
    CHECK(r.sentences.front().rules == std::vector<std::string>{"upgrade"});
    CHECK(r.sentences.front().facts == std::vector<std::string>{"predecessor.name", "predecessor.improvement"});
}

TEST_CASE("the developer never claims the first-ten-minutes test without a set-up fact to test", "[personas][developer]") {
    auto p = test::load_stock_persona("developer");
    tool t = test::identity_tool();
    t.availability = release_stage::released;
    t.licence.commercial_use = commercial_terms::forbidden;
    t.lock_in = lock_in_level::high;
    const review r = test::checked_review(*p, t, p->defaults());
    REQUIRE(r.verdict == verdict_kind::skip);
    CHECK_THAT(r.quote, !Contains("first-ten-minutes"));
    CHECK_THAT(r.quote, Contains("Nothing here earns the ship yet."));

    t.setup.env_vars = 4;   // now there is set-up to judge
    const review tried = test::checked_review(*p, t, p->defaults());
    CHECK_THAT(tried.quote, Contains("It does not pass the first-ten-minutes test yet."));
}
