#include "reports/json/history_json.hpp"

#include "reports/history_wording.hpp"
#include "reports/json/diff_json.hpp"
#include "reports/json/review_json.hpp"

namespace verdict {
namespace {

using json = nlohmann::ordered_json;

}  // namespace

json change_to_json(const recorded_change& c) {
    const json seat = review_change_to_json(c.change);
    json facts = json::array();
    for (const fact_change& f : c.facts) facts.push_back({{"fact", f.fact}, {"before", or_null(f.before)}, {"after", or_null(f.after)}});
    json out = {{"rule_set", c.rule_set}, {"data_date", c.data_date}};
    for (const auto& [key, value] : seat.items())
        if (key != "tool") out[key] = value;
    out["facts"] = std::move(facts);
    out["line"] = change_line(c);
    return out;
}

json history_to_json(const std::string& tool_id, const std::vector<recorded_change>& changes) {
    json list = json::array();
    for (const recorded_change& c : changes) {
        list.push_back({{"run", c.run}, {"run_started", c.run_started}, {"change", change_to_json(c)}});
    }
    return {{"tool", tool_id}, {"changes", std::move(list)}};
}

}  // namespace verdict
