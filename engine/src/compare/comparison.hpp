// What a comparison page says, before any format lays it out: two tools'
// panel reviews and community votes composed into the page's sections, and
// the answer to "which one should you ship with?".
//
// Every sentence a page states is decided here, so the HTML, Markdown, JSON
// and text pages of one comparison can never say different things.
#pragma once

#include "catalog/comparisons.hpp"
#include "community/community_votes.hpp"
#include "history/recorded_change.hpp"
#include "panel/panel_config.hpp"
#include "panel/tool_review.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// One tool as a page shows it: its panel review and its community vote.
struct page_tool {
    const tool_review* review = nullptr;
    community_score community;
    std::optional<int> community_gap;   ///< Community ship % minus panel ship %, when both show.
    bool sharp_disagreement = false;    ///< The gap is at least the configured number of points either way.
    std::vector<recorded_change> changes;   ///< The last changes of its seats' verdicts and scores, newest first.

    const tool& subject() const { return *review->subject; }
    /// True when the tool's catalog file could not be read: only its id, name and category are facts, and pages show
    /// the file's problems in place of the rest.
    bool unreadable() const { return !review->unreadable.empty(); }
    /// The tool's name with its bidi controls closed, for use inside a sentence: an override in a name must not
    /// reverse the words after it.
    std::string name_in_text() const;
};

/// How one seat came out on one tool of a comparison.
enum class cell_state { ship, skip, abstain, failed, not_seated };

struct scorecard_cell {
    std::string seat;                      ///< Seat id, e.g. "developer": the seat this tool lacks when not seated.
    cell_state state = cell_state::not_seated;
    const seat_review* review = nullptr;   ///< Null when the seat does not sit on this tool's panel.
};

/// One row of the scorecard, in the panel's seat order. A seat both tools have is one row; as on the reference
/// pages, a seat only one tool has shares a row with the next seat only the other has (one tool's business quote
/// beside the other's creator quote), and a seat with no such partner stands beside "not on this panel".
struct scorecard_row {
    std::array<scorecard_cell, 2> cells;
    bool disagree = false;                 ///< One seat, both voted, one ship and one skip.

    /// True when the row pairs two different seats.
    bool paired() const { return cells[0].seat != cells[1].seat; }
};

/// Which seats ship which tool. Only seats that voted (ship or skip) on both tools are grouped; the rest are
/// listed as not comparable, with each side's state.
struct reviewer_split {
    std::vector<std::string> ship_both;
    std::array<std::vector<std::string>, 2> ship_only;   ///< Ship this tool, skip the other.
    std::vector<std::string> skip_both;
    std::vector<std::string> not_comparable;
};

/// The level of the pick rule that decided, in the order the rule tries them.
enum class pick_rule { panel_ship_pct, mean_score, community_score, tie };

/// Which tool the pick rule picks, and by which level.
struct pick_decision {
    std::optional<std::size_t> winner;   ///< 0 or 1; absent on a tie.
    pick_rule decided_by = pick_rule::tie;
};

struct pick : pick_decision {
    std::string reason;                  ///< One sentence, naming the values compared.
};

struct comparison {
    std::array<page_tool, 2> tools;
    std::vector<scorecard_row> scorecard;
    reviewer_split split;
    pick choice;
    int disagreement_points = 0;         ///< The configured gap that counts as sharp.
    std::string rule_set;
    std::string data_date;               ///< The latest of both tools' dates and their latest counted votes; may be empty.

    /// "<left name> vs <right name>".
    std::string title() const;
};

/// A tool with its community vote, as its own page and every comparison show it.
page_tool make_page_tool(const tool_review& review, const community_votes& votes, const community_rules& rules);

/// Composes the page of `left` against `right`; `config` gives the seat order, the rule set and the community rules.
comparison compose(const page_tool& left, const page_tool& right, const panel_config& config);

/// The date a page's data is as of: the latest of the tool's date and its latest counted vote; empty when neither is
/// known (a tool whose catalog file could not be read, with no votes).
std::string data_date_of(const page_tool& t);

}  // namespace verdict
