// Lua's pattern functions run in C, where the instruction budget cannot reach
// them: a pattern such as (".-"):rep(8) on a long text backtracks for hours.
// This guard bounds the worst case before the match starts.
#pragma once

#include <string_view>

namespace verdict {

/// The most backtracking steps a match may need before the guard refuses it.
inline constexpr double max_pattern_steps = 1e9;

/// An upper bound on the steps matching `pattern` against `subject` can take: the starting positions times,
/// for each repeated item, one more than the longest run of subject characters it can match.
double worst_case_steps(std::string_view pattern, std::string_view subject);

}  // namespace verdict
