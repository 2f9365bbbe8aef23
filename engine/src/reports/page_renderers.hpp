// One entry point per kind of page, whatever the format: the commands and the
// batch ask for a page in a format, with the site around it, and get its bytes.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"
#include "reports/site_context.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// The formats each kind of page comes in.
inline const std::vector<std::string> comparison_formats{"text", "html", "md", "json"};
inline const std::vector<std::string> tool_page_formats{"text", "html", "md", "json"};
inline const std::vector<std::string> index_formats{"html", "md", "json", "text"};

/// A comparison page in `format` (one of comparison_formats).
std::string render_comparison(const comparison& c, const site_context& site, std::string_view format);

/// A tool's full panel page in `format` (one of tool_page_formats).
std::string render_tool_page(const page_tool& t, const site_context& site, std::string_view format);

/// The index page, which lists the categories, in `format` (one of index_formats).
std::string render_index(const site_index& index, const site_context& site, std::string_view format);

/// The page of category `c` of `index`, which lists its comparisons and tools, in `format` (one of index_formats).
std::string render_category_page(const site_index& index, const site_index::category& c, const site_context& site, std::string_view format);

}  // namespace verdict
