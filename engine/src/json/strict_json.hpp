// Parses JSON the way a catalog needs it: strictly, with every problem located.
//
// nlohmann_json accepts duplicate keys (the last wins) and any nesting depth;
// a catalog must not. This reader reports duplicate keys with their JSON
// pointer, stops at a nesting limit, and turns syntax and UTF-8 errors into
// problems with a line, a column and the pointer being read at the time.
#pragma once

#include "support/problem.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace verdict {

/// Deepest nesting of objects and arrays accepted in any input file.
inline constexpr std::size_t max_json_depth = 32;

/// Parses `text`, read from `file`. Appends a problem per duplicate key and returns the document
/// (the last duplicate wins); returns nullopt after a syntax error, invalid UTF-8 or too deep nesting.
std::optional<nlohmann::json> parse_strict_json(std::string_view text, const std::string& file, problem_list& problems);

/// `token` escaped for use in a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view token);

}  // namespace verdict
