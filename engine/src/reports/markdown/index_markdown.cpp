// The index lists the categories, and each category's page its comparisons
// and tools, with relative links to the pages a batch writes beside them
// (site_layout.hpp), so the Markdown site browses as files and in a static
// site generator alike: a category page sits two folders down. Titles are
// the front matter's alone, for a site's layout to print.
#include "reports/markdown/markdown_pages.hpp"

#include "compare/page_wording.hpp"
#include "compare/pick_rule.hpp"
#include "reports/markdown/markdown_blocks.hpp"
#include "reports/markdown/markdown_escape.hpp"
#include "reports/markdown/yaml_front_matter.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

// "- [A vs B](../../compare/a-vs-b.md): panel 50% vs 100%; pick B (panel ship %)", from the page at `page`.
void write_comparison(std::string& out, const site_index::entry& e, const std::string& page) {
    const tool& left = e.left->subject();
    const tool& right = e.right->subject();
    out += "- ";
    append_link(out, left.name + " vs " + right.name, relative_link(page, comparison_page_path(e.slug(), "md")));
    std::string summary = ": panel " + panel_pct_text(e.left->review->verdict) + " vs " + panel_pct_text(e.right->review->verdict) + "; ";
    if (e.choice.winner) summary += "pick " + (*e.choice.winner == 0 ? left : right).name + " (" + std::string(label_of(e.choice.decided_by)) + ")";
    else summary += "a tie";
    for (const page_tool* t : {e.left, e.right})
        if (t->unreadable()) summary += "; " + not_reviewed_text(*t);
    append_markdown_text(out, summary);
    out += '\n';
}

// "- [Claw Code](../../tools/claw-code.md): panel 75% · community —"; a tool whose catalog file could not be read says
// why it has no verdict.
void write_tool(std::string& out, const page_tool& t, const std::string& page) {
    out += "- ";
    append_link(out, t.subject().name, relative_link(page, tool_page_path(t.subject().id, "md")));
    std::string summary = "panel " + panel_pct_text(t.review->verdict) + " · community " + community_pct_text(t.community);
    if (t.unreadable()) summary += " · " + not_reviewed_text(t);
    append_markdown_text(out, ": " + summary);
    out += '\n';
}

// "- [Developer Tools](category/developer-tools/_index.md): 5 tools · 10 comparisons"
void write_category(std::string& out, const site_index::category& c) {
    out += "- ";
    append_link(out, category_title(c), relative_link(index_page_path("md"), category_page_path(c.slug, "md")));
    append_markdown_text(out, ": " + category_counts(c.tools.size(), c.comparisons.size()));
    out += '\n';
}

}  // namespace

std::string render_index_markdown(const site_index& index, const site_context& site) {
    std::string out;
    out.reserve(1024 + 128 * index.categories.size());
    yaml_front_matter fm(out);
    fm.text("title", index_title);
    fm.text("description", site_description(site.settings));
    fm.text("page_kind", "index");
    fm.number("category_count", static_cast<double>(index.categories.size()));
    fm.number("comparison_count", static_cast<double>(index.comparisons.size()));
    fm.number("tool_count", static_cast<double>(index.tools.size()));
    fm.text("rule_set", index.rule_set);
    fm.date("data_date", index.data_date);
    fm.finish();
    append_paragraph(out, index_lead);
    append_heading(out, 2, "Categories");
    for (const site_index::category& c : index.categories) write_category(out, c);
    out += '\n';
    append_footer(out, index.rule_set, index.data_date);
    return out;
}

std::string render_category_markdown(const site_index& index, const site_index::category& c, const site_context&) {
    const std::string page = category_page_path(c.slug, "md");
    std::string out;
    out.reserve(1024 + 256 * (c.comparisons.size() + c.tools.size()));
    const std::string title = category_title(c);
    yaml_front_matter fm(out);
    fm.text("title", category_page_title(title));
    fm.text("description", category_description(title, c.tools.size(), c.comparisons.size()));
    fm.text("page_kind", "category");
    fm.text("category", title);
    fm.number("comparison_count", static_cast<double>(c.comparisons.size()));
    fm.number("tool_count", static_cast<double>(c.tools.size()));
    fm.text("rule_set", index.rule_set);
    fm.date("data_date", c.data_date);
    fm.finish();
    append_paragraph(out, category_lead);
    append_heading(out, 2, "Comparisons");
    for (const std::size_t i : c.comparisons) write_comparison(out, index.comparisons[i], page);
    out += '\n';
    append_heading(out, 2, "Tools");
    for (const std::size_t i : c.tools) write_tool(out, *index.tools[i], page);
    out += '\n';
    append_footer(out, index.rule_set, c.data_date);
    return out;
}

}  // namespace verdict
