// The shell every HTML page shares: the head (charset, viewport, a content
// security policy that lets nothing load, the inline style sheet), the way
// back to the index, and the footer.
#pragma once

#include <string>
#include <string_view>

namespace verdict::html {

/// Starts a page titled `title` (catalog text; balanced and escaped here) up to the opening of <main>. A page
/// below the site root passes the relative link to the index as `index_href`; the index itself passes "".
void open_page(std::string& out, std::string_view title, std::string_view index_href);

/// Closes <main> and the page, with `footer` (footer_line()) as the footer.
void close_page(std::string& out, std::string_view footer);

}  // namespace verdict::html
