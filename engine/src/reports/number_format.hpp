// Numbers as reports print them: the same digits on every machine and locale.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace verdict {

/// Rounded to one decimal place.
double round_to_tenth(double value);

/// Shortest text that reads back as `value`: 70 -> "70", 62.5 -> "62.5". Never locale-dependent.
std::string format_number(double value);

/// `value` as a JSON number: an integer when it is whole, so 70 prints as 70, not 70.0.
nlohmann::ordered_json json_number(double value);

/// `value` as format_number() writes it, or "-" when absent: a table's empty cell.
std::string number_or_dash(const std::optional<double>& value);

/// "+10", "-5", "+2.5": a rule's points with their sign.
std::string format_points(double value);

}  // namespace verdict
