// The HTML pages: each one self-contained (inline CSS, nothing fetched), readable on a phone and a desktop.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"

#include <string>

namespace verdict {

std::string render_comparison_html(const comparison& c);
std::string render_tool_page_html(const page_tool& t);
std::string render_index_html(const site_index& index);
std::string render_category_html(const site_index& index, const site_index::category& c);

}  // namespace verdict
