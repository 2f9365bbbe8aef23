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

/// A number as json_number() writes it (62.5, and 60 rather than 60.0), or null when absent.
nlohmann::ordered_json number_or_null(const std::optional<double>& value);

/// A catalog fact of `r`'s tool, or null when the tool's catalog file could not be read: its placeholder's value is a
/// default, not a fact.
nlohmann::ordered_json fact_or_null(const tool_review& r, const std::string& value);
/// The sentences of a review's quote, each with the rules and facts it stands on.
nlohmann::ordered_json sentences_to_json(const review& r);

/// An optional fact the same way: null when the tool does not state it either.
nlohmann::ordered_json fact_or_null(const tool_review& r, const std::optional<std::string>& value);

/// The tool's category, or null when its catalog file could not be read and gave none.
nlohmann::ordered_json category_or_null(const tool_review& r);

/// Adds "problems", the catalog file's problems, to `tool` when the file could not be read; a readable tool's object
/// keeps its shape.
void add_problems(nlohmann::ordered_json& tool, const tool_review& r);

/// The panel verdict: {"ship_pct", "fraction", counts, "state", "missing_seats", "mean_score", "rule_set"}.
nlohmann::ordered_json panel_to_json(const panel_verdict& v);

/// {"tool": {...}, "panel": {...}, "reviews": [...]}; see the schema for every field.
nlohmann::ordered_json review_to_json(const tool_review& r);

/// Serialises with two-space indentation and a final newline; bytes that are not UTF-8 become U+FFFD.
std::string dump_json(const nlohmann::ordered_json& document);

}  // namespace verdict
