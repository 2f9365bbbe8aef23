#include "reports/markdown/diff_markdown.hpp"

#include "reports/diff_wording.hpp"
#include "reports/markdown/markdown_blocks.hpp"

namespace verdict {

std::string render_diff_markdown(const catalog_diff& d, const std::string& before, const std::string& after) {
    std::string out;
    append_heading(out, 1, "Verdict diff: " + before + " → " + after);
    append_paragraph(out, diff_counts(d));
    if (!d.changed_reviews.empty()) {
        append_heading(out, 2, "Reviews");
        append_table_row(out, {"Tool", "Seat", "Before", "After", "Flip", "Rules that moved"});
        append_table_rule(out, 6);
        for (const review_change& c : d.changed_reviews)
            append_table_row(out, {c.tool_id, c.seat, outcome_text(c.before), outcome_text(c.after),
                                   c.flipped() ? "yes" : "", moves_text(c.moves)});
        out += "\n";
    }
    for (const auto& [heading, tools] : {std::pair{"Tools added", &d.added_tools}, std::pair{"Tools removed", &d.removed_tools}}) {
        if (tools->empty()) continue;
        append_heading(out, 2, heading);
        append_table_row(out, {"Tool", "Panel ship %"});
        append_table_rule(out, 2);
        for (const tool_presence& t : *tools) append_table_row(out, {t.tool_id, ship_pct_text(t.ship_pct)});
        out += "\n";
    }
    if (!d.changed_panels.empty()) {
        append_heading(out, 2, "Panel ship %");
        append_table_row(out, {"Tool", "Before", "After"});
        append_table_rule(out, 3);
        for (const panel_change& c : d.changed_panels) append_table_row(out, {c.tool_id, ship_pct_text(c.before), ship_pct_text(c.after)});
        out += "\n";
    }
    if (!d.changed_picks.empty()) {
        append_heading(out, 2, "Picks");
        append_table_row(out, {"Comparison", "Before", "After"});
        append_table_rule(out, 3);
        for (const pick_change& c : d.changed_picks) append_table_row(out, {c.left_id + " vs " + c.right_id, pick_text(c.before), pick_text(c.after)});
        out += "\n";
    }
    return out;
}

}  // namespace verdict
