// The comparison page in the reference pages' order: both tools, the reviewer
// scorecard seat by seat, pricing, the reviewer split, the community vote and
// the pick. Each seat's two verdicts sit under one heading, so the page reads
// as a side-by-side even as raw text, where tables of quotes would not. The
// title is the front matter's alone: a site's layout prints it as the page's
// one heading of the first level.
#include "reports/markdown/markdown_pages.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "reports/markdown/markdown_blocks.hpp"
#include "reports/markdown/markdown_escape.hpp"
#include "reports/markdown/tool_front_matter.hpp"
#include "reports/markdown/yaml_front_matter.hpp"
#include "reports/number_format.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

// Top-level keys stay clear of those Hugo reserves: "page_kind", not "kind"; "data_date", not "date", which would
// set the page's date and keep a page whose data is newer than the build machine's clock out of the site. Only
// "title" and "description" are Hugo's on purpose: its layouts print the one and put the other in the page's meta
// description.
void write_front_matter(std::string& out, const comparison& c) {
    yaml_front_matter fm(out);
    fm.text("title", c.title());
    fm.text("description", comparison_description(c));
    fm.text("page_kind", "comparison");
    fm.open_list("tools");
    for (const page_tool& t : c.tools) {
        fm.item();
        append_tool_data(fm, t);
    }
    fm.close();
    fm.open_map("pick");
    if (c.choice.winner) fm.text("tool", c.tools[*c.choice.winner].subject().id);
    else fm.null("tool");
    fm.text("rule", name_of(c.choice.decided_by));
    fm.text("reason", c.choice.reason);
    fm.close();
    fm.text("rule_set", c.rule_set);
    fm.date("data_date", c.data_date);
    fm.finish();
}

// Each tool under its name, with its category's page and its own page, where every seat's review is in full.
void write_tool(std::string& out, const page_tool& t, const site_links& links, const std::string& page) {
    const tool& subject = t.subject();
    append_heading(out, 2, subject.name);
    append_tool_summary(out, t, links, page);
    append_link_paragraph(out, "Every seat's review of " + subject.name, relative_link(page, tool_page_path(subject.id, "md")));
}

// "**Claw Code:** Ship · score 72 (threshold 60)", then the quote. In a row that pairs two seats, each cell says
// whose it is: "**Claw Code · Creator:** Ship".
void write_cell(std::string& out, const page_tool& t, const scorecard_cell& cell, bool paired) {
    out += "**";
    append_markdown_text(out, paired ? t.subject().name + " · " + seat_title(cell.seat) : t.subject().name);
    out += ":** ";
    out += label_of(cell.state);
    const seat_review* s = cell.review;
    if (s && s->result) {
        out += " · score ";
        out += format_number(s->result->score);
        if (s->threshold) out += " (threshold " + format_number(*s->threshold) + ")";
    }
    out += "\n\n";
    if (s && s->result) append_quote(out, s->result->quote);
}

void write_scorecard(std::string& out, const comparison& c) {
    append_heading(out, 2, scorecard_heading);
    for (const scorecard_row& row : c.scorecard) {
        append_heading(out, 3, row_title(row) + (row.disagree ? " · Split verdict" : ""));
        for (std::size_t k = 0; k < 2; ++k) write_cell(out, c.tools[k], row.cells[k], row.paired());
    }
}

// Tools as columns, like the rest of the page: one row per pricing fact.
void write_pricing(std::string& out, const comparison& c) {
    const auto left = pricing_rows(c.tools[0]);
    const auto right = pricing_rows(c.tools[1]);
    append_heading(out, 2, pricing_heading);
    append_table_row(out, {"", c.tools[0].subject().name, c.tools[1].subject().name});
    append_table_rule(out, 3);
    for (std::size_t i = 0; i < left.size(); ++i) append_table_row(out, {left[i].label, left[i].value, right[i].value});
    out += '\n';
}

void write_split(std::string& out, const comparison& c) {
    append_heading(out, 2, split_heading);
    append_fact(out, "Ship both", seat_list(c.split.ship_both));
    for (std::size_t k = 0; k < 2; ++k) append_fact(out, "Ship only " + c.tools[k].subject().name, seat_list(c.split.ship_only[k]));
    append_fact(out, "Skip both", seat_list(c.split.skip_both));
    if (!c.split.not_comparable.empty()) out += "- **Not comparable:**\n";
    for (const std::string& sentence : not_comparable_sentences(c)) {
        out += "  - ";
        append_markdown_text(out, sentence, md_at::line_start);
        out += '\n';
    }
    out += '\n';
}

void write_community(std::string& out, const comparison& c) {
    append_heading(out, 2, community_heading);
    for (const page_tool& t : c.tools)
        append_fact(out, t.subject().name,
                    "community " + community_pct_text(t.community) + " (" + community_detail(t.community) + "), panel " +
                        panel_pct_text(t.review->verdict));
    out += '\n';
    for (const page_tool& t : c.tools) append_paragraph(out, disagreement_sentence(t));
}

void write_pick(std::string& out, const comparison& c) {
    append_heading(out, 2, pick_heading);
    out += "**";
    if (c.choice.winner) {
        out += "Pick: ";
        append_markdown_text(out, c.tools[*c.choice.winner].subject().name);
    } else {
        out += "A tie";
    }
    out += "**\n\n";
    append_paragraph(out, c.choice.reason);
    // A tie has no deciding rule: the reason says what was level.
    const std::string decided = c.choice.winner ? "Decided by: " + std::string(label_of(c.choice.decided_by)) + ". " : "";
    append_paragraph(out, decided + std::string(pick_rule_text));
}

}  // namespace

std::string render_comparison_markdown(const comparison& c, const site_context& site) {
    const std::string page = comparison_page_path(comparison_slug(c.tools[0].subject().id, c.tools[1].subject().id), "md");
    std::string out;
    out.reserve(16384);
    write_front_matter(out, c);
    append_paragraph(out, comparison_lead);
    for (const page_tool& t : c.tools) write_tool(out, t, site.links, page);
    write_scorecard(out, c);
    write_pricing(out, c);
    write_split(out, c);
    write_community(out, c);
    write_pick(out, c);
    append_changes(out, {&c.tools[0], &c.tools[1]});
    append_footer(out, c.rule_set, c.data_date);
    return out;
}

}  // namespace verdict
