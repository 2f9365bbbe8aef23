// Reads, strictly parses and schema-checks one JSON input file.
#pragma once

#include "json/schema_validator.hpp"
#include "support/problem.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>

namespace verdict {

/// Largest tool or panel file accepted.
inline constexpr std::size_t max_json_file_bytes = 1 << 20;
/// Largest comparisons.json accepted: a list of a million pairs fits.
inline constexpr std::size_t max_comparisons_file_bytes = std::size_t{128} << 20;

/// The document when it parsed, even if it breaks the schema (so callers can
/// report further problems); every problem found is appended to `problems`.
std::optional<nlohmann::json> read_json_document(const std::filesystem::path& path, const schema_validator& schema,
                                                 problem_list& problems, std::size_t max_bytes = max_json_file_bytes);

}  // namespace verdict
