// How a seat's score was reached: every rule its persona weighed, fired or
// not, from the base to the score, with the threshold and how far the score
// stands from it. What maintainers read before they change a weight.
#pragma once

#include "aggregate/panel_verdict.hpp"
#include "panel/panel.hpp"
#include "panel/tool_review.hpp"

#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// One step from the base to the score: a rule weighed, or the clamp.
struct walk_step {
    std::string rule;              ///< Rule id, or "clamp".
    std::string fact;
    std::string value;
    std::optional<double> weight;  ///< The rule's weight in force; none for the clamp.
    bool fired = false;
    double points = 0;             ///< What it gave: its weight when it fired, else 0; the clamp's adjustment.
    double total = 0;              ///< The running total after it.
};

/// One seat's walk; empty steps when the seat failed.
struct score_walk {
    const seat_review* review = nullptr;
    double base = 0;
    double threshold = 0;
    int min_facts = 0;
    std::optional<int> known_facts;   ///< Distinct facts among the rules weighed; none when only fired rules are known.
    bool every_rule = true;           ///< False when the review was built without a scorecard: only fired rules are known.
    std::vector<walk_step> steps;
    /// Score minus threshold: at or above 0 the seat ships and loses it below 0; below 0 it is the points it lacks.
    /// None when the seat abstained or failed.
    std::optional<double> margin;

    double score() const { return steps.empty() ? base : steps.back().total; }
};

/// A tool's walks, for the seats asked for.
struct tool_explanation {
    const tool_review* review = nullptr;
    std::vector<score_walk> seats;
};

/// The walk of `s` under the settings in force for its seat in `seats`.
score_walk walk_of(const seat_review& s, const panel& seats);

/// The walks of `r`'s seats, all of them or only `seat_id`'s.
tool_explanation explain(const tool_review& r, const panel& seats, const std::optional<std::string>& seat_id = std::nullopt);

}  // namespace verdict
