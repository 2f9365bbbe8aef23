#include "reports/json/diff_json.hpp"

#include "reports/json/review_json.hpp"
#include "reports/number_format.hpp"

namespace verdict {
namespace {

using json = nlohmann::ordered_json;

json result_to_json(const seat_result& r) {
    return {{"verdict", r.verdict}, {"score", number_or_null(r.score)}, {"shadow", r.shadow}};
}

}  // namespace

json review_change_to_json(const review_change& c) {
    json moves = json::array();
    for (const rule_move& m : c.moves) moves.push_back({{"rule", m.rule}, {"before", number_or_null(m.before)}, {"after", number_or_null(m.after)}});
    return {{"tool", c.tool_id}, {"seat", c.seat}, {"flipped", c.flipped()},
            {"before", result_to_json(c.before)},
            {"after", result_to_json(c.after)},
            {"rules", moves}};
}

json diff_to_json(const catalog_diff& d, const std::string& before, const std::string& after) {
    json reviews = json::array();
    for (const review_change& c : d.changed_reviews) reviews.push_back(review_change_to_json(c));
    json panels = json::array();
    for (const panel_change& c : d.changed_panels) panels.push_back({{"tool", c.tool_id}, {"before", or_null(c.before)}, {"after", or_null(c.after)}});
    auto presence = [](const std::vector<tool_presence>& tools) {
        json list = json::array();
        for (const tool_presence& t : tools) list.push_back({{"tool", t.tool_id}, {"ship_pct", or_null(t.ship_pct)}});
        return list;
    };
    json picks = json::array();
    for (const pick_change& c : d.changed_picks)
        picks.push_back({{"left", c.left_id}, {"right", c.right_id}, {"before", or_null(c.before)}, {"after", or_null(c.after)}});
    return {{"before", before},
            {"after", after},
            {"counts", {{"tools", d.tools}, {"reviews", d.reviews}, {"comparisons", d.comparisons}, {"reviews_changed", d.changed_reviews.size()},
                        {"verdicts_flipped", d.flips()}, {"panels_changed", d.changed_panels.size()}, {"picks_changed", d.changed_picks.size()},
                        {"tools_added", d.added_tools.size()}, {"tools_removed", d.removed_tools.size()}}},
            {"added_tools", presence(d.added_tools)},
            {"removed_tools", presence(d.removed_tools)},
            {"reviews", reviews},
            {"panels", panels},
            {"picks", picks}};
}

}  // namespace verdict
