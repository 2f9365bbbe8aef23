// The search page is the site's one page that runs a script, and the one
// page whose policy lets the site's own scripts run. Without scripts it says
// where else to look.
#include "reports/html/html_document.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_pages.hpp"

namespace verdict {

std::string render_search_html(const site_index& index, const site_context& site) {
    html::page_head head;
    head.title = "Search";
    head.path = "search.html";
    head.description = "Search every tool, comparison and category of " + site.settings.name + ".";
    head.runs_search = true;
    std::string out;
    html::open_page(out, head, site.settings);
    out.append("<header class=\"masthead\">\n<h1>Search</h1>\n</header>\n"
               "<form id=\"search-form\" class=\"search-box\" role=\"search\" action=\"search.html\">"
               "<label class=\"visually-hidden\" for=\"search-query\">Search tools and comparisons</label>"
               "<input type=\"search\" id=\"search-query\" name=\"q\" autofocus>"
               "<button type=\"submit\">Search</button></form>\n"
               "<p id=\"search-status\" class=\"note\" role=\"status\" aria-live=\"polite\"></p>\n"
               "<noscript><p class=\"note\">Search runs in the browser, and scripts are off: the <a href=\"index.html\">front page</a> "
               "lists every category, and each category's page its comparisons and tools.</p></noscript>\n"
               "<ol id=\"results\" class=\"rows\"></ol>\n"
               "<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n");
    html::close_page(out, site.settings, index.rule_set, index.data_date);
    return out;
}

}  // namespace verdict
