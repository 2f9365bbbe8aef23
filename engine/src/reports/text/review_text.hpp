// A tool's panel review as plain text, for a terminal.
#pragma once

#include "panel/tool_review.hpp"

#include <ostream>
#include <string>

namespace verdict {

/// "Panel ship 75% (3/4) · mean score 62.5 · 3 ship, 1 skip, 0 abstain, 0 failed · rule set 2026.1", or what is
/// missing when the quorum is not met.
std::string panel_line(const panel_verdict& v);

/// The panel line, then per seat: verdict, score, quote and the receipt of reasons.
void write_review_text(std::ostream& out, const tool_review& r);

}  // namespace verdict
