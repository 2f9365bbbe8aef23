// Futurist: what falsifiable bet does this release make?
//
// Values a stated thesis that can be proven wrong, the dependencies it names
// holding, a second-order effect beyond the release, and being early to the
// trend. Says skip when a dependency is failing or the release is late;
// abstains when no thesis is stated at all. When the catalog says what
// follows if the bet pays, that is the bet it tells you to watch.
#include <verdict/persona.hpp>

#include <algorithm>

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

// How the dependencies stand together: the worst of them, since the bet needs every one.
std::optional<dependency_health> dependencies_health(const thesis_facts& th) {
    std::optional<dependency_health> worst = th.dependency_status;
    for (const dependency_facts& d : th.dependencies.value_or(std::vector<dependency_facts>{}))
        if (d.status && (!worst || *d.status > *worst)) worst = d.status;
    return worst;
}

// Where the worst status was read: the single dependency's status, or the list of dependencies.
const char* status_fact(const thesis_facts& th) {
    return th.dependency_status && th.dependency_status == dependencies_health(th) ? "thesis.dependency_status" : "thesis.dependencies";
}

bool names_dependencies(const thesis_facts& th) { return th.dependency || (th.dependencies && !th.dependencies->empty()); }

void weigh_thesis(const tool& t, scorecard& card) {
    const thesis_facts& th = t.thesis;
    if (th.statement) card.rule("thesis_stated", "thesis.statement", *th.statement, true, "It makes a clear bet on where things are going.");
    if (th.falsifiable) card.rule("falsifiable", "thesis.falsifiable", describe(*th.falsifiable), *th.falsifiable, "The bet can be proven wrong, so it can be tracked.");
    const char* dependency_fact = th.dependency ? "thesis.dependency" : "thesis.dependencies";
    if (names_dependencies(th))
        card.rule("dependency_named", dependency_fact, th.dependency ? *th.dependency : describe(*th.dependencies), true,
                  "It names what has to hold for the bet to pay.");
    if (const auto status = dependencies_health(th)) {
        const char* fact = status_fact(th);
        card.rule("dependency_holding", fact, describe(*status), *status == dependency_health::holding, "The dependency is holding.");
        card.rule("dependency_uncertain", fact, describe(*status), *status == dependency_health::uncertain, "The dependency is uncertain.");
        card.rule("dependency_failing", fact, describe(*status), *status == dependency_health::failing, "The dependency is already failing.");
    }
    if (th.second_order) card.rule("second_order_effect", "thesis.second_order", *th.second_order, true, "It has an effect beyond the release itself.");
    if (const auto& when = th.timing) {
        card.rule("early", "thesis.timing", describe(*when), *when == trend_timing::early, "It is early to its trend.");
        card.rule("on_time", "thesis.timing", describe(*when), *when == trend_timing::on_time, "It is on time to its trend.");
        card.rule("late", "thesis.timing", describe(*when), *when == trend_timing::late, "It is late to its trend.");
    }
}

std::string status_words(dependency_health status) {
    switch (status) {
    case dependency_health::holding: return "holding";
    case dependency_health::uncertain: return "genuinely uncertain";
    case dependency_health::failing: return "already failing";
    }
    return "";
}

void say_dependencies(const thesis_facts& th, scorecard& card) {
    const auto status_rules = card.fired_among({"dependency_named", "dependency_holding", "dependency_uncertain", "dependency_failing"});
    if (th.dependency) {
        std::string text = "The dependency that has to hold is " + *th.dependency;
        if (th.dependency_status == dependency_health::holding) text += ", and it is holding";
        if (th.dependency_status == dependency_health::uncertain) text += ", which is genuinely uncertain";
        if (th.dependency_status == dependency_health::failing) text += ", and it is already failing";
        card.say(text + ".", status_rules, th.dependency_status ? std::vector<std::string>{"thesis.dependency", "thesis.dependency_status"}
                                                                : std::vector<std::string>{"thesis.dependency"});
    }
    if (!th.dependencies || th.dependencies->empty()) return;
    const auto& all = *th.dependencies;
    const bool one_status = std::all_of(all.begin(), all.end(), [&](const dependency_facts& d) { return d.status && d.status == all.front().status; });
    std::vector<std::string> items;
    for (const dependency_facts& d : all) items.push_back(d.text + (!one_status && d.status ? " (" + status_words(*d.status) + ")" : ""));
    std::string text = "It depends on " + join_list(items);
    if (one_status) text += all.size() == 1 ? ", which is " + status_words(*all.front().status) : std::string(all.size() == 2 ? ", and both are " : ", and all of them are ") + status_words(*all.front().status);
    card.say(text + ".", status_rules, {"thesis.dependencies"});
}

void say_timing(const tool& t, scorecard& card) {
    if (!t.thesis.timing) return;
    const std::string who = t.vendor ? *t.vendor : "It";
    const std::vector<std::string> facts = t.vendor ? std::vector<std::string>{"thesis.timing", "vendor"} : std::vector<std::string>{"thesis.timing"};
    if (*t.thesis.timing == trend_timing::early) card.say(who + " is early to this trend.", {"early"}, facts);
    if (*t.thesis.timing == trend_timing::on_time) card.say(who + " is on time to this trend, not early.", {"on_time"}, facts);
    if (*t.thesis.timing == trend_timing::late) card.say(who + " is late to this trend.", {"late"}, facts);
}

void close_quote(const tool& t, scorecard& card) {
    if (card.verdict() == verdict_kind::ship && t.thesis.next)
        return card.close("If it pays off, " + *t.thesis.next + ": that is the real bet to watch.", card.fired_among({"thesis_stated"}), {"thesis.next"});
    if (card.verdict() == verdict_kind::ship) return card.close("That is the bet to watch.", card.verdict_rules());
    if (card.fired("dependency_failing"))
        return card.close("With its dependency failing, the bet is lost before it starts.", {"dependency_failing"}, {status_fact(t.thesis)});
    if (card.fired("late")) return card.close("Late to the trend, it arrives after the window has closed.", {"late"}, {"thesis.timing"});
    card.close("The bet is too thin to back.", card.verdict_rules());
}

review compose(const tool& t, scorecard& card) {
    const thesis_facts& th = t.thesis;
    if (card.verdict() == verdict_kind::abstain) {
        card.close(th.statement ? "Too little of the thesis behind " + t.name + " is spelled out to judge the bet."
                                : "No thesis is stated for " + t.name + ", so there is no future state to bet on, and nothing to falsify.",
                   {}, {"thesis"});
        return card.finish();
    }
    if (th.statement) {
        card.say(std::string(th.falsifiable == true ? "The thesis is falsifiable: " : "The thesis this release bets on: ") + *th.statement + ".",
                 card.fired_among({"thesis_stated", "falsifiable"}), th.falsifiable == true ? std::vector<std::string>{"thesis.statement", "thesis.falsifiable"}
                                                                                           : std::vector<std::string>{"thesis.statement"});
    }
    say_dependencies(th, card);
    if (th.second_order) card.say("The second-order effect: " + *th.second_order + ".", {"second_order_effect"}, {"thesis.second_order"});
    say_timing(t, card);
    close_quote(t, card);
    return card.finish();
}

class futurist_persona final : public persona {
public:
    std::string id() const override { return "futurist"; }
    std::string display_name() const override { return "Futurist"; }
    std::string version() const override { return "2.0.0"; }
    settings defaults() const override { return futurist_defaults(); }

protected:
    review on_review(const tool& t, const settings& s) const override {
        scorecard card(s);
        weigh_thesis(t, card);
        return compose(t, card);
    }
};

}  // namespace

VERDICT_PERSONA(futurist_persona)
