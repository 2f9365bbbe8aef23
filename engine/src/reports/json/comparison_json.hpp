// Comparison pages, the index and the category pages as JSON documents
// (docs/schema/comparison.schema.json, index.schema.json, category.schema.json).
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"
#include "compare/site_links.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace verdict {

/// {"kind": "comparison", "title", "tools": [2], "scorecard", "split", "community", "pick", "footer"}.
nlohmann::ordered_json comparison_to_json(const comparison& c);

/// A tool's page: its review document (review_to_json()) with a "page" object holding what the HTML page shows
/// beyond the review: tagline, description, date, pricing, community vote, and its category's and comparisons' pages.
nlohmann::ordered_json tool_page_to_json(const page_tool& t, const site_links& links);

/// {"kind": "index", "categories": [...], "category_count", "comparison_count", "tool_count", "footer"}.
std::string index_json_text(const site_index& index);

/// {"kind": "category", "name", "slug", "comparisons": [...], "tools": [...], "index", "footer"}, as dump_json()
/// prints a document, but written entry by entry. Page paths are relative to the site's root.
std::string category_json_text(const site_index& index, const site_index::category& c);

}  // namespace verdict
