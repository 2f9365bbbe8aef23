// The HTML pages: each one self-contained (inline CSS, nothing fetched), readable on a phone and a desktop.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"
#include "reports/site_context.hpp"

#include <string>

namespace verdict {

std::string render_comparison_html(const comparison& c, const site_context& site);
std::string render_tool_page_html(const page_tool& t, const site_context& site);
std::string render_index_html(const site_index& index, const site_context& site);
std::string render_category_html(const site_index& index, const site_index::category& c, const site_context& site);
/// search.html: a search box over the site's pages, run by search.js over search-index.js, both beside it.
std::string render_search_html(const site_index& index, const site_context& site);

}  // namespace verdict
