// The index at the site's root is the front page: the site's name and what it
// is, the categories with their counts, the highest-rated tools and the
// newest comparisons. Each category's page lists its comparisons with both
// panel figures and the pick, then its tools. Links follow the paths the
// batch writes (site_layout.hpp), relative so the site works from any folder.
#include "compare/page_wording.hpp"
#include "compare/site_links.hpp"
#include "reports/html/html_document.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_pages.hpp"
#include "reports/html/html_parts.hpp"
#include "reports/html/structured_data.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

using namespace html;

void append_link_heading(std::string& out, const std::string& href, const std::string& left, const std::string* right) {
    out.append("<h3><a href=\"");
    append_escaped(out, href);
    out.append("\">");
    append_bdi(out, left);
    if (right) {
        out.append(" vs ");
        append_bdi(out, *right);
    }
    out.append("</a></h3>\n");
}

void append_figure(std::string& out, const std::string& name, const panel_verdict& v) {
    out.append("<div><dt>");
    append_bdi(out, name);
    out.append("</dt><dd class=\"num\"><strong>");
    out.append(panel_pct_text(v));
    out.append("</strong></dd><dd>");
    append_ship_bar(out, v);
    out.append("</dd></div>\n");
}

void open_figures(std::string& out) { out.append("<div class=\"row-side\">\n<p class=\"eyebrow\">Panel ship</p>\n<dl class=\"figures\">\n"); }

void close_figures(std::string& out) { out.append("</dl>\n</div>\n"); }

void append_comparison(std::string& out, const site_index::entry& e, const std::string& root, bool dated) {
    const tool& a = e.left->subject();
    const tool& b = e.right->subject();
    out.append("<li class=\"row\">\n<div class=\"row-main\">\n");
    append_link_heading(out, root + comparison_page_path(e.slug(), "html"), a.name, &b.name);
    out.append("<p class=\"detail\">");
    if (dated) out.append("<span class=\"nowrap\">").append(footer_date(data_date_of(e))).append("</span> · ");
    if (e.choice.winner) {
        out.append("Pick: <strong>");
        append_bdi(out, *e.choice.winner == 0 ? a.name : b.name);
    } else {
        out.append("<strong>A tie");
    }
    out.append("</strong></p>\n");
    for (const page_tool* t : {e.left, e.right}) {   // a tool without a verdict says why
        if (!t->unreadable()) continue;
        out.append("<p class=\"detail\">");
        append_with_names(out, not_reviewed_text(*t), name_forms(*t));
        out.append("</p>\n");
    }
    out.append("</div>\n");
    open_figures(out);
    append_figure(out, a.name, e.left->review->verdict);
    append_figure(out, b.name, e.right->review->verdict);
    close_figures(out);
    out.append("</li>\n");
}

// A tool's row names it once, in its heading: its figure is labelled by what it is.
void append_tool(std::string& out, const page_tool& t, const std::string& root, bool with_category) {
    const tool& subject = t.subject();
    out.append("<li class=\"row\">\n<div class=\"row-main\">\n");
    append_link_heading(out, root + tool_page_path(subject.id, "html"), subject.name, nullptr);
    out.append("<p class=\"detail\">");
    if (with_category) append_bdi(out, category_title_of(subject.category));
    if (t.unreadable()) append_with_names(out, not_reviewed_text(t), name_forms(t));
    else if (!with_category) append_bdi(out, subject.tagline);   // the front page shows only what a one-tool batch leaves as it was
    out.append("</p>\n</div>\n<div class=\"row-side\">\n<dl class=\"figures\">\n");
    append_figure(out, "Panel ship", t.review->verdict);
    close_figures(out);
    out.append("</li>\n");
}

void append_category(std::string& out, const site_index::category& c) {
    out.append("<li class=\"row\">\n<div class=\"row-main\">\n");
    const std::string title = category_title(c);
    append_link_heading(out, category_page_path(c.slug, "html"), title, nullptr);
    out.append("<p class=\"detail\">");
    out.append(category_counts(c.tools.size(), c.comparisons.size()));
    out.append("</p>\n</div>\n</li>\n");
}

}  // namespace

std::string render_index_html(const site_index& index, const site_context& site) {
    const site_settings& settings = site.settings;
    std::string out;
    out.reserve(16 * 1024 + 256 * index.categories.size());
    page_head head;
    head.title = settings.name;
    head.path = index_page_path("html");
    head.description = site_description(settings);
    open_page(out, head, settings);
    out.append("<header class=\"masthead\">\n<p class=\"eyebrow\">");
    out.append(index_title);
    out.append("</p>\n");
    append_element(out, "h1", settings.name);
    out.append("\n");
    if (!settings.tagline.empty()) {
        append_element(out, "p class=\"lead\"", settings.tagline);
        out.append("\n");
    }
    append_element(out, "p", settings.description.empty() ? std::string(index_lead) : settings.description);
    out.append("\n</header>\n");
    open_section(out, "categories", "Categories");
    out.append("<ul class=\"rows\">\n");
    for (const site_index::category& c : index.categories) append_category(out, c);
    out.append("</ul>\n");
    close_section(out);
    if (!index.top_tools.empty()) {
        open_section(out, "top", "Highest rated");
        out.append("<ul class=\"rows\">\n");
        for (const std::size_t i : index.top_tools) append_tool(out, *index.tools[i], "", true);
        out.append("</ul>\n");
        close_section(out);
    }
    if (!index.newest.empty()) {
        open_section(out, "newest", "Newest comparisons");
        out.append("<ul class=\"rows\">\n");
        for (const std::size_t i : index.newest) append_comparison(out, index.comparisons[i], "", true);
        out.append("</ul>\n");
        close_section(out);
    }
    close_page(out, settings, index.rule_set, index.data_date);
    return out;
}

std::string render_category_html(const site_index& index, const site_index::category& c, const site_context& site) {
    std::string out;
    out.reserve(8 * 1024 + 1024 * (c.comparisons.size() + c.tools.size()));
    const std::string title = category_title(c);
    page_head head;
    head.title = category_page_title(title);
    head.path = category_page_path(c.slug, "html");
    head.description = category_description(title, c.tools.size(), c.comparisons.size());
    head.structured_data = category_structured_data(index, c, site.settings, head.path);
    const std::string root = root_of(head.path);
    open_page(out, head, site.settings);
    out.append("<header class=\"masthead\">\n<h1>");
    append_bdi(out, title);
    out.append("</h1>\n<p class=\"lead\">");
    out.append(category_lead);
    out.append("</p>\n</header>\n");
    open_section(out, "comparisons", "Comparisons");
    out.append("<ul class=\"rows\">\n");
    for (const std::size_t i : c.comparisons) append_comparison(out, index.comparisons[i], root, false);
    out.append("</ul>\n");
    close_section(out);
    open_section(out, "tools", "Tools");
    out.append("<ul class=\"rows\">\n");
    for (const std::size_t i : c.tools) append_tool(out, *index.tools[i], root, false);
    out.append("</ul>\n");
    close_section(out);
    close_page(out, site.settings, index.rule_set, c.data_date);
    return out;
}

}  // namespace verdict
