// Rounding is half-up on exact integers (2 of 3 is 67%), computed without
// floating point so the same counts always give the same digits.
#include "aggregate/panel_verdict.hpp"

namespace verdict {

std::string_view name_of(seat_outcome outcome) {
    static constexpr std::string_view names[] = {"ship", "skip", "abstain", "failed"};
    return names[static_cast<int>(outcome)];
}

seat_outcome seat_review::outcome() const {
    if (!result) return seat_outcome::failed;
    switch (result->verdict) {
    case verdict_kind::ship: return seat_outcome::ship;
    case verdict_kind::skip: return seat_outcome::skip;
    case verdict_kind::abstain: return seat_outcome::abstain;
    }
    return seat_outcome::failed;
}

panel_verdict aggregate(const std::vector<seat_review>& reviews, int quorum, const std::string& rule_set) {
    panel_verdict v;
    v.quorum = quorum;
    v.rule_set = rule_set;
    double score_sum = 0;
    for (const seat_review& r : reviews) {
        if (r.shadow) continue;
        switch (r.outcome()) {
        case seat_outcome::ship: ++v.ship; score_sum += r.result->score; break;
        case seat_outcome::skip: ++v.skip; score_sum += r.result->score; break;
        case seat_outcome::abstain: ++v.abstain; v.missing.push_back(r.seat); break;
        case seat_outcome::failed: ++v.failed; v.missing.push_back(r.seat); break;
        }
    }
    if (v.voting() > 0) v.mean_score = score_sum / v.voting();
    if (v.quorum_met() && v.voting() > 0) {
        v.ship_pct = percent_half_up(v.ship, v.voting());
        v.missing.clear();
    }
    return v;
}

}  // namespace verdict
