// The skeptic persona's rules, one fact at a time, on the real built plugin:
// each rule fires on the fact it reads at its declared weight, absent facts are
// neutral, high legal risk skips while a solved real problem ships despite
// risks, the quote names the competitors, claims and risks it read and none it
// did not, and settings are data.
#include "personas/persona_checks.hpp"

using namespace verdict;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

competitor_facts rival(const std::string& name, commercial_terms terms) {
    competitor_facts c;
    c.name = name;
    c.commercial_use = terms;
    return c;
}

claim_facts claim(const std::string& text, std::vector<evidence_kind> evidence, std::optional<std::string> breaks_at = {}) {
    return claim_facts{text, std::move(evidence), std::move(breaks_at), std::nullopt};
}

// A real problem, solved, with some legal risk: the brief's "ships despite risks" case.
tool solved_problem_tool() {
    tool t = test::identity_tool();
    t.problem.statement = "serving models without managing GPUs";
    t.problem.solved = true;
    t.risks.legal = risk_level::medium;
    t.risks.legal_notes = "its terms of service are untested in court";
    return t;
}

}  // namespace

TEST_CASE("each skeptic rule fires on the fact it reads, at its declared weight", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    using v = std::vector<std::string>;
    test::run_rule_cases(*p, {
        {"solved", [](tool& t) { t.problem.solved = true; }, v{"problem_solved"}, "problem.solved", "true"},
        {"unsolved", [](tool& t) { t.problem.solved = false; }, v{"problem_unsolved"}, "problem.solved", "false"},
        // Open rivals only count against a tool whose own licence forbids commercial use.
        {"more open rival", [](tool& t) { t.licence.commercial_use = commercial_terms::forbidden;
                                          t.competitors = std::vector{rival("Open Rival", commercial_terms::allowed)}; },
         v{"more_open_competitors", "non_commercial"}, "competitors", "Open Rival"},
        {"open rival, open tool", [](tool& t) { t.licence.commercial_use = commercial_terms::allowed;
                                                t.competitors = std::vector{rival("Open Rival", commercial_terms::allowed)}; }, v{}, "", ""},
        {"two rivals", [](tool& t) { t.competitors = std::vector{rival("A", commercial_terms::allowed), rival("B", commercial_terms::forbidden)}; },
         v{"crowded_field"}, "competitors", "A, B"},
        {"commercial forbidden", [](tool& t) { t.licence.commercial_use = commercial_terms::forbidden; }, v{"non_commercial"}, "licence.commercial_use", "forbidden"},
        {"commercial restricted", [](tool& t) { t.licence.commercial_use = commercial_terms::restricted; }, v{}, "", ""},
        {"legal high", [](tool& t) { t.risks.legal = risk_level::high; }, v{"legal_risk_high"}, "risks.legal", "high"},
        {"legal medium", [](tool& t) { t.risks.legal = risk_level::medium; }, v{"legal_risk_medium"}, "risks.legal", "medium"},
        {"legal low", [](tool& t) { t.risks.legal = risk_level::low; }, v{}, "", ""},
        {"threat", [](tool& t) { t.risks.threat = "a bigger lab shipping it free"; }, v{"visible_threat"}, "risks.threat", "a bigger lab shipping it free"},
        {"self-reported benchmarks", [](tool& t) { t.benchmarks = benchmark_facts{{"MMLU"}, true, false}; },
         v{"unverified_benchmarks"}, "benchmarks.methodology_published", "false"},
        {"benchmarks with a method", [](tool& t) { t.benchmarks = benchmark_facts{{"MMLU"}, true, true}; }, v{}, "", ""},
        {"benchmarks, method unknown", [](tool& t) { t.benchmarks = benchmark_facts{{"MMLU"}, true, std::nullopt}; }, v{}, "", ""},
        {"open weights", [](tool& t) { t.licence.open_weights = true; }, v{"open_to_checking"}, "licence.open_weights", "true"},
        {"open source", [](tool& t) { t.licence.open_source = true; }, v{"open_to_checking"}, "licence.open_source", "true"},
        {"claim breaks", [](tool& t) { t.claims = std::vector{claim("fast cold starts", {}, "past 8k tokens")}; },
         v{"claim_breaks"}, "claims.breaks_at", "past 8k tokens"},
        {"claim documented", [](tool& t) { t.claims = std::vector{claim("fast cold starts", {evidence_kind::documented})}; },
         v{"claim_backed"}, "claims.evidence", "documented"},
        {"claim independent", [](tool& t) { t.claims = std::vector{claim("fast cold starts", {evidence_kind::independent})}; },
         v{"claim_backed"}, "claims.evidence", "independent"},
        {"claim self-reported", [](tool& t) { t.claims = std::vector{claim("fast cold starts", {evidence_kind::self_reported})}; },
         v{"claim_unbacked"}, "claims.evidence", "self_reported"},
    });
}

TEST_CASE("the skeptic abstains on identity facts alone, and an absent fact is neutral", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    const settings& s = p->defaults();
    const review bare = test::checked_review(*p, test::identity_tool(), s);
    CHECK(bare.verdict == verdict_kind::abstain);
    CHECK(bare.reasons.empty());
    CHECK_THAT(bare.quote, Contains("Probe Tool"));

    // Without legal notes or a level, the solved problem alone decides; no legal sentence appears.
    tool t = solved_problem_tool();
    t.risks.legal.reset();
    t.risks.legal_notes.reset();
    t.licence.open_source = true;   // a second known fact, so the persona does not abstain
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"problem_solved", "open_to_checking"});
    CHECK(r.verdict == test::verdict_for(r.score, s));
    CHECK_THAT(r.quote, !Contains("legal"));
}

TEST_CASE("the skeptic ships a real problem solved despite medium legal risk", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    const settings& s = p->defaults();
    const review r = test::checked_review(*p, solved_problem_tool(), s);
    test::check_fired(r, s, {"problem_solved", "legal_risk_medium"});
    CHECK(r.verdict == verdict_kind::ship);
    CHECK_THAT(r.quote, Contains("its terms of service are untested in court"));
    CHECK_THAT(r.quote, StartsWith("Serving models without managing GPUs is a real problem, and this solves it."));
}

TEST_CASE("the skeptic skips high legal risk even when the problem is solved", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    const settings& s = p->defaults();
    tool t = solved_problem_tool();
    t.risks.legal = risk_level::high;
    t.risks.legal_notes = "it was rewritten from leaked source";
    const review r = test::checked_review(*p, t, s);
    test::check_fired(r, s, {"problem_solved", "legal_risk_high"});
    CHECK(r.verdict == verdict_kind::skip);
    CHECK_THAT(r.quote, Contains("it was rewritten from leaked source"));
    CHECK_THAT(r.quote, Contains("reckless"));
    CHECK_THAT(r.quote, !Contains("Still ships"));
}

TEST_CASE("the skeptic's quote names the competitors, claims and licence it read, and only those", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    tool t = test::identity_tool();
    t.licence.name = "research licence";
    t.licence.open_weights = true;
    t.licence.commercial_use = commercial_terms::forbidden;
    t.competitors = std::vector{rival("Llama 3.1 8B", commercial_terms::allowed), rival("Mistral 7B", commercial_terms::allowed)};
    t.benchmarks = benchmark_facts{{"MMLU", "HumanEval"}, true, false};
    t.claims = std::vector{claim("sub-100ms cold starts", {evidence_kind::documented}, "models past 70B parameters")};
    t.risks.threat = "a truly open licence from the same lab";
    const review r = test::checked_review(*p, t, p->defaults());
    CHECK_THAT(r.quote, StartsWith("Direct competitors are Llama 3.1 8B and Mistral 7B: both open and commercially licensable, where this is not."));
    CHECK_THAT(r.quote, Contains("MMLU and HumanEval"));
    CHECK_THAT(r.quote, Contains("the weights are public"));
    CHECK_THAT(r.quote, Contains("sub-100ms cold starts is documented, but it breaks at the boundary: models past 70B parameters."));
    CHECK_THAT(r.quote, Contains("The research licence says no to commercial use"));
    CHECK_THAT(r.quote, Contains("What kills this in 12 months: a truly open licence from the same lab."));

    // With none of those facts stated, the quote claims none of them.
    tool quiet = test::identity_tool();
    quiet.problem.solved = true;
    quiet.claims = std::vector{claim("fast", {evidence_kind::independent})};
    const review q = test::checked_review(*p, quiet, p->defaults());
    for (const char* absent : {"competitor", "benchmark", "licence", "legal", "12 months", "breaks"}) CHECK_THAT(q.quote, !Contains(absent));
}

TEST_CASE("the skeptic's weights and threshold are data the settings override", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    tool t = solved_problem_tool();
    t.risks.legal = risk_level::high;
    const std::vector<std::string> rules{"problem_solved", "legal_risk_high"};

    settings forgiving = p->defaults();
    forgiving.weights["legal_risk_high"] = -5;   // a panel that prices legal risk low flips the skip
    const review r = test::checked_review(*p, t, forgiving);
    test::check_fired(r, forgiving, rules);
    CHECK(r.verdict == test::verdict_for(test::expected_score(forgiving, rules), forgiving));
    CHECK(r.verdict == verdict_kind::ship);

    settings low_bar = p->defaults();
    low_bar.threshold = test::expected_score(low_bar, rules);
    CHECK(test::checked_review(*p, t, low_bar).verdict == verdict_kind::ship);
}

// Defects found in earlier versions, each pinned by a test.

TEST_CASE("the skeptic's open_to_checking reason records the open fact, not a closed one", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    tool t = test::identity_tool();
    t.licence.open_weights = false;  // no downloadable weights ...
    t.licence.open_source = true;    // ... but the source is open, which is what fires the rule
    const review r = test::checked_review(*p, t, p->defaults());
    const reason* open = test::reason_for(r, "open_to_checking");
    REQUIRE(open != nullptr);
    CHECK(open->fact == "licence.open_source");
    CHECK(open->value == "true");
}

TEST_CASE("the skeptic's skip quote says why it skips", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    tool t = test::identity_tool();
    t.problem.statement = "hallucinated citations";
    t.problem.solved = false;
    t.claims = std::vector{claim("zero hallucinations", {evidence_kind::self_reported})};
    const review r = test::checked_review(*p, t, p->defaults());
    test::check_fired(r, p->defaults(), {"problem_unsolved", "claim_unbacked"});
    REQUIRE(r.verdict == verdict_kind::skip);
    // The two facts that sank it are the problem left unsolved and the vendor's unbacked claim.
    CHECK_THAT(r.quote, Contains("hallucinated citations"));
    CHECK_THAT(r.quote, Contains("zero hallucinations"));
}

TEST_CASE("the skeptic's ship quote claims no risks the tool does not state", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    tool t = test::identity_tool();
    t.licence.open_source = true;
    t.claims = std::vector{claim("fast", {evidence_kind::independent})};
    const review r = test::checked_review(*p, t, p->defaults());
    REQUIRE(r.verdict == verdict_kind::ship);
    CHECK_THAT(r.quote, !Contains("risks"));
}

TEST_CASE("the skeptic reads every kind of evidence a claim has: self-reported but backed by code is not the vendor's word", "[personas][skeptic]") {
    auto p = test::load_stock_persona("skeptic");
    tool t = test::identity_tool();
    t.problem.solved = true;
    t.claims = std::vector{claim("a 40x memory reduction", {evidence_kind::self_reported, evidence_kind::code}),
                           claim("zero regressions", {evidence_kind::self_reported}),
                           claim("runs on a Raspberry Pi", {evidence_kind::independent, evidence_kind::documented})};
    const review r = test::checked_review(*p, t, p->defaults());
    test::check_fired(r, p->defaults(), {"problem_solved", "claim_backed"});
    CHECK_THAT(r.quote, Contains("The claim of a 40x memory reduction is self-reported, but backed by code anyone can run."));
    CHECK_THAT(r.quote, Contains("The claim of zero regressions is self-reported: it rests on the vendor's word."));
    CHECK_THAT(r.quote, Contains("The claim of runs on a Raspberry Pi is independently verified and documented."));
    CHECK_THAT(r.quote, !Contains("40x memory reduction is self-reported: it rests"));

    // A claim the catalog says nothing more about is still said, for what it is.
    t.claims->push_back(claim("the fastest loader", {}));
    t.claims->push_back(claim("a drop-in API", {}));
    const review all = test::checked_review(*p, t, p->defaults());
    CHECK_THAT(all.quote, Contains("It also claims the fastest loader and a drop-in API, with nothing stated about what backs them."));
    tool only_bare = test::identity_tool();
    only_bare.problem.solved = true;
    only_bare.risks.legal = risk_level::low;   // a second known fact, so the skeptic does not abstain
    only_bare.claims = std::vector{claim("the fastest loader", {})};
    CHECK_THAT(test::checked_review(*p, only_bare, p->defaults()).quote,
               Contains("It claims the fastest loader, with nothing stated about what backs it."));
}
