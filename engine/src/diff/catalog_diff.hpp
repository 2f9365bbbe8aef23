// What changes when the whole catalog is reviewed under another rule set:
// each review whose verdict or score moved (and the rules whose points
// moved), each tool whose panel % moved, each comparison whose pick moved.
// The two sides are reviews made by the caller: of one catalog under two
// panels, or of a catalog and its panel as they are and as they were.
#pragma once

#include "catalog/comparisons.hpp"
#include "community/community_votes.hpp"
#include "diff/seat_change.hpp"
#include "panel/panel_config.hpp"
#include "panel/tool_review.hpp"

#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// A tool's panel ship %, before and after; none without a quorum.
struct panel_change {
    std::string tool_id;
    std::optional<int> before;
    std::optional<int> after;
};

/// A comparison's pick, before and after: a tool id, or none for a tie.
struct pick_change {
    std::string left_id;
    std::string right_id;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

/// A tool on one side only: the catalog gained or lost it.
struct tool_presence {
    std::string tool_id;
    std::optional<int> ship_pct;
};

struct catalog_diff {
    std::size_t tools = 0;          ///< Tools on both sides.
    std::size_t reviews = 0;        ///< Seat reviews compared: every seat that sits on a tool of both sides, on either side.
    std::size_t comparisons = 0;    ///< Comparisons on both sides.
    std::vector<tool_presence> added_tools;     ///< On the new side only, in its order.
    std::vector<tool_presence> removed_tools;   ///< On the old side only, in its order.
    std::vector<review_change> changed_reviews;
    std::vector<panel_change> changed_panels;
    std::vector<pick_change> changed_picks;

    std::size_t flips() const;
};

/// One side of a diff: each tool's review, the comparisons between its tools, their votes, and how pages weigh them.
struct diff_side {
    const std::vector<tool_review>& reviews;
    const std::vector<comparison_pair>& pairs;
    const community_votes& votes;
    const community_rules& community;
};

/// Compares `before` and `after`: tools are matched by id, in the new side's order, and comparisons by their two ids.
/// A tool or comparison on one side only is no change of a review, a panel or a pick; tools are listed as added or
/// removed.
catalog_diff diff_catalog(const diff_side& before, const diff_side& after);

}  // namespace verdict
