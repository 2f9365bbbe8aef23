// The walk is rebuilt from the review's own record, never by reviewing again,
// so it cannot disagree with the review it explains: the last total is the
// review's score.
#include "explain/score_walk.hpp"

#include <algorithm>

namespace verdict {
namespace {

const settings* settings_of(const panel& seats, const std::string& seat_id) {
    for (const seat& s : seats.seats())
        if (s.config.id == seat_id) return &s.effective;
    return nullptr;
}

std::optional<double> weight_in(const settings& s, const std::string& rule) {
    const auto found = s.weights.find(rule);
    return found == s.weights.end() ? std::nullopt : std::optional(found->second);
}

int distinct_facts(const std::vector<rule_check>& checks) {
    std::vector<std::string_view> facts;
    for (const rule_check& c : checks)
        if (std::find(facts.begin(), facts.end(), c.fact) == facts.end()) facts.push_back(c.fact);
    return static_cast<int>(facts.size());
}

}  // namespace

score_walk walk_of(const seat_review& s, const panel& seats) {
    score_walk walk;
    walk.review = &s;
    const settings* in_force = settings_of(seats, s.seat);
    walk.base = s.base.value_or(in_force ? in_force->base : 0);
    walk.threshold = s.threshold.value_or(in_force ? in_force->threshold : 0);
    walk.min_facts = in_force ? in_force->min_facts : 0;
    if (!s.result) return walk;
    const review& r = *s.result;
    double total = walk.base;
    auto step = [&](const std::string& rule, const std::string& fact, const std::string& value, bool fired, double points) {
        total += points;
        walk.steps.push_back({rule, fact, value, in_force && rule != clamp_rule ? weight_in(*in_force, rule) : std::nullopt, fired, points, total});
    };
    walk.every_rule = !r.checks.empty() || r.reasons.empty();
    std::size_t next_reason = 0;
    for (const rule_check& c : r.checks) step(c.rule, c.fact, c.value, c.fired, c.fired ? r.reasons[next_reason++].points : 0);
    if (r.checks.empty())
        for (; next_reason < r.reasons.size() && r.reasons[next_reason].rule != clamp_rule; ++next_reason) {
            const reason& each = r.reasons[next_reason];
            step(each.rule, each.fact, each.value, true, each.points);
        }
    if (next_reason < r.reasons.size()) {
        const reason& clamp = r.reasons[next_reason];
        step(clamp.rule, clamp.fact, clamp.value, true, clamp.points);
    }
    if (walk.every_rule) walk.known_facts = distinct_facts(r.checks);
    if (r.verdict != verdict_kind::abstain) walk.margin = r.score - walk.threshold;
    return walk;
}

tool_explanation explain(const tool_review& r, const panel& seats, const std::optional<std::string>& seat_id) {
    tool_explanation out{&r, {}};
    for (const seat_review& s : r.seats)
        if (!seat_id || s.seat == *seat_id) out.seats.push_back(walk_of(s, seats));
    return out;
}

}  // namespace verdict
