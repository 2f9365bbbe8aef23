// The schema.org JSON-LD a page carries for search engines: a tool's panel
// verdict as a SoftwareApplication with its AggregateRating (the panel ship %
// out of 100, over the voting seats) and each seat's Review; a comparison as
// an ItemList of its two tools; a category as an ItemList of its pages.
// Addresses are absolute with a base URL, and relative to the page without.
#pragma once

#include "catalog/site_settings.hpp"
#include "compare/comparison.hpp"
#include "compare/site_index.hpp"

#include <string>

namespace verdict::html {

/// The JSON-LD of `t`'s own page, at `path` below the site's root.
std::string tool_structured_data(const page_tool& t, const site_settings& site, const std::string& path);

/// The JSON-LD of the comparison page of `c`, at `path`.
std::string comparison_structured_data(const comparison& c, const site_settings& site, const std::string& path);

/// The JSON-LD of category `c`'s page, at `path`: its comparisons, then its tools.
std::string category_structured_data(const site_index& index, const site_index::category& c, const site_settings& site, const std::string& path);

}  // namespace verdict::html
