// A tool's panel review as a JSON document (docs/schema/review.schema.json).
#pragma once

#include "panel/tool_review.hpp"

#include <nlohmann/json.hpp>

namespace verdict {

/// {"tool": {...}, "panel": {...}, "reviews": [...]}; see the schema for every field.
nlohmann::ordered_json review_to_json(const tool_review& r);

/// Serialises with two-space indentation and a final newline; bytes that are not UTF-8 become U+FFFD.
std::string dump_json(const nlohmann::ordered_json& document);

}  // namespace verdict
