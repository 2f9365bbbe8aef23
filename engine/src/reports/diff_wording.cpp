#include "reports/diff_wording.hpp"

#include "reports/number_format.hpp"

namespace verdict {
namespace {

std::string of(std::size_t part, std::size_t whole, const std::string& what) { return std::to_string(part) + " of " + std::to_string(whole) + " " + what; }

std::string points_text(const std::optional<double>& points) { return points ? format_points(*points) : "not fired"; }

}  // namespace

std::string diff_counts(const catalog_diff& d) {
    const std::size_t flips = d.flips();
    std::string counts = of(d.changed_reviews.size(), d.reviews, "reviews changed") + " (" + std::to_string(flips) +
                         (flips == 1 ? " verdict" : " verdicts") + " flipped), " + of(d.changed_panels.size(), d.tools, "panel % changed") + ", " +
                         of(d.changed_picks.size(), d.comparisons, "picks changed");
    if (!d.added_tools.empty() || !d.removed_tools.empty())
        counts += "; " + std::to_string(d.added_tools.size()) + (d.added_tools.size() == 1 ? " tool" : " tools") + " added, " +
                  std::to_string(d.removed_tools.size()) + " removed";
    return counts;
}

std::string presence_text(const tool_presence& t) { return t.tool_id + " (panel " + ship_pct_text(t.ship_pct) + ")"; }

std::string outcome_text(const seat_result& r) {
    return (r.score ? r.verdict + " " + format_number(*r.score) : r.verdict) + (r.shadow ? " (shadow)" : "");
}

std::string moves_text(const std::vector<rule_move>& moves) {
    std::string out;
    for (const rule_move& m : moves) out += (out.empty() ? "" : ", ") + m.rule + " " + points_text(m.before) + " → " + points_text(m.after);
    return out;
}

std::string ship_pct_text(const std::optional<int>& pct) { return pct ? std::to_string(*pct) + "%" : "no quorum"; }

std::string pick_text(const std::optional<std::string>& pick) { return pick ? *pick : "a tie"; }

}  // namespace verdict
