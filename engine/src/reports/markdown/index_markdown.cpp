// The index lists every comparison and every tool with relative links to the
// pages a batch writes beside it (site_layout.hpp), so the Markdown site
// browses as files and in a static site generator alike.
#include "reports/markdown/markdown_pages.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "reports/markdown/markdown_blocks.hpp"
#include "reports/markdown/markdown_escape.hpp"
#include "reports/markdown/yaml_front_matter.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

void write_front_matter(std::string& out, const site_index& index) {
    yaml_front_matter fm(out);
    fm.text("title", index_title);
    fm.text("page_kind", "index");
    fm.number("comparison_count", static_cast<double>(index.comparisons.size()));
    fm.number("tool_count", static_cast<double>(index.tools.size()));
    fm.text("rule_set", index.rule_set);
    fm.date("data_date", index.data_date);
    fm.finish();
}

// "- [A vs B](compare/a-vs-b.md): panel 50% vs 100%; pick B (panel ship %)"
void write_comparison(std::string& out, const site_index::entry& e) {
    const tool& left = e.left->subject();
    const tool& right = e.right->subject();
    out += "- ";
    append_link(out, left.name + " vs " + right.name, comparison_page_path(e.slug, "md"));
    std::string summary = ": panel " + panel_pct_text(e.left->review->verdict) + " vs " + panel_pct_text(e.right->review->verdict) + "; ";
    if (e.choice.winner) summary += "pick " + (*e.choice.winner == 0 ? left : right).name + " (" + std::string(label_of(e.choice.decided_by)) + ")";
    else summary += "a tie";
    for (const page_tool* t : {e.left, e.right})
        if (t->unreadable()) summary += "; " + not_reviewed_text(*t);
    append_markdown_text(out, summary);
    out += '\n';
}

// "- [Claw Code](tools/claw-code.md): Developer Tools · panel 75% · community —"; a tool whose catalog file could not be
// read has what it has of a category, and says why it has no verdict.
void write_tool(std::string& out, const page_tool& t) {
    out += "- ";
    append_link(out, t.subject().name, tool_page_path(t.subject().id, "md"));
    std::string summary = t.subject().category.empty() ? "" : t.subject().category + " · ";
    summary += "panel " + panel_pct_text(t.review->verdict) + " · community " + community_pct_text(t.community);
    if (t.unreadable()) summary += " · " + not_reviewed_text(t);
    append_markdown_text(out, ": " + summary);
    out += '\n';
}

}  // namespace

std::string render_index_markdown(const site_index& index) {
    std::string out;
    out.reserve(256 + 256 * (index.comparisons.size() + index.tools.size()));
    write_front_matter(out, index);
    append_heading(out, 1, index_title);
    append_paragraph(out, index_lead);
    append_heading(out, 2, "Comparisons");
    for (const site_index::entry& e : index.comparisons) write_comparison(out, e);
    out += '\n';
    append_heading(out, 2, "Tools");
    for (const page_tool* t : index.tools) write_tool(out, *t);
    out += '\n';
    append_footer(out, index.rule_set, index.data_date);
    return out;
}

}  // namespace verdict
