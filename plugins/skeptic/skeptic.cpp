// Skeptic: where does the claim break, and what kills it in 12 months?
//
// Values a real problem actually solved, and claims anyone can check. Counts
// against a release: competitors that already do it more openly, licences that
// forbid building a product, legal risk, self-reported benchmarks without a
// methodology, claims with a known breaking point, a visible threat. Still
// ships when the problem is real and solved despite the risks.
#include <verdict/persona.hpp>


namespace {

using namespace verdict;

settings skeptic_defaults() {
    settings s;
    s.base = 50;
    s.threshold = 50;
    s.min_facts = 2;
    s.weights = {{"problem_solved", 20},    {"problem_unsolved", -10}, {"more_open_competitors", -15}, {"crowded_field", -5},
                 {"non_commercial", -15},   {"legal_risk_high", -35},  {"legal_risk_medium", -10},     {"unverified_benchmarks", -10},
                 {"open_to_checking", 5},   {"claim_breaks", -5},      {"claim_backed", 5},            {"claim_unbacked", -5},
                 {"visible_threat", -5}};
    return s;
}

std::vector<std::string> more_open_competitors(const tool& t) {
    std::vector<std::string> names;
    if (!t.competitors || t.licence.commercial_use != commercial_terms::forbidden) return names;
    for (const competitor_facts& c : *t.competitors)
        if (c.commercial_use == commercial_terms::allowed) names.push_back(c.name);
    return names;
}

std::vector<std::string> competitor_names(const tool& t) {
    std::vector<std::string> names;
    for (const competitor_facts& c : t.competitors.value_or(std::vector<competitor_facts>{})) names.push_back(c.name);
    return names;
}

// The first claim is the headline one: the one the skeptic interrogates.
const claim_facts* headline_claim(const tool& t) { return t.claims && !t.claims->empty() ? &t.claims->front() : nullptr; }

std::string evidence_phrase(evidence_kind e) {
    switch (e) {
    case evidence_kind::independent: return "independently verified";
    case evidence_kind::documented: return "documented";
    case evidence_kind::self_reported: return "self-reported";
    case evidence_kind::none: return "unbacked";
    }
    return "unbacked";
}

void weigh_problem_and_rivals(const tool& t, scorecard& card) {
    if (const auto& solved = t.problem.solved) {
        card.rule("problem_solved", "problem.solved", describe(*solved), *solved, "The problem is real and the release solves it.");
        card.rule("problem_unsolved", "problem.solved", describe(*solved), !*solved, "The problem is real but still unsolved.");
    }
    if (t.competitors) {
        const auto open = more_open_competitors(t);
        card.rule("more_open_competitors", "competitors", describe(open), !open.empty(), "Competitors are open and commercially licensable where this is not.");
        card.rule("crowded_field", "competitors", describe(competitor_names(t)), t.competitors->size() >= 2, "Direct competitors already cover this ground.");
    }
    if (const auto& c = t.licence.commercial_use)
        card.rule("non_commercial", "licence.commercial_use", describe(*c), *c == commercial_terms::forbidden, "The licence forbids building a product on it.");
    if (const auto& legal = t.risks.legal) {
        card.rule("legal_risk_high", "risks.legal", describe(*legal), *legal == risk_level::high, "Building on a legally contested base is reckless.");
        card.rule("legal_risk_medium", "risks.legal", describe(*legal), *legal == risk_level::medium, "There is legal risk to price in.");
    }
    if (t.risks.threat) card.rule("visible_threat", "risks.threat", *t.risks.threat, true, "Something visible could make it irrelevant within a year.");
}

void weigh_claims(const tool& t, scorecard& card) {
    if (const auto& b = t.benchmarks; b && b->self_reported && b->methodology_published) {
        const bool unverified = *b->self_reported && !*b->methodology_published;
        card.rule("unverified_benchmarks", "benchmarks.methodology_published", describe(*b->methodology_published), unverified,
                  "Benchmark numbers are self-reported without a methodology.");
    }
    if (const auto open = openness_of(t))
        card.rule("open_to_checking", open->fact, describe(open->open), open->open, "Anyone can inspect it, so its claims get checked.");
    const claim_facts* headline = headline_claim(t);
    if (headline && headline->breaks_at)
        card.rule("claim_breaks", "claims.breaks_at", *headline->breaks_at, true, "Its headline claim has a known breaking point.");
    if (headline && headline->evidence) {
        const evidence_kind e = *headline->evidence;
        const bool backed = e == evidence_kind::documented || e == evidence_kind::independent;
        card.rule("claim_backed", "claims.evidence", describe(e), backed, "Its headline claim is backed by evidence.");
        card.rule("claim_unbacked", "claims.evidence", describe(e), !backed, "Its headline claim rests on the vendor's word.");
    }
}

std::string rivals_sentence(const tool& t) {
    const auto names = competitor_names(t);
    if (names.empty()) return "";
    std::string text = names.size() == 1 ? " The direct competitor is " + names.front() + "." : " Direct competitors are " + join_list(names) + ".";
    const auto open = more_open_competitors(t);
    if (open.empty()) return text;
    const std::string who = open.size() == names.size() ? (names.size() == 1 ? "It is" : names.size() == 2 ? "Both are" : "All are")
                                                        : join_list(open) + (open.size() == 1 ? " is" : " are");
    return text + " " + who + " open and commercially licensable, and this is not.";
}

std::string problem_sentence(const tool& t) {
    if (t.problem.solved != false) return "";
    return " It does not solve " + t.problem.statement.value_or("the problem it names") + " yet.";
}

std::string claims_sentence(const tool& t) {
    std::string text;
    if (const claim_facts* c = headline_claim(t); c && (c->evidence || c->breaks_at)) {
        const bool doubtful = c->evidence == evidence_kind::self_reported || c->evidence == evidence_kind::none;
        text += " The claim of " + c->text;
        if (c->evidence) text += " is " + evidence_phrase(*c->evidence);
        if (c->breaks_at) text += std::string(!c->evidence ? "" : doubtful ? ", and it" : ", but it") + " breaks at the boundary: " + *c->breaks_at;
        text += c->breaks_at || !doubtful ? "." : ": it rests on the vendor's word.";
    }
    if (const auto& b = t.benchmarks; b && b->self_reported == true && b->methodology_published == false) {
        const std::string names = b->names.empty() ? "benchmark" : join_list(b->names) + " benchmark";
        text += " The " + names + " claims are self-reported and the methodology is absent, which is a yellow flag";
        text += t.licence.open_weights == true ? ", but the weights are public, so the community will check them." : ".";
    }
    return text;
}

std::string risks_sentence(const tool& t) {
    std::string text;
    if (t.licence.commercial_use == commercial_terms::forbidden)
        text += " The " + t.licence.name.value_or("licence") + " says no to commercial use: the moment anyone wants to build a product on this, the value proposition collapses.";
    if (t.risks.legal == risk_level::high || t.risks.legal == risk_level::medium)
        text += std::string(t.risks.legal == risk_level::high ? " The legal situation is murky" : " There is legal risk") +
                (t.risks.legal_notes ? ": " + *t.risks.legal_notes + "." : ".");
    if (t.risks.threat) text += " What kills this in 12 months: " + *t.risks.threat + ".";
    return text;
}

std::string closing_sentence(const tool& t, const scorecard& card, bool risks_named) {
    if (card.verdict() == verdict_kind::ship && card.fired("problem_solved"))
        return " Still ships, because " + t.problem.statement.value_or("the problem it tackles") + " is a real problem, and this solves it.";
    if (card.verdict() == verdict_kind::ship) return risks_named ? " It ships, with those risks priced in." : " It ships.";
    if (card.fired("legal_risk_high")) return " Building a production workflow on a legally contested codebase is reckless: wait for the dust to settle.";
    return " Skip it until that changes.";
}

std::string compose_quote(const tool& t, const scorecard& card) {
    if (card.verdict() == verdict_kind::abstain)
        return "Too little to interrogate: the catalog names too few of " + t.name + "'s competitors, claims, licence terms or risks.";
    const std::string risks = risks_sentence(t);
    const std::string text = rivals_sentence(t) + problem_sentence(t) + claims_sentence(t) + risks + closing_sentence(t, card, !risks.empty());
    return text.substr(1);
}

class skeptic_persona final : public persona {
public:
    std::string id() const override { return "skeptic"; }
    std::string display_name() const override { return "Skeptic"; }
    std::string version() const override { return "1.0.0"; }
    settings defaults() const override { return skeptic_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_problem_and_rivals(t, card);
        weigh_claims(t, card);
        return card.finish(compose_quote(t, card));
    }
};

}  // namespace

VERDICT_PERSONA(skeptic_persona)
