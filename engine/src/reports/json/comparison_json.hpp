// Comparison pages and the index as JSON documents
// (docs/schema/comparison.schema.json, docs/schema/index.schema.json).
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"

#include <nlohmann/json.hpp>

namespace verdict {

/// {"kind": "comparison", "title", "tools": [2], "scorecard", "split", "community", "pick", "footer"}.
nlohmann::ordered_json comparison_to_json(const comparison& c);

/// {"kind": "index", "comparisons": [...], "tools": [...], "footer"}.
nlohmann::ordered_json index_to_json(const site_index& index);

}  // namespace verdict
