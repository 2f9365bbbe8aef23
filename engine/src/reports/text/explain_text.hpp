// A tool's explanation as plain text: for each seat, the table of rules from
// the base to the score, and how far the score stands from the threshold.
#pragma once

#include "explain/score_walk.hpp"

#include <ostream>

namespace verdict {

void write_explanation_text(std::ostream& out, const tool_explanation& e);

}  // namespace verdict
