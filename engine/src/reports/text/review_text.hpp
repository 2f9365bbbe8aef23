// A tool's panel review as plain text, for a terminal.
#pragma once

#include "panel/tool_review.hpp"

#include <ostream>

namespace verdict {

/// The panel line, then per seat: verdict, score, quote and the receipt of reasons.
void write_review_text(std::ostream& out, const tool_review& r);

}  // namespace verdict
