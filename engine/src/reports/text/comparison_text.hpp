// Comparison pages and the index as plain text, for a terminal.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"

#include <string>

namespace verdict {

std::string render_comparison_text(const comparison& c);
std::string render_index_text(const site_index& index);
std::string render_category_text(const site_index& index, const site_index::category& c);

}  // namespace verdict
