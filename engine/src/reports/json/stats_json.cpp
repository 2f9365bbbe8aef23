#include "reports/json/stats_json.hpp"

#include "reports/json/review_json.hpp"
#include "reports/number_format.hpp"

namespace verdict {
namespace {

using json = nlohmann::ordered_json;

// Means to a tenth, as review documents give the panel's mean score.
std::optional<double> rounded(const std::optional<double>& mean) { return mean ? std::optional(round_to_tenth(*mean)) : std::nullopt; }

json seat_to_json(const seat_stats& s) {
    json rules = json::array();
    for (const rule_stats& r : s.rules)
        rules.push_back({{"rule", r.rule}, {"weight", json_number(r.weight)}, {"weighed", r.weighed}, {"fired", r.fired},
                         {"mean_points", number_or_null(rounded(r.mean_points))}});
    return {{"seat", s.seat},
            {"shadow", s.shadow},
            {"seated", s.seated},
            {"ship", s.ship},
            {"skip", s.skip},
            {"abstain", s.abstain},
            {"failed", s.failed},
            {"mean_score", number_or_null(rounded(s.mean_score))},
            {"decisive", or_null(s.decisive)},
            {"counted_votes", s.counted_votes},
            {"rules", rules}};
}

}  // namespace

json stats_to_json(const catalog_stats& s) {
    json seats = json::array();
    for (const seat_stats& seat : s.seats) seats.push_back(seat_to_json(seat));
    json pairs = json::array();
    for (const pair_agreement& p : s.pairs) pairs.push_back({{"seats", {p.first, p.second}}, {"both_voted", p.both_voted}, {"agreed", p.agreed}});
    return {{"tools", s.tools},
            {"rule_set", s.rule_set},
            {"seats", seats},
            {"pairs", pairs},
            {"panel", {{"tools", s.panel.tools},
                       {"votes", s.panel.votes},
                       {"observed", number_or_null(s.panel.observed)},
                       {"expected", number_or_null(s.panel.expected)},
                       {"kappa", number_or_null(s.panel.kappa)}}}};
}

}  // namespace verdict
