#include "reports/history_wording.hpp"

#include "reports/diff_wording.hpp"

namespace verdict {
namespace {

std::string value_text(const std::optional<std::string>& value) { return value ? *value : "not weighed"; }

}  // namespace

std::string change_label(const recorded_change& c) { return "rule set " + c.rule_set + ", data of " + c.data_date; }

std::string change_outcome(const recorded_change& c) {
    return c.change.seat + " " + outcome_text(c.change.before) + " → " + outcome_text(c.change.after);
}

std::string change_cause(const recorded_change& c) {
    std::string out = moves_text(c.change.moves);
    for (const fact_change& f : c.facts) out += (out.empty() ? "" : "; ") + f.fact + " " + value_text(f.before) + " → " + value_text(f.after);
    return out;
}

std::string change_line(const recorded_change& c) {
    const std::string cause = change_cause(c);
    return change_label(c) + ": " + change_outcome(c) + (cause.empty() ? "" : " (" + cause + ")");
}

}  // namespace verdict
