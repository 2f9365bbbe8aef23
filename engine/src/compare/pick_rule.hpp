// The answer to "which one should you ship with?": panel ship % first, then
// the panels' mean score, then the community ship %; otherwise a tie.
#pragma once

#include "compare/comparison.hpp"

#include <string_view>

namespace verdict {

/// Applies the rule to `left` and `right`. A tool whose panel reached a verdict is picked over one whose panel did not;
/// when neither did, it is a tie. Otherwise a level decides only when both tools have a value for it and the values
/// differ as pages show them (mean scores to a tenth), and the next level is tried when it does not.
pick choose(const page_tool& left, const page_tool& right);

/// What choose() decides, without the sentence saying why: all an index lists of each of its comparisons.
pick_decision decide(const page_tool& left, const page_tool& right);

/// "panel_ship_pct", "mean_score", "community_score" or "tie": the rule's name in JSON and front matter.
std::string_view name_of(pick_rule rule);

/// "panel ship %", "mean panel score", "community ship %" or "tie": the rule's name in prose.
std::string_view label_of(pick_rule rule);

/// The whole rule in one sentence, for pages to show under the pick.
inline constexpr std::string_view pick_rule_text =
    "The pick goes to the higher panel ship % (a panel that reached no verdict loses), then the higher mean panel score, then "
    "the higher community ship %; when none of them separates the tools, it is a tie.";

}  // namespace verdict
