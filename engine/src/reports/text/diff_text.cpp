#include "reports/text/diff_text.hpp"

#include "reports/diff_wording.hpp"
#include "support/display_text.hpp"

namespace verdict {

void write_diff_text(std::ostream& out, const catalog_diff& d, const std::string& before, const std::string& after) {
    out << printable_text(before) << " → " << printable_text(after) << "\n" << diff_counts(d) << "\n";
    if (!d.changed_reviews.empty()) out << "\nReviews\n";
    for (const review_change& c : d.changed_reviews) {
        out << "  " << (c.flipped() ? "FLIP " : "     ") << c.tool_id << " / " << c.seat << ": " << outcome_text(c.before) << " → "
            << outcome_text(c.after) << "\n";
        if (!c.moves.empty()) out << "         " << printable_text(moves_text(c.moves)) << "\n";
    }
    if (!d.added_tools.empty()) out << "\nTools added\n";
    for (const tool_presence& t : d.added_tools) out << "  " << presence_text(t) << "\n";
    if (!d.removed_tools.empty()) out << "\nTools removed\n";
    for (const tool_presence& t : d.removed_tools) out << "  " << presence_text(t) << "\n";
    if (!d.changed_panels.empty()) out << "\nPanel ship %\n";
    for (const panel_change& c : d.changed_panels) out << "  " << c.tool_id << ": " << ship_pct_text(c.before) << " → " << ship_pct_text(c.after) << "\n";
    if (!d.changed_picks.empty()) out << "\nPicks\n";
    for (const pick_change& c : d.changed_picks)
        out << "  " << c.left_id << " vs " << c.right_id << ": " << pick_text(c.before) << " → " << pick_text(c.after) << "\n";
}

}  // namespace verdict
