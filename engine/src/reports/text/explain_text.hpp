// A tool's explanation as plain text: for each seat, the table of rules from
// the base to the score, how far the score stands from the threshold, and
// what each sentence of its quote stands on.
#pragma once

#include "explain/score_walk.hpp"

#include <ostream>
#include <string>

namespace verdict {

void write_explanation_text(std::ostream& out, const tool_explanation& e);

/// One seat's table of rules, each line starting with `indent`, and the margin line under it.
void write_score_walk(std::ostream& out, const score_walk& w, const std::string& indent);

/// Each sentence of `r`'s quote, numbered, with the rules and facts it stands on, each line starting with `indent`.
void write_quote_sources(std::ostream& out, const review& r, const std::string& indent);

}  // namespace verdict
