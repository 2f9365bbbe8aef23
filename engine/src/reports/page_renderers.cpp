// Tool pages in text and JSON are the review reports `verdict review` has always
// printed, so a tool reads the same whichever command asked for it.
#include "reports/page_renderers.hpp"

#include "reports/html/html_pages.hpp"
#include "reports/json/comparison_json.hpp"
#include "reports/json/review_json.hpp"
#include "reports/markdown/markdown_pages.hpp"
#include "reports/text/comparison_text.hpp"
#include "reports/text/review_text.hpp"

#include <sstream>

namespace verdict {

std::string render_comparison(const comparison& c, std::string_view format) {
    if (format == "html") return render_comparison_html(c);
    if (format == "md") return render_comparison_markdown(c);
    if (format == "json") return dump_json(comparison_to_json(c));
    return render_comparison_text(c);
}

std::string render_tool_page(const page_tool& t, std::string_view format) {
    if (format == "html") return render_tool_page_html(t);
    if (format == "md") return render_tool_page_markdown(t);
    if (format == "json") return dump_json(review_to_json(*t.review));
    std::ostringstream out;
    write_review_text(out, *t.review);
    return out.str();
}

std::string render_index(const site_index& index, std::string_view format) {
    if (format == "html") return render_index_html(index);
    if (format == "md") return render_index_markdown(index);
    if (format == "json") return index_json_text(index);
    return render_index_text(index);
}

std::string render_category_page(const site_index& index, const site_index::category& c, std::string_view format) {
    if (format == "html") return render_category_html(index, c);
    if (format == "md") return render_category_markdown(index, c);
    if (format == "json") return category_json_text(index, c);
    return render_category_text(index, c);
}

}  // namespace verdict
