// Sections in the reference pages' order, each under an underlined heading,
// wrapped at 100 columns. Catalog and persona text passes through
// printable_text(), so an unclosed override in a name cannot reverse the rest
// of the terminal line, nor an escape sequence in it retitle the terminal.
#include "reports/text/comparison_text.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "support/display_text.hpp"
#include "reports/number_format.hpp"
#include "reports/text/text_layout.hpp"

namespace verdict {
namespace {

constexpr std::size_t page_width = 100;

std::string heading(const std::string& title) { return "\n" + title + "\n" + std::string(display_width(title), '-') + "\n"; }

void tool_section(std::string& out, const page_tool& p) {
    const tool& t = p.subject();
    const panel_verdict& v = p.review->verdict;
    out += heading(printable_text(t.name));
    out += printable_text(t.category) + " · " + printable_text(t.tagline) + "\n";
    out += "Panel ship " + panel_pct_text(v) + " (" + panel_detail(v) + ") · mean score " + mean_score_text(v) + "\n";
    out += "Community " + community_pct_text(p.community) + " (" + community_detail(p.community) + ") · entry " + entry_label(t.pricing.entry) + "\n";
    out += wrap(printable_text(t.description), page_width, "") + "\n";
}

std::string cell_text(const scorecard_cell& cell) {
    std::string out(label_of(cell.state));
    const seat_review* s = cell.review;
    if (s && s->result) out += " " + format_number(s->result->score);
    if (s && s->result && s->threshold) out += " (threshold " + format_number(*s->threshold) + ")";
    return out;
}

void scorecard_section(std::string& out, const comparison& c) {
    out += heading(std::string(scorecard_heading));
    for (const scorecard_row& row : c.scorecard) {
        out += "\n" + row_title(row) + (row.disagree ? " · Split verdict" : "") + "\n";
        for (std::size_t k = 0; k < 2; ++k) {
            const scorecard_cell& cell = row.cells[k];
            out += "  " + printable_text(c.tools[k].subject().name) + ": " + cell_text(cell) + "\n";
            if (cell.review && cell.review->result) out += "    “" + wrap(printable_text(cell.review->result->quote), page_width, "     ", 5) + "”\n";
            else if (cell.review) out += "    " + wrap(printable_text(cell.review->failure.substr(0, cell.review->failure.find('\n'))), page_width, "    ", 4) + "\n";
        }
    }
}

void pricing_section(std::string& out, const comparison& c) {
    out += heading(std::string(pricing_heading));
    for (const page_tool& p : c.tools) {
        const tool& t = p.subject();
        const std::string line = printable_text(t.name) + ": entry " + entry_label(t.pricing.entry) + " · licence " + printable_text(licence_label(t)) +
                                 " · commercial use " + commercial_use_label(t) + (t.pricing.notes ? " · " + printable_text(*t.pricing.notes) : "");
        out += wrap(line, page_width, "  ") + "\n";
    }
}

void split_section(std::string& out, const comparison& c) {
    out += heading(std::string(split_heading));
    out += "Ship both: " + seat_list(c.split.ship_both) + "\n";
    for (std::size_t k = 0; k < 2; ++k) out += "Ship only " + printable_text(c.tools[k].subject().name) + ": " + seat_list(c.split.ship_only[k]) + "\n";
    out += "Skip both: " + seat_list(c.split.skip_both) + "\n";
    for (const std::string& sentence : not_comparable_sentences(c)) out += wrap(printable_text(sentence), page_width, "  ") + "\n";
}

void community_section(std::string& out, const comparison& c) {
    out += heading(std::string(community_heading));
    for (const page_tool& p : c.tools)
        out += printable_text(p.subject().name) + ": " + community_pct_text(p.community) + " (" + community_detail(p.community) + "), panel " +
               panel_pct_text(p.review->verdict) + "\n";
    for (const page_tool& p : c.tools)
        if (p.sharp_disagreement) out += "! " + wrap(printable_text(disagreement_sentence(p)), page_width, "  ", 2) + "\n";
}

void pick_section(std::string& out, const comparison& c) {
    out += heading(std::string(pick_heading));
    out += (c.choice.winner ? "Pick: " + printable_text(c.tools[*c.choice.winner].subject().name) : std::string("A tie")) + "\n";
    out += wrap(printable_text(c.choice.reason), page_width, "") + "\n";
    // A tie has no deciding rule: the reason says what was level.
    const std::string decided = c.choice.winner ? "Decided by: " + std::string(label_of(c.choice.decided_by)) + ". " : "";
    out += wrap(decided + std::string(pick_rule_text), page_width, "") + "\n";
}

}  // namespace

std::string render_comparison_text(const comparison& c) {
    std::string out = printable_text(c.title()) + "\n";
    out += wrap(comparison_lead, page_width, "") + "\n";
    for (const page_tool& p : c.tools) tool_section(out, p);
    scorecard_section(out, c);
    pricing_section(out, c);
    split_section(out, c);
    community_section(out, c);
    pick_section(out, c);
    out += "\n" + printable_text(footer_line(c.rule_set, c.data_date)) + "\n";
    return out;
}

std::string render_index_text(const site_index& index) {
    std::string out = std::string(index_title) + "\n" + wrap(index_lead, page_width, "") + "\n" + heading("Categories");
    for (const site_index::category& c : index.categories)
        out += printable_text(category_title(c)) + ": " + category_counts(c.tools.size(), c.comparisons.size()) + "\n";
    out += "\n" + printable_text(footer_line(index.rule_set, index.data_date)) + "\n";
    return out;
}

std::string render_category_text(const site_index& index, const site_index::category& c) {
    std::string out = printable_text(category_page_title(category_title(c))) + "\n" + wrap(category_lead, page_width, "") + "\n" + heading("Comparisons");
    for (const std::size_t i : c.comparisons) {
        const site_index::entry& e = index.comparisons[i];
        const std::string pick = e.choice.winner ? "pick " + (*e.choice.winner == 0 ? e.left : e.right)->subject().name : "a tie";
        out += printable_text(e.left->subject().name) + " (" + panel_pct_text(e.left->review->verdict) + ") vs " + printable_text(e.right->subject().name) +
               " (" + panel_pct_text(e.right->review->verdict) + "): " + printable_text(pick) + "\n";
    }
    out += heading("Tools");
    for (const std::size_t i : c.tools) {
        const page_tool& t = *index.tools[i];
        out += printable_text(t.subject().name) + ": panel ship " + panel_pct_text(t.review->verdict) + "\n";
    }
    out += "\n" + printable_text(footer_line(index.rule_set, c.data_date)) + "\n";
    return out;
}

}  // namespace verdict
