// Comparison pages and the index as JSON documents
// (docs/schema/comparison.schema.json, docs/schema/index.schema.json).
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace verdict {

/// {"kind": "comparison", "title", "tools": [2], "scorecard", "split", "community", "pick", "footer"}.
nlohmann::ordered_json comparison_to_json(const comparison& c);

/// {"kind": "index", "comparisons": [...], "tools": [...], "footer"}, as dump_json() prints a document, but written
/// entry by entry.
std::string index_json_text(const site_index& index);

}  // namespace verdict
