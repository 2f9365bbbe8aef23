// A comparison only reads the two tools' reviews: it never reviews, so a tool
// says the same on every page it appears on, however the pages are composed.
#include "compare/comparison.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "support/display_text.hpp"

#include <algorithm>
#include <cstdlib>

namespace verdict {
namespace {

std::vector<scorecard_row> build_scorecard(const page_tool& left, const page_tool& right, const panel_config& config) {
    std::vector<scorecard_row> rows;
    for (const seat_config& seat : config.seats) {
        if (seat.shadow) continue;   // a persona on trial is not part of the panel a reader compares
        scorecard_row row{seat.id, {}, false};
        const seat_review* reviews[2] = {left.review->find_seat(seat.id), right.review->find_seat(seat.id)};
        if (!reviews[0] && !reviews[1]) continue;
        for (std::size_t k = 0; k < 2; ++k) row.cells[k] = {state_of(reviews[k]), reviews[k]};
        const bool both_voted = std::all_of(row.cells.begin(), row.cells.end(), [](const scorecard_cell& c) {
            return c.state == cell_state::ship || c.state == cell_state::skip;
        });
        row.disagree = both_voted && row.cells[0].state != row.cells[1].state;
        rows.push_back(std::move(row));
    }
    return rows;
}

reviewer_split split_of(const std::vector<scorecard_row>& rows) {
    reviewer_split split;
    for (const scorecard_row& row : rows) {
        const cell_state a = row.cells[0].state;
        const cell_state b = row.cells[1].state;
        const bool voted_both = (a == cell_state::ship || a == cell_state::skip) && (b == cell_state::ship || b == cell_state::skip);
        if (!voted_both) split.not_comparable.push_back(row.seat);
        else if (a == b) (a == cell_state::ship ? split.ship_both : split.skip_both).push_back(row.seat);
        else split.ship_only[a == cell_state::ship ? 0 : 1].push_back(row.seat);
    }
    return split;
}

}  // namespace

std::string page_tool::name_in_text() const { return balance_bidi(subject().name); }

std::string comparison::title() const { return tools[0].name_in_text() + " vs " + tools[1].name_in_text(); }

page_tool make_page_tool(const tool_review& review, const community_votes& votes, const community_rules& rules) {
    page_tool t;
    t.review = &review;
    t.community = score_community(votes.find(review.subject->id), rules);
    if (t.community.ship_pct && review.verdict.ship_pct) {
        t.community_gap = *t.community.ship_pct - *review.verdict.ship_pct;
        t.sharp_disagreement = std::abs(*t.community_gap) >= rules.disagreement_points;
    }
    return t;
}

std::string data_date_of(const page_tool& t) {
    const std::string updated = t.unreadable() ? std::string() : t.subject().updated;   // a placeholder's date is no fact
    return t.community.latest_date && *t.community.latest_date > updated ? *t.community.latest_date : updated;
}

comparison compose(const page_tool& left, const page_tool& right, const panel_config& config) {
    comparison c;
    c.tools = {left, right};
    c.scorecard = build_scorecard(left, right, config);
    c.split = split_of(c.scorecard);
    c.choice = choose(left, right);
    c.disagreement_points = config.community.disagreement_points;
    c.rule_set = config.rule_set;
    c.data_date = std::max(data_date_of(left), data_date_of(right));
    return c;
}

}  // namespace verdict
