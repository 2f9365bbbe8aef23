// Rates are counted from the reviews as they came out, failures included, so
// the counts of a seat always add up to the tools it sits on.
#include "stats/catalog_stats.hpp"

#include <map>

namespace verdict {
namespace {

struct rule_tally {
    int weighed = 0;
    int fired = 0;
    double points = 0;
};

seat_stats stats_of(const seat& s, const std::vector<tool_review>& reviews) {
    seat_stats out;
    out.seat = s.config.id;
    out.shadow = s.config.shadow;
    std::map<std::string, rule_tally> tallies;
    double score_sum = 0;
    for (const tool_review& r : reviews) {
        const seat_review* mine = r.find_seat(out.seat);
        if (!mine) continue;
        ++out.seated;
        switch (mine->outcome()) {
        case seat_outcome::ship: ++out.ship; score_sum += mine->result->score; break;
        case seat_outcome::skip: ++out.skip; score_sum += mine->result->score; break;
        case seat_outcome::abstain: ++out.abstain; break;
        case seat_outcome::failed: ++out.failed; continue;
        }
        for (const rule_check& c : mine->result->checks) ++tallies[c.rule].weighed;
        for (const reason& why : mine->result->reasons) {
            rule_tally& t = tallies[why.rule];
            ++t.fired;
            t.points += why.points;
        }
    }
    if (out.votes() > 0) out.mean_score = score_sum / out.votes();
    if (s.loaded)
        for (const auto& [rule, weight] : s.effective.weights) {
            const rule_tally t = tallies.count(rule) ? tallies.at(rule) : rule_tally{};
            out.rules.push_back({rule, weight, t.weighed, t.fired, t.fired ? std::optional(t.points / t.fired) : std::nullopt});
        }
    return out;
}

}  // namespace

catalog_stats compute_stats(const std::vector<tool_review>& reviews, const panel& seats) {
    catalog_stats out;
    out.tools = static_cast<int>(reviews.size());
    out.rule_set = seats.config().rule_set;
    for (const seat& s : seats.seats()) out.seats.push_back(stats_of(s, reviews));
    add_agreement(reviews, out);
    return out;
}

}  // namespace verdict
