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

bool voted(cell_state s) { return s == cell_state::ship || s == cell_state::skip; }

// The counting seats of the panel that sit on either tool, in the panel's order.
std::vector<std::string> seats_on_either(const page_tool& left, const page_tool& right, const panel_config& config) {
    std::vector<std::string> seats;
    for (const seat_config& seat : config.seats)
        if (!seat.shadow && (left.review->find_seat(seat.id) || right.review->find_seat(seat.id))) seats.push_back(seat.id);
    return seats;   // a persona on trial is not part of the panel a reader compares
}

scorecard_cell cell_of(const page_tool& t, const std::string& seat) {
    const seat_review* review = t.review->find_seat(seat);
    return {seat, state_of(review), review};
}

std::vector<scorecard_row> build_scorecard(const page_tool& left, const page_tool& right, const std::vector<std::string>& seats) {
    std::vector<scorecard_row> rows;
    std::array<std::vector<std::size_t>, 2> waiting;   // rows holding a seat only one side has, whose other cell is free
    for (const std::string& seat : seats) {
        const std::array<scorecard_cell, 2> cells{cell_of(left, seat), cell_of(right, seat)};
        if (cells[0].review && cells[1].review) {
            rows.push_back({cells, voted(cells[0].state) && voted(cells[1].state) && cells[0].state != cells[1].state});
            continue;
        }
        const std::size_t k = cells[0].review ? 0 : 1;
        const std::size_t other = 1 - k;
        if (!waiting[other].empty()) {   // the other tool has a lone seat that waits for a partner
            rows[waiting[other].front()].cells[k] = cells[k];
            waiting[other].erase(waiting[other].begin());
            continue;
        }
        waiting[k].push_back(rows.size());
        rows.push_back({cells, false});
    }
    return rows;
}

reviewer_split split_of(const page_tool& left, const page_tool& right, const std::vector<std::string>& seats) {
    reviewer_split split;
    for (const std::string& seat : seats) {
        const cell_state a = cell_of(left, seat).state;
        const cell_state b = cell_of(right, seat).state;
        if (!voted(a) || !voted(b)) split.not_comparable.push_back(seat);
        else if (a == b) (a == cell_state::ship ? split.ship_both : split.skip_both).push_back(seat);
        else split.ship_only[a == cell_state::ship ? 0 : 1].push_back(seat);
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
    const std::vector<std::string> seats = seats_on_either(left, right, config);
    c.scorecard = build_scorecard(left, right, seats);
    c.split = split_of(left, right, seats);
    c.choice = choose(left, right);
    c.disagreement_points = config.community.disagreement_points;
    c.rule_set = config.rule_set;
    c.data_date = std::max(data_date_of(left), data_date_of(right));
    return c;
}

}  // namespace verdict
