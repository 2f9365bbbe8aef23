// Fleiss' kappa with a number of raters that may differ from tool to tool
// (a tool names its own seats; a seat may abstain): each tool's agreement is
// the share of agreeing pairs among its own votes, and chance agreement comes
// from the share of ship votes over all of them. A seat's vote decides the
// majority when flipping it alone would change ship, skip or tie, on a tool
// whose panel has its quorum (without one there is no panel verdict).
#include "stats/catalog_stats.hpp"

#include <map>

namespace verdict {
namespace {

bool votes(const seat_review* s) {
    return s && (s->outcome() == seat_outcome::ship || s->outcome() == seat_outcome::skip);
}

int majority(int ship, int skip) { return ship > skip ? 1 : ship < skip ? -1 : 0; }

void add_pairs(const std::vector<tool_review>& reviews, catalog_stats& out) {
    for (std::size_t i = 0; i < out.seats.size(); ++i)
        for (std::size_t j = i + 1; j < out.seats.size(); ++j) {
            pair_agreement p{out.seats[i].seat, out.seats[j].seat, 0, 0};
            for (const tool_review& r : reviews) {
                const seat_review* a = r.find_seat(p.first);
                const seat_review* b = r.find_seat(p.second);
                if (!votes(a) || !votes(b)) continue;
                ++p.both_voted;
                p.agreed += a->outcome() == b->outcome();
            }
            out.pairs.push_back(p);
        }
}

void add_kappa_and_decisive(const std::vector<tool_review>& reviews, catalog_stats& out) {
    std::map<std::string, seat_stats*> by_id;
    for (seat_stats& s : out.seats) {
        by_id[s.seat] = &s;
        if (!s.shadow) s.decisive = 0;
    }
    double agreement_sum = 0;
    int ship_votes = 0;
    for (const tool_review& r : reviews) {
        const int ship = r.verdict.ship;
        const int skip = r.verdict.skip;
        const int n = ship + skip;
        for (const seat_review& s : r.seats) {
            if (!r.verdict.quorum_met() || s.shadow || !votes(&s) || !by_id.count(s.seat)) continue;
            seat_stats& stats = *by_id.at(s.seat);
            ++stats.counted_votes;
            const bool ships = s.outcome() == seat_outcome::ship;
            const int flipped = ships ? majority(ship - 1, skip + 1) : majority(ship + 1, skip - 1);
            *stats.decisive += flipped != majority(ship, skip);
        }
        if (n < 2) continue;
        ++out.panel.tools;
        out.panel.votes += n;
        ship_votes += ship;
        agreement_sum += static_cast<double>(ship * (ship - 1) + skip * (skip - 1)) / (n * (n - 1));
    }
    if (out.panel.tools == 0) return;
    const double p_ship = static_cast<double>(ship_votes) / out.panel.votes;
    out.panel.observed = agreement_sum / out.panel.tools;
    out.panel.expected = p_ship * p_ship + (1 - p_ship) * (1 - p_ship);
    if (*out.panel.expected < 1) out.panel.kappa = (*out.panel.observed - *out.panel.expected) / (1 - *out.panel.expected);
}

}  // namespace

void add_agreement(const std::vector<tool_review>& reviews, catalog_stats& out) {
    add_pairs(reviews, out);
    add_kappa_and_decisive(reviews, out);
}

}  // namespace verdict
