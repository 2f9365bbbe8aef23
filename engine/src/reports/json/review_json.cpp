// Absent values are JSON null rather than missing keys, so every document has
// the same shape and a consumer never has to test for a key.
#include "reports/json/review_json.hpp"

#include "reports/number_format.hpp"

namespace verdict {

using json = nlohmann::ordered_json;

json number_or_null(const std::optional<double>& value) { return value ? json_number(*value) : json(nullptr); }

json fact_or_null(const tool_review& r, const std::string& value) { return r.unreadable.empty() ? json(value) : json(nullptr); }
json fact_or_null(const tool_review& r, const std::optional<std::string>& value) { return value ? fact_or_null(r, *value) : json(nullptr); }

json category_or_null(const tool_review& r) {
    return r.unreadable.empty() || !r.subject->category.empty() ? json(r.subject->category) : json(nullptr);
}

void add_problems(json& tool, const tool_review& r) {
    if (!r.unreadable.empty()) tool["problems"] = r.unreadable;
}

json panel_to_json(const panel_verdict& v) {
    return {{"ship_pct", or_null(v.ship_pct)},
            {"fraction", std::to_string(v.ship) + "/" + std::to_string(v.voting())},
            {"ship", v.ship},
            {"skip", v.skip},
            {"abstain", v.abstain},
            {"failed", v.failed},
            {"voting", v.voting()},
            {"quorum", v.quorum},
            {"state", v.quorum_met() ? "complete" : "insufficient"},
            {"missing_seats", v.missing},
            {"mean_score", v.mean_score ? json_number(round_to_tenth(*v.mean_score)) : json(nullptr)},
            {"rule_set", v.rule_set}};
}

json sentences_to_json(const review& r) {
    json out = json::array();
    for (const quote_sentence& q : r.sentences) out.push_back({{"text", q.text}, {"rules", q.rules}, {"facts", q.facts}});
    return out;
}

namespace {

json reason_to_json(const reason& r) {
    return {{"rule", r.rule}, {"points", json_number(r.points)}, {"fact", r.fact}, {"value", r.value}, {"why", r.why}};
}

json seat_to_json(const seat_review& s, const std::string& rule_set) {
    json out = {{"persona", s.seat},
                {"shadow", s.shadow},
                {"persona_name", s.persona_name},
                {"persona_version", s.persona_version},
                {"rule_set", rule_set},
                {"base", s.base ? json_number(*s.base) : json(nullptr)},
                {"threshold", s.threshold ? json_number(*s.threshold) : json(nullptr)},
                {"verdict", name_of(s.outcome())},
                {"score", s.result ? json_number(s.result->score) : json(nullptr)},
                {"quote", s.result ? json(s.result->quote) : json(nullptr)},
                {"sentences", s.result ? sentences_to_json(*s.result) : json::array()},
                {"reasons", json::array()},
                {"log", s.log},
                {"error", s.result ? json(nullptr) : json(s.failure)}};
    if (s.result)
        for (const reason& r : s.result->reasons) out["reasons"].push_back(reason_to_json(r));
    return out;
}

}  // namespace

json review_to_json(const tool_review& r) {
    const tool& t = *r.subject;
    json reviews = json::array();
    for (const seat_review& s : r.seats) reviews.push_back(seat_to_json(s, r.verdict.rule_set));
    json tool = {{"id", t.id}, {"name", t.name}, {"vendor", fact_or_null(r, t.vendor)}, {"category", category_or_null(r)}};
    add_problems(tool, r);
    return {{"tool", tool},
            {"panel", panel_to_json(r.verdict)},
            {"reviews", reviews}};
}

std::string dump_json(const json& document) {
    return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace verdict
