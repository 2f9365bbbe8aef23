// Every setting a seat reviews under, with where it came from: the persona's
// default or the panel configuration. An override that did not take (a rule
// the persona does not declare, a seat whose persona did not load) is listed
// too, so a maintainer sees it rather than a default that looks overridden.
#pragma once

#include "panel/panel.hpp"

#include <optional>
#include <string>
#include <vector>

namespace verdict {

struct setting_in_force {
    std::string name;                       ///< "base", "threshold", "min_facts" or "weights.<rule>".
    std::optional<double> value;            ///< In force; none when the setting did not take.
    std::optional<double> persona_default;  ///< None when the persona declares no such setting, or did not load.
    std::string overridden_at;              ///< The JSON pointer in the panel file that sets it; empty for a default.
    std::string not_applied;                ///< Why an override did not take; empty when it did.
};

/// The settings of seat `s`: base, threshold, min_facts, then every weight by rule id, then the overrides that did
/// not take.
std::vector<setting_in_force> settings_in_force(const seat& s);

}  // namespace verdict
