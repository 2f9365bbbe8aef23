// The site's pages by the paths a batch writes them at (index.html,
// category/<slug>.html, compare/<a>-vs-<b>.html, tools/<id>.html, each also as
// .json, and the search page with its scripts), rendered on request from a
// snapshot by the same renderers as the batch, so a page served is the page
// a batch would write.
#pragma once

#include "serve/served_page.hpp"
#include "serve/site_state.hpp"

#include <optional>
#include <string>

namespace verdict::serve {

/// The page at `path` ("/", "/compare/a-vs-b.html"...); nullopt when the site has none there.
std::optional<served_page> site_page(const site_state& state, const std::string& path);

}  // namespace verdict::serve
