// The shell every HTML page shares: the head (charset, viewport, a content
// security policy that lets nothing load, the inline style sheet, the
// description and link preview, the canonical address and structured data
// when the site has a base URL), the site's header with its search box, the
// breadcrumbs, and the footer with the site's call to action.
#pragma once

#include "catalog/site_settings.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace verdict::html {

/// A step of the breadcrumbs between the site's name and the page itself.
struct crumb {
    std::string title;   ///< Catalog text.
    std::string path;    ///< Below the site's root, e.g. "category/developer-tools.html".
};

/// What a page's shell says about it.
struct page_head {
    std::string title;             ///< The page's own title (catalog text); the site's name follows it.
    std::vector<std::string> names;   ///< The names the title is composed around (name_forms()), each isolated where it shows.
    std::string path;              ///< The page's own path below the site's root, e.g. "compare/a-vs-b.html".
    std::string description;       ///< For search engines and link previews; plain text.
    bool article = false;          ///< A review or comparison, rather than a list.
    std::vector<crumb> crumbs;     ///< Between the site and the page; the index has none and shows no breadcrumbs.
    std::string structured_data;   ///< A JSON-LD document, or empty.
    bool runs_search = false;      ///< The search page: it alone loads the site's scripts.
};

/// Starts a page up to the opening of <main>.
void open_page(std::string& out, const page_head& head, const site_settings& site);

/// Closes <main> and the page, with the site's call to action and footer_line(), whose date never breaks across
/// lines.
void close_page(std::string& out, const site_settings& site, const std::string& rule_set, const std::string& data_date);

}  // namespace verdict::html
