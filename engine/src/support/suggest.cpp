// Edit distance (with transpositions, so "vendr" and "venodr" both find
// "vendor") over case-folded names; ties go to the earlier candidate, which
// keeps suggestions deterministic.
#include "support/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace verdict {
namespace {

std::string folded(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

// The candidate least far from `target` (folded), if it is at most `allowed` edits away.
std::optional<std::string> within(const std::string& target, const std::vector<std::string>& candidates, std::size_t allowed) {
    std::optional<std::string> best;
    std::size_t best_distance = allowed == SIZE_MAX ? SIZE_MAX : allowed + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = edit_distance(target, folded(candidate));
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string target = folded(word);
    return within(target, candidates, std::max<std::size_t>(1, target.size() / 3));
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    auto match = closest_match(word, candidates);
    return match ? "did you mean \"" + *match + "\"?" : std::string();
}

std::string nearest_value(std::string_view word, const std::vector<std::string>& candidates) {
    std::string target = folded(word);
    std::replace_if(target.begin(), target.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
    if (auto close = closest_match(target, candidates)) return "did you mean \"" + *close + "\"?";
    const auto least = within(target, candidates, SIZE_MAX);
    return least ? "the nearest is \"" + *least + "\"" : std::string();
}

}  // namespace verdict
