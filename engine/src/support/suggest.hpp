// Did-you-mean suggestions for misspelled names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// The candidate closest to `word` when it is close enough to be a likely typo
/// (same letters ignoring case, or at most a third of the word's letters off).
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean \"x\"?" for the closest candidate, or an empty string.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// For a value that must be one of `candidates`: "did you mean \"x\"?" when one is close, otherwise "the nearest is
/// \"x\"" for the least far, spaces and hyphens read as underscores; empty only when there are no candidates.
std::string nearest_value(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace verdict
