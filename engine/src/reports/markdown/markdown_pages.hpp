// The Markdown pages: YAML front matter holding the page's data, then a body that reads as is.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"
#include "reports/site_context.hpp"

#include <string>

namespace verdict {

std::string render_comparison_markdown(const comparison& c, const site_context& site);
std::string render_tool_page_markdown(const page_tool& t, const site_context& site);
std::string render_index_markdown(const site_index& index, const site_context& site);
std::string render_category_markdown(const site_index& index, const site_index::category& c, const site_context& site);

}  // namespace verdict
