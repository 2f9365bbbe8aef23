// A tool's panel review as a JSON document (docs/schema/review.schema.json).
#pragma once

#include "panel/tool_review.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace verdict {

/// `value` as JSON, or null when absent: documents keep every key, so a consumer never tests for one.
template <class T> nlohmann::ordered_json or_null(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

/// The panel verdict: {"ship_pct", "fraction", counts, "state", "missing_seats", "mean_score", "rule_set"}.
nlohmann::ordered_json panel_to_json(const panel_verdict& v);

/// {"tool": {...}, "panel": {...}, "reviews": [...]}; see the schema for every field.
nlohmann::ordered_json review_to_json(const tool_review& r);

/// Serialises with two-space indentation and a final newline; bytes that are not UTF-8 become U+FFFD.
std::string dump_json(const nlohmann::ordered_json& document);

}  // namespace verdict
