// Values are compared as pages print them: a mean of 72.46 and one of 72.5
// both show as 72.5, so they tie rather than let a difference no reader can
// see decide the pick.
#include "compare/pick_rule.hpp"

#include "compare/page_wording.hpp"
#include "reports/number_format.hpp"
#include "verdict/persona.hpp"

#include <functional>

namespace verdict {
namespace {

struct level {
    pick_rule rule;
    std::function<std::optional<double>(const page_tool&)> value;
    std::function<std::string(const page_tool&)> shown;
};

const std::vector<level>& levels() {
    static const std::vector<level> all{
        {pick_rule::panel_ship_pct,
         [](const page_tool& t) -> std::optional<double> {
             const auto& pct = t.review->verdict.ship_pct;
             return pct ? std::optional<double>(*pct) : std::nullopt;
         },
         [](const page_tool& t) { return panel_pct_text(t.review->verdict) + " (" + std::to_string(t.review->verdict.ship) + "/" +
                                         std::to_string(t.review->verdict.voting()) + ")"; }},
        {pick_rule::mean_score,
         [](const page_tool& t) -> std::optional<double> {
             const auto& mean = t.review->verdict.mean_score;
             return mean ? std::optional<double>(round_to_tenth(*mean)) : std::nullopt;
         },
         [](const page_tool& t) { return mean_score_text(t.review->verdict); }},
        {pick_rule::community_score,
         [](const page_tool& t) -> std::optional<double> {
             const auto& pct = t.community.ship_pct;
             return pct ? std::optional<double>(*pct) : std::nullopt;
         },
         [](const page_tool& t) { return community_pct_text(t.community) + " (" + community_detail(t.community) + ")"; }},
    };
    return all;
}

// Why a level could not decide, as a clause: "the panel ship % is level at 100% (4/4) and 100% (3/3)".
std::string undecided_clause(const level& l, const page_tool& left, const page_tool& right) {
    const auto a = l.value(left);
    const auto b = l.value(right);
    const std::string label(label_of(l.rule));
    if (a && b) return "the " + label + " is level at " + l.shown(left) + " and " + l.shown(right);
    if (!a && !b) return "neither tool has a " + label;
    return (a ? right : left).name_in_text() + " has no " + label;
}

}  // namespace

std::string_view name_of(pick_rule rule) {
    static constexpr std::string_view names[] = {"panel_ship_pct", "mean_score", "community_score", "tie"};
    return names[static_cast<int>(rule)];
}

std::string_view label_of(pick_rule rule) {
    static constexpr std::string_view labels[] = {"panel ship %", "mean panel score", "community ship %", "tie"};
    return labels[static_cast<int>(rule)];
}

pick_decision decide(const page_tool& left, const page_tool& right) {
    // The panel level alone decides when only one tool has a value: a tool whose panel reached a verdict is picked
    // over one whose panel did not, and when neither did there is nothing to pick from.
    const bool has_left = left.review->verdict.ship_pct.has_value();
    const bool has_right = right.review->verdict.ship_pct.has_value();
    if (!has_left && !has_right) return {std::nullopt, pick_rule::tie};
    if (!has_left || !has_right) return {has_left ? 0u : 1u, pick_rule::panel_ship_pct};
    for (const level& l : levels()) {
        const auto a = l.value(left);
        const auto b = l.value(right);
        if (a && b && *a != *b) return {*a > *b ? 0u : 1u, l.rule};
    }
    return {std::nullopt, pick_rule::tie};
}

pick choose(const page_tool& left, const page_tool& right) {
    const pick_decision d = decide(left, right);
    const page_tool* won = d.winner ? (*d.winner == 0 ? &left : &right) : nullptr;
    const page_tool* lost = d.winner ? (*d.winner == 0 ? &right : &left) : nullptr;
    if (!left.review->verdict.ship_pct || !right.review->verdict.ship_pct) {
        if (!won) return {d, "A tie: neither panel reached a verdict (" + panel_detail(left.review->verdict) + "; " + panel_detail(right.review->verdict) + ")."};
        return {d, won->name_in_text() + "'s panel reached a verdict, " + panel_pct_text(won->review->verdict) + " ship; " + lost->name_in_text() +
                       "'s panel did not (" + panel_detail(lost->review->verdict) + ")."};
    }
    std::string undecided;   // the levels that could not decide, as clauses joined by "; "
    for (const level& l : levels()) {
        if (won && l.rule == d.decided_by) {
            const std::string decided = won->name_in_text() + " has the higher " + std::string(label_of(l.rule)) + ": " + l.shown(*won) +
                                        " against " + l.shown(*lost) + " for " + lost->name_in_text() + ".";
            return {d, undecided.empty() ? decided : sentence_case(undecided) + "; " + decided};
        }
        undecided += (undecided.empty() ? "" : "; ") + undecided_clause(l, left, right);
    }
    return {d, "A tie: " + undecided + "."};
}

}  // namespace verdict
