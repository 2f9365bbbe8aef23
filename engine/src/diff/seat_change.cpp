#include "diff/seat_change.hpp"

#include <set>

namespace verdict {
namespace {

template <typename Value>
std::optional<Value> value_in(const std::map<std::string, Value>& values, const std::string& key) {
    const auto found = values.find(key);
    return found == values.end() ? std::nullopt : std::optional(found->second);
}

// Each key of either map whose value differs between them (or is on one side only), in key order.
template <typename Value, typename Change>
std::vector<Change> changes_between(const std::map<std::string, Value>& before, const std::map<std::string, Value>& after) {
    std::set<std::string> keys;
    for (const auto& [key, value] : before) keys.insert(key);
    for (const auto& [key, value] : after) keys.insert(key);
    std::vector<Change> out;
    for (const std::string& key : keys) {
        auto was = value_in(before, key);
        auto is = value_in(after, key);
        if (was != is) out.push_back({key, std::move(was), std::move(is)});
    }
    return out;
}

}  // namespace

seat_snapshot snapshot_of(const seat_review* s) {
    seat_snapshot out;
    if (!s) return out;
    out.result = {std::string(name_of(s->outcome())), s->result ? std::optional(s->result->score) : std::nullopt, s->shadow};
    if (!s->result) return out;
    for (const reason& r : s->result->reasons) {
        out.points[r.rule] += r.points;
        if (!r.fact.empty()) out.facts[r.fact] = r.value;
    }
    for (const rule_check& c : s->result->checks)
        if (!c.fact.empty()) out.facts[c.fact] = c.value;
    return out;
}

std::vector<rule_move> moves_between(const seat_snapshot& before, const seat_snapshot& after) {
    return changes_between<double, rule_move>(before.points, after.points);
}

std::vector<fact_change> facts_between(const seat_snapshot& before, const seat_snapshot& after) {
    return changes_between<std::string, fact_change>(before.facts, after.facts);
}

}  // namespace verdict
