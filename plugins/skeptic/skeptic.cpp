// Skeptic: where does the claim break, and what kills it in 12 months?
//
// Values a real problem actually solved, and claims anyone can check. Counts
// against a release: competitors that already do it more openly, licences that
// forbid building a product, legal risk, self-reported benchmarks without a
// methodology, claims with a known breaking point, a visible threat. Still
// ships when the problem is real and solved despite the risks. Every claim the
// catalog lists is interrogated, each with the evidence it actually has.
#include <verdict/persona.hpp>

#include <algorithm>
#include <optional>

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

const std::vector<claim_facts>& claims_of(const tool& t) {
    static const std::vector<claim_facts> none;
    return t.claims ? *t.claims : none;
}

// The claim the evidence rules weigh: the first that says what backs it, the one the vendor leads with.
const claim_facts* evidenced_claim(const tool& t) {
    for (const claim_facts& c : claims_of(t))
        if (!c.evidence.empty()) return &c;
    return nullptr;
}

const claim_facts* breaking_claim(const tool& t) {
    for (const claim_facts& c : claims_of(t))
        if (c.breaks_at) return &c;
    return nullptr;
}

// What backs a claim, in words: the kinds besides the vendor's word, from the strongest down, after "self-reported, but"
// when the vendor reported it too.
std::string evidence_words(const claim_facts& c) {
    std::vector<std::string> strong;
    if (c.backed_by(evidence_kind::independent)) strong.push_back("independently verified");
    if (c.backed_by(evidence_kind::documented)) strong.push_back("documented");
    if (c.backed_by(evidence_kind::code)) strong.push_back("backed by code anyone can run");
    const bool reported = c.backed_by(evidence_kind::self_reported);
    if (strong.empty()) return reported ? "self-reported" : "unbacked";
    return (reported ? "self-reported, but " : "") + join_list(strong);
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
    if (const claim_facts* c = breaking_claim(t)) card.rule("claim_breaks", "claims.breaks_at", *c->breaks_at, true, "Its headline claim has a known breaking point.");
    if (const claim_facts* c = evidenced_claim(t)) {
        card.rule("claim_backed", "claims.evidence", describe(c->evidence), c->backed(), "Its headline claim is backed by evidence.");
        card.rule("claim_unbacked", "claims.evidence", describe(c->evidence), !c->backed(), "Its headline claim rests on the vendor's word.");
    }
}

// A solved problem is the skeptic's strongest reason to ship, so it is said where the quote can lead with it.
void say_problem(const tool& t, scorecard& card) {
    if (!card.fired("problem_solved")) return;
    std::vector<std::string> facts{"problem.solved"};
    if (t.problem.statement) facts.push_back("problem.statement");
    card.say(sentence_case(t.problem.statement.value_or("the problem it tackles")) + " is a real problem, and this solves it.", {"problem_solved"}, facts);
}

// The note every competitor shares, when they all have the same one.
std::optional<std::string> shared_note(const std::vector<competitor_facts>& rivals) {
    if (rivals.size() < 2 || !rivals.front().note) return std::nullopt;
    for (const competitor_facts& c : rivals)
        if (c.note != rivals.front().note) return std::nullopt;
    return rivals.front().note;
}

// The rivals in one sentence, with what they all are where it is so; what only some of them are follows.
void say_rivals(const tool& t, scorecard& card) {
    const auto names = competitor_names(t);
    if (names.empty()) return;
    const auto& rivals = *t.competitors;
    const auto open = more_open_competitors(t);
    const bool all_open_weights = std::all_of(rivals.begin(), rivals.end(), [](const competitor_facts& c) { return c.open_weights == true; });
    const std::string each = names.size() == 1 ? "" : names.size() == 2 ? "both " : "all ";
    std::vector<std::string> rules = card.fired_among({"more_open_competitors", "crowded_field"});
    std::vector<std::string> facts{"competitors"};
    std::string text = names.size() == 1 ? "The direct competitor is " + names.front() : "Direct competitors are " + join_list(names);
    if (!open.empty() && open.size() == names.size()) {
        text += ": " + each + "open and commercially licensable, where this is not";
        facts.push_back("licence.commercial_use");
    } else if (all_open_weights) {
        text += ": " + each + "open too, so the field is crowded with free models";
    }
    const auto note = shared_note(rivals);
    if (note) {
        text += (text.find(':') == std::string::npos ? ", " + each : ", and ") + *note;
        facts.push_back("competitors.note");
    }
    card.say(text + ".", rules, facts);
    if (!open.empty() && open.size() < names.size())
        card.say(join_list(open) + (open.size() == 1 ? " is" : " are") + " open and commercially licensable, and this is not.", {"more_open_competitors"},
                 {"competitors", "licence.commercial_use"});
    if (!note)
        for (const competitor_facts& c : rivals)
            if (c.note) card.say(c.name + " is " + *c.note + ".", {}, {"competitors", "competitors.note"});
    if (t.differentiator) card.say("What it adds is " + *t.differentiator + ".", {}, {"differentiator"});
}

void say_claims(const tool& t, scorecard& card) {
    const claim_facts* evidenced = evidenced_claim(t);
    const claim_facts* breaking = breaking_claim(t);
    std::vector<std::string> bare;   // claims the catalog says nothing more about
    for (const claim_facts& c : claims_of(t)) {
        if (c.evidence.empty() && !c.breaks_at && !c.holds_for) {
            bare.push_back(c.text);
            continue;
        }
        std::vector<std::string> rules;
        std::vector<std::string> facts{"claims"};
        std::string text = "The claim of " + c.text;
        const bool doubtful = !c.evidence.empty() && !c.backed();
        if (!c.evidence.empty()) {
            text += " is " + evidence_words(c);
            facts.push_back("claims.evidence");
            if (&c == evidenced) rules.push_back(c.backed() ? "claim_backed" : "claim_unbacked");
        }
        if (c.holds_for) {
            text += std::string(c.evidence.empty() ? "" : ", and it") + " holds for " + *c.holds_for;
            facts.push_back("claims.holds_for");
        }
        if (c.breaks_at) {
            text += std::string(c.evidence.empty() && !c.holds_for ? "" : doubtful ? "; it" : ", but it") + " breaks at the boundary: " + *c.breaks_at;
            facts.push_back("claims.breaks_at");
            if (&c == breaking) rules.push_back("claim_breaks");
        }
        text += c.breaks_at || !doubtful ? "." : ": it rests on the vendor's word.";
        card.say(text, rules, facts);
    }
    if (!bare.empty())
        card.say(std::string(bare.size() < claims_of(t).size() ? "It also claims " : "It claims ") + join_list(bare) +
                     ", with nothing stated about what backs " + (bare.size() == 1 ? "it." : "them."),
                 {}, {"claims"});
    if (const auto& b = t.benchmarks; b && b->self_reported == true && b->methodology_published == false) {
        const std::string names = b->names.empty() ? "benchmark" : join_list(b->names) + " benchmark";
        const bool public_weights = t.licence.open_weights == true;
        std::vector<std::string> facts{"benchmarks.self_reported", "benchmarks.methodology_published"};
        if (public_weights) facts.push_back("licence.open_weights");
        card.say("The " + names + " claims are self-reported and the methodology is absent, which is a yellow flag" +
                     (public_weights ? ", but the weights are public, so the community will check them." : "."),
                 card.fired_among({"unverified_benchmarks", "open_to_checking"}), facts);
    }
}

void say_risks(const tool& t, scorecard& card) {
    if (card.fired("non_commercial")) {
        if (t.licence.open_weights == true)
            card.say("It gets credit for openness without being open.", {"non_commercial"}, {"licence.open_weights", "licence.commercial_use"});
        card.say("The " + t.licence.name.value_or("licence") + " says no to commercial use: the moment anyone wants to build a product on this, the value proposition collapses.",
                 {"non_commercial"}, {"licence.commercial_use"});
    }
    if (card.fired("legal_risk_high") || card.fired("legal_risk_medium")) {
        std::vector<std::string> facts{"risks.legal"};
        if (t.risks.legal_notes) facts.push_back("risks.legal_notes");
        card.say(std::string(card.fired("legal_risk_high") ? "The legal situation is murky" : "There is legal risk") +
                     (t.risks.legal_notes ? ": " + *t.risks.legal_notes + "." : "."),
                 card.fired_among({"legal_risk_high", "legal_risk_medium"}), facts);
    }
    const bool direct = t.market.revenue_model && *t.market.revenue_model != revenue_kind::none && *t.market.revenue_model != revenue_kind::distribution;
    if (t.market.moat && direct) card.say("Its moat rests on " + *t.market.moat + ", not on market position.", {}, {"market.moat"});
    if (t.risks.threat) card.say("What kills this in 12 months: " + *t.risks.threat + ".", {"visible_threat"}, {"risks.threat"});
    if (card.fired("problem_unsolved"))
        card.say("It does not solve " + t.problem.statement.value_or("the problem it names") + " yet.", {"problem_unsolved"}, {"problem.solved"});
}

void close_quote(scorecard& card) {
    const bool ship = card.verdict() == verdict_kind::ship;
    if (ship && card.fired("problem_solved"))
        return card.close("Still ships: the risks do not outweigh a real problem solved.", {"problem_solved"}, {"problem.solved"});
    const auto risks = card.fired_among({"legal_risk_high", "legal_risk_medium", "visible_threat", "claim_breaks", "non_commercial"});
    if (ship && !risks.empty()) return card.close("It ships, with those risks priced in.", risks);
    if (ship) return card.close("It holds up to the questions I put to it, so it ships.", card.verdict_rules());
    if (card.fired("legal_risk_high"))
        return card.close("Building a production workflow on a legally contested codebase is reckless: wait for the dust to settle.", {"legal_risk_high"},
                          {"risks.legal"});
    card.close("Skip it until that changes.", card.verdict_rules());
}

review compose(const tool& t, scorecard& card) {
    if (card.verdict() == verdict_kind::abstain) {
        card.close("Too little to interrogate: the catalog names too few of " + t.name + "'s competitors, claims, licence terms or risks.", {},
                   {"competitors", "claims", "licence", "risks"});
        return card.finish();
    }
    say_problem(t, card);
    say_rivals(t, card);
    say_claims(t, card);
    say_risks(t, card);
    close_quote(card);
    return card.finish();
}

class skeptic_persona final : public persona {
public:
    std::string id() const override { return "skeptic"; }
    std::string display_name() const override { return "Skeptic"; }
    std::string version() const override { return "2.0.0"; }
    settings defaults() const override { return skeptic_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_problem_and_rivals(t, card);
        weigh_claims(t, card);
        return compose(t, card);
    }
};

}  // namespace

VERDICT_PERSONA(skeptic_persona)
