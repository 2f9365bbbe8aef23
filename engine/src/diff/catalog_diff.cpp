// Seats are matched by id, not by position, so a seat added, removed or
// swapped for another implementation shows as the reviews it changes.
#include "diff/catalog_diff.hpp"

#include "compare/comparison.hpp"
#include "compare/pick_rule.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace verdict {
namespace {

// Every seat that sits on the tool on either side, in the order the new side seats them, then the old side's others.
std::vector<std::string> seats_of(const tool_review& before, const tool_review& after) {
    std::vector<std::string> out;
    for (const tool_review* r : {&after, &before})
        for (const seat_review& s : r->seats)
            if (std::find(out.begin(), out.end(), s.seat) == out.end()) out.push_back(s.seat);
    return out;
}

std::optional<std::string> pick_of(const page_tool& left, const page_tool& right) {
    const pick_decision d = decide(left, right);
    if (!d.winner) return std::nullopt;
    return (*d.winner == 0 ? left : right).subject().id;
}

}  // namespace

std::size_t catalog_diff::flips() const {
    return static_cast<std::size_t>(std::count_if(changed_reviews.begin(), changed_reviews.end(), [](const review_change& c) { return c.flipped(); }));
}

catalog_diff diff_catalog(const diff_side& before, const diff_side& after) {
    catalog_diff out;
    std::map<std::string, std::size_t> old_position;
    for (std::size_t i = 0; i < before.reviews.size(); ++i) old_position.emplace(before.reviews[i].subject->id, i);
    std::map<std::string, page_tool> old_pages;
    std::map<std::string, page_tool> new_pages;
    for (const tool_review& is : after.reviews) {
        const std::string& id = is.subject->id;
        const auto found = old_position.find(id);
        if (found == old_position.end()) {
            out.added_tools.push_back({id, is.verdict.ship_pct});
            continue;
        }
        const tool_review& was = before.reviews[found->second];
        ++out.tools;
        for (const std::string& seat : seats_of(was, is)) {
            ++out.reviews;
            const seat_snapshot was_seat = snapshot_of(was.find_seat(seat));
            const seat_snapshot is_seat = snapshot_of(is.find_seat(seat));
            review_change c{id, seat, was_seat.result, is_seat.result, moves_between(was_seat, is_seat)};
            if (c.before != c.after || !c.moves.empty()) out.changed_reviews.push_back(std::move(c));
        }
        if (was.verdict.ship_pct != is.verdict.ship_pct) out.changed_panels.push_back({id, was.verdict.ship_pct, is.verdict.ship_pct});
        old_pages.emplace(id, make_page_tool(was, before.votes, before.community));
        new_pages.emplace(id, make_page_tool(is, after.votes, after.community));
    }
    std::set<std::string> new_ids;
    for (const tool_review& is : after.reviews) new_ids.insert(is.subject->id);
    for (const tool_review& was : before.reviews)
        if (!new_ids.count(was.subject->id)) out.removed_tools.push_back({was.subject->id, was.verdict.ship_pct});
    std::set<std::pair<std::string, std::string>> old_pairs;
    for (const comparison_pair& p : before.pairs) old_pairs.emplace(p.left->id, p.right->id);
    for (const comparison_pair& p : after.pairs) {
        const std::string& l = p.left->id;
        const std::string& r = p.right->id;
        if (!old_pairs.count({l, r}) || !old_pages.count(l) || !old_pages.count(r)) continue;
        ++out.comparisons;
        const auto was = pick_of(old_pages.at(l), old_pages.at(r));
        const auto is = pick_of(new_pages.at(l), new_pages.at(r));
        if (was != is) out.changed_picks.push_back({l, r, was, is});
    }
    return out;
}

}  // namespace verdict
