// The words a catalog diff is told in, shared by its text and Markdown forms.
#pragma once

#include "diff/catalog_diff.hpp"

#include <optional>
#include <string>

namespace verdict {

/// "2 of 20 reviews changed (1 verdict flipped), 1 of 5 panel % changed, 0 of 9 picks changed", and when the
/// catalog gained or lost tools "; 1 tool added, 0 removed".
std::string diff_counts(const catalog_diff& d);

/// "claw-code (panel 75%)": a tool on one side only.
std::string presence_text(const tool_presence& t);

/// "skip 20", "abstain 45", "failed", "not seated", "ship 70 (shadow)".
std::string outcome_text(const seat_result& r);

/// "legal_risk_high -35 → -20, promise_only not fired → -25"; empty when no rule's points moved.
std::string moves_text(const std::vector<rule_move>& moves);

/// "75%", or "no quorum".
std::string ship_pct_text(const std::optional<int>& pct);

/// The picked tool's id, or "a tie".
std::string pick_text(const std::optional<std::string>& pick);

}  // namespace verdict
