#include "hosts/persona_defaults.hpp"

#include <cmath>
#include <stdexcept>

namespace verdict {

void check_persona_defaults(const settings& s) {
    auto on_scale = [](double value) { return std::isfinite(value) && value >= 0 && value <= 100; };
    auto fail = [](const std::string& expected, const std::string& found) { throw std::invalid_argument("expected " + expected + ", found " + found); };
    if (!on_scale(s.base)) fail("a base from 0 to 100", number_text(s.base));
    if (!on_scale(s.threshold)) fail("a threshold from 0 to 100", number_text(s.threshold));
    if (s.min_facts < 0 || s.min_facts > 1000) fail("min_facts from 0 to 1000", std::to_string(s.min_facts));
    for (const auto& [rule, points] : s.weights)
        if (!std::isfinite(points)) fail("a finite weight for rule \"" + rule + "\"", number_text(points));
    if (s.weights.count(clamp_rule)) fail("rule ids other than the reserved \"clamp\"", "a weight for \"clamp\"");
}

}  // namespace verdict
