// Futurist: what falsifiable bet does this release make?
//
// Values a stated thesis that can be proven wrong, a named dependency that is
// holding, a second-order effect beyond the release, and being early to the
// trend. Says skip when the dependency is failing or the release is late;
// abstains when no thesis is stated at all.
#include <verdict/persona.hpp>

namespace {

using namespace verdict;

settings futurist_defaults() {
    settings s;
    s.base = 40;
    s.threshold = 55;
    s.min_facts = 1;
    s.weights = {{"thesis_stated", 20},       {"falsifiable", 5},          {"dependency_named", 5},
                 {"dependency_holding", 10},  {"dependency_uncertain", -5}, {"dependency_failing", -20},
                 {"second_order_effect", 10}, {"early", 10},               {"on_time", 5},
                 {"late", -15}};
    return s;
}

void weigh_thesis(const tool& t, scorecard& card) {
    const thesis_facts& th = t.thesis;
    if (th.statement) card.rule("thesis_stated", "thesis.statement", *th.statement, true, "It makes a clear bet on where things are going.");
    if (th.falsifiable) card.rule("falsifiable", "thesis.falsifiable", describe(*th.falsifiable), *th.falsifiable, "The bet can be proven wrong, so it can be tracked.");
    if (th.dependency) card.rule("dependency_named", "thesis.dependency", *th.dependency, true, "It names what has to hold for the bet to pay.");
    if (const auto& status = th.dependency_status) {
        card.rule("dependency_holding", "thesis.dependency_status", describe(*status), *status == dependency_health::holding, "The dependency is holding.");
        card.rule("dependency_uncertain", "thesis.dependency_status", describe(*status), *status == dependency_health::uncertain, "The dependency is uncertain.");
        card.rule("dependency_failing", "thesis.dependency_status", describe(*status), *status == dependency_health::failing, "The dependency is already failing.");
    }
    if (th.second_order) card.rule("second_order_effect", "thesis.second_order", *th.second_order, true, "It has an effect beyond the release itself.");
    if (const auto& when = th.timing) {
        card.rule("early", "thesis.timing", describe(*when), *when == trend_timing::early, "It is early to its trend.");
        card.rule("on_time", "thesis.timing", describe(*when), *when == trend_timing::on_time, "It is on time to its trend.");
        card.rule("late", "thesis.timing", describe(*when), *when == trend_timing::late, "It is late to its trend.");
    }
}

std::string dependency_sentence(const thesis_facts& th) {
    if (!th.dependency) return "";
    std::string text = " The dependency that has to hold is " + *th.dependency;
    if (th.dependency_status == dependency_health::holding) return text + ", and it is holding.";
    if (th.dependency_status == dependency_health::uncertain) return text + ", which is genuinely uncertain.";
    if (th.dependency_status == dependency_health::failing) return text + ", and it is already failing.";
    return text + ".";
}

std::string timing_sentence(const tool& t) {
    if (t.thesis.timing == trend_timing::early) return " " + t.vendor + " is early to this trend.";
    if (t.thesis.timing == trend_timing::on_time) return " " + t.vendor + " is on time to this trend, not early.";
    if (t.thesis.timing == trend_timing::late) return " " + t.vendor + " is late to this trend.";
    return "";
}

std::string closing_sentence(const scorecard& card) {
    if (card.verdict() == verdict_kind::ship) return " That is the bet to watch.";
    if (card.fired("dependency_failing")) return " With its dependency failing, the bet is lost before it starts.";
    if (card.fired("late")) return " Late to the trend, it arrives after the window has closed.";
    return " The bet is too thin to back.";
}

std::string compose_quote(const tool& t, const scorecard& card) {
    if (card.verdict() == verdict_kind::abstain)
        return t.thesis.statement ? "Too little of the thesis behind " + t.name + " is spelled out to judge the bet."
                                  : "No thesis is stated for " + t.name + ", so there is no future state to bet on, and nothing to falsify.";
    const thesis_facts& th = t.thesis;
    std::string text = th.statement ? std::string(th.falsifiable == true ? "The thesis is falsifiable: " : "The thesis this release bets on: ") + *th.statement + "."
                                    : "The thesis is left unstated.";
    text += dependency_sentence(th);
    if (th.second_order) text += " The second-order effect: " + *th.second_order + ".";
    return text + timing_sentence(t) + closing_sentence(card);
}

class futurist_persona final : public persona {
public:
    std::string id() const override { return "futurist"; }
    std::string display_name() const override { return "Futurist"; }
    std::string version() const override { return "1.0.0"; }
    settings defaults() const override { return futurist_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_thesis(t, card);
        return card.finish(compose_quote(t, card));
    }
};

}  // namespace

VERDICT_PERSONA(futurist_persona)
