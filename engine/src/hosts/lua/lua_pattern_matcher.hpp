// Lua 5.4 patterns (reference manual, §6.4.1), matched with a step counter.
//
// Lua's own matcher runs in C where the instruction budget cannot see it, and
// a pattern such as (".-"):rep(8) backtracks for hours. This matcher reports
// its steps as it goes, so the sandbox counts them against the script's budget
// and stops a runaway match like any other runaway work.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace verdict {

/// A malformed pattern; the message uses Lua's wording ("malformed pattern (missing ']')").
struct pattern_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class pattern_matcher {
public:
    static constexpr std::size_t no_match = static_cast<std::size_t>(-1);
    static constexpr int max_captures = 32;
    static constexpr std::ptrdiff_t unfinished = -1;   ///< A capture still open.
    static constexpr std::ptrdiff_t position = -2;     ///< A position capture, "()".

    struct capture {
        std::size_t start = 0;
        std::ptrdiff_t length = unfinished;   ///< Or `position`.
    };

    /// `on_steps` receives the steps taken since it was last called, every few thousand steps and after each match.
    pattern_matcher(std::string_view subject, std::string_view pattern, std::function<void(std::uint64_t)> on_steps);

    /// Matches the pattern from byte `start` of the subject: the end of the match, or no_match.
    /// The caller strips a leading '^' anchor; here '^' is an ordinary character.
    std::size_t match(std::size_t start);

    int capture_count() const { return level_; }
    const capture& capture_at(int index) const { return captures_[static_cast<std::size_t>(index)]; }

private:
    std::size_t match_from(std::size_t s, std::size_t p);
    std::size_t start_capture(std::size_t s, std::size_t p, std::ptrdiff_t what);
    std::size_t end_capture(std::size_t s, std::size_t p);
    std::size_t match_balance(std::size_t s, std::size_t p);
    std::size_t match_back_reference(std::size_t s, char digit);
    std::size_t max_expand(std::size_t s, std::size_t p, std::size_t ep);
    std::size_t min_expand(std::size_t s, std::size_t p, std::size_t ep);
    std::size_t class_end(std::size_t p) const;
    bool single_match(std::size_t s, std::size_t p, std::size_t ep) const;
    bool in_set(unsigned char c, std::size_t open, std::size_t close) const;
    void step();

    std::string_view subject_;
    std::string_view pattern_;
    std::function<void(std::uint64_t)> on_steps_;
    std::vector<capture> captures_;
    int level_ = 0;
    int depth_ = 0;
    std::uint64_t steps_ = 0;
};

}  // namespace verdict
