// std::to_chars is locale-independent and shortest-round-trip, unlike printf and streams.
#include "reports/number_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace verdict {

double round_to_tenth(double value) { return std::round(value * 10) / 10; }

std::string format_number(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value == 0 ? 0.0 : value);
    return std::string(buffer, result.ptr);
}

nlohmann::ordered_json json_number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 9e15) return static_cast<std::int64_t>(value);
    return value;
}

std::string number_or_dash(const std::optional<double>& value) { return value ? format_number(*value) : "-"; }

std::string format_points(double value) {
    std::string text = format_number(value);
    if (value >= 0) text.insert(0, 1, '+');
    return text;
}

}  // namespace verdict
