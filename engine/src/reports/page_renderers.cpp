// A tool page in text is the review report `verdict review` has always printed,
// and in JSON its review document with what the HTML page shows beyond it, so a
// tool reads the same whichever command asked for it.
#include "reports/page_renderers.hpp"

#include "reports/html/html_pages.hpp"
#include "reports/json/comparison_json.hpp"
#include "reports/json/review_json.hpp"
#include "reports/markdown/markdown_pages.hpp"
#include "reports/text/comparison_text.hpp"
#include "reports/text/review_text.hpp"

#include <sstream>

namespace verdict {

std::string render_comparison(const comparison& c, const site_context& site, std::string_view format) {
    if (format == "html") return render_comparison_html(c, site);
    if (format == "md") return render_comparison_markdown(c, site);
    if (format == "json") return dump_json(comparison_to_json(c));
    return render_comparison_text(c);
}

std::string render_tool_page(const page_tool& t, const site_context& site, std::string_view format) {
    if (format == "html") return render_tool_page_html(t, site);
    if (format == "md") return render_tool_page_markdown(t, site);
    if (format == "json") return dump_json(tool_page_to_json(t, site.links));
    std::ostringstream out;
    write_review_text(out, *t.review);
    return out.str();
}

std::string render_index(const site_index& index, const site_context& site, std::string_view format) {
    if (format == "html") return render_index_html(index, site);
    if (format == "md") return render_index_markdown(index, site);
    if (format == "json") return index_json_text(index);
    return render_index_text(index);
}

std::string render_category_page(const site_index& index, const site_index::category& c, const site_context& site, std::string_view format) {
    if (format == "html") return render_category_html(index, c, site);
    if (format == "md") return render_category_markdown(index, c, site);
    if (format == "json") return category_json_text(index, c);
    return render_category_text(index, c);
}

}  // namespace verdict
