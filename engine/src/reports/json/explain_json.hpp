// A tool's explanation as a JSON document (docs/schema/explain.schema.json).
#pragma once

#include "explain/score_walk.hpp"

#include <nlohmann/json.hpp>

namespace verdict {

/// {"tool": {...}, "panel": {...}, "seats": [...]}; see the schema for every field.
nlohmann::ordered_json explanation_to_json(const tool_explanation& e);

/// One seat's walk, as it appears under "seats" in an explanation.
nlohmann::ordered_json walk_to_json(const score_walk& w);

}  // namespace verdict
