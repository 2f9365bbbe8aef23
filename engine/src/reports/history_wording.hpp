// The words a verdict's change is told in, on pages, in the feed and by
// `verdict history`: the same line everywhere, so a reader who follows a page
// to the feed or a maintainer who runs the command sees the same cause.
#pragma once

#include "history/recorded_change.hpp"

#include <string>

namespace verdict {

/// "rule set 2026.12-1, data of 2026-11-21": what labels a change in place of the time it was found.
std::string change_label(const recorded_change& c);
/// "skeptic skip 20 → ship 45".
std::string change_outcome(const recorded_change& c);
/// "legal_risk_high -35 → -10; licence.commercial_use forbidden → allowed": the rules whose points moved, then the
/// facts whose values changed; empty when neither did (a seat added or swapped).
std::string change_cause(const recorded_change& c);
/// "rule set 2026.12-1, data of 2026-11-21: skeptic skip 20 → ship 45 (legal_risk_high -35 → -10)".
std::string change_line(const recorded_change& c);

}  // namespace verdict
