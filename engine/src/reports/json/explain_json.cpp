#include "reports/json/explain_json.hpp"

#include "reports/json/review_json.hpp"
#include "reports/number_format.hpp"

namespace verdict {
namespace {

using json = nlohmann::ordered_json;

json step_to_json(const walk_step& s) {
    return {{"rule", s.rule}, {"weight", number_or_null(s.weight)}, {"fired", s.fired}, {"points", json_number(s.points)},
            {"total", json_number(s.total)}, {"fact", s.fact}, {"value", s.value}};
}

}  // namespace

json walk_to_json(const score_walk& w) {
    const seat_review& s = *w.review;
    json rules = json::array();
    for (const walk_step& step : w.steps) rules.push_back(step_to_json(step));
    return {{"seat", s.seat},
            {"shadow", s.shadow},
            {"persona_name", s.persona_name},
            {"persona_version", s.persona_version},
            {"verdict", name_of(s.outcome())},
            {"base", json_number(w.base)},
            {"threshold", json_number(w.threshold)},
            {"min_facts", w.min_facts},
            {"known_facts", or_null(w.known_facts)},
            {"every_rule", w.every_rule},
            {"rules", rules},
            {"sentences", s.result ? sentences_to_json(*s.result) : json::array()},
            {"score", s.result ? json_number(s.result->score) : json(nullptr)},
            {"margin", number_or_null(w.margin)},
            {"error", s.result ? json(nullptr) : json(s.failure)}};
}

json explanation_to_json(const tool_explanation& e) {
    const tool_review& r = *e.review;
    json seats = json::array();
    for (const score_walk& w : e.seats) seats.push_back(walk_to_json(w));
    json tool = {{"id", r.subject->id}, {"name", r.subject->name}};
    add_problems(tool, r);
    return {{"tool", tool}, {"panel", panel_to_json(r.verdict)}, {"seats", seats}};
}

}  // namespace verdict
