// The checks every persona's defaults must pass, whatever host loaded it.
#pragma once

#include "verdict/review.hpp"

namespace verdict {

/// Throws std::invalid_argument, worded "expected ..., found ...", unless `s` has a base and a threshold from
/// 0 to 100, a min_facts of at least 0, finite weights, and no weight for the reserved rule "clamp".
void check_persona_defaults(const settings& s);

}  // namespace verdict
