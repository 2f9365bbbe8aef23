// A backtracking matcher over indices into the subject and the pattern. Each
// repetition operator tries its expansions in the order the manual gives
// (greedy '*' and '+' longest first, lazy '-' shortest first), and every
// comparison is a step. Recursion is bounded like Lua's ("pattern too complex").
#include "hosts/lua/lua_pattern_matcher.hpp"

#include <cctype>
#include <cstring>
#include <string>

namespace verdict {
namespace {

constexpr int max_depth = 200;
constexpr std::uint64_t report_every = 4096;

bool class_matches(unsigned char c, unsigned char cls) {
    bool result = false;
    switch (std::tolower(cls)) {
    case 'a': result = std::isalpha(c); break;
    case 'c': result = std::iscntrl(c); break;
    case 'd': result = std::isdigit(c); break;
    case 'g': result = std::isgraph(c); break;
    case 'l': result = std::islower(c); break;
    case 'p': result = std::ispunct(c); break;
    case 's': result = std::isspace(c); break;
    case 'u': result = std::isupper(c); break;
    case 'w': result = std::isalnum(c); break;
    case 'x': result = std::isxdigit(c); break;
    default: return cls == c;   // an escaped character stands for itself
    }
    return std::isupper(cls) ? !result : result;
}

}  // namespace

pattern_matcher::pattern_matcher(std::string_view subject, std::string_view pattern, std::function<void(std::uint64_t)> on_steps)
    : subject_(subject), pattern_(pattern), on_steps_(std::move(on_steps)), captures_(max_captures) {}

void pattern_matcher::step() {
    if (++steps_ % report_every == 0) on_steps_(report_every);
}

std::size_t pattern_matcher::match(std::size_t start) {
    level_ = 0;
    depth_ = 0;
    steps_ = 0;
    const std::size_t end = match_from(start, 0);
    on_steps_(steps_ % report_every + 1);
    return end;
}

// The index just past the single-character class that starts at `p`.
std::size_t pattern_matcher::class_end(std::size_t p) const {
    const char c = pattern_[p++];
    if (c == '%') {
        if (p >= pattern_.size()) throw pattern_error("malformed pattern (ends with '%')");
        return p + 1;
    }
    if (c != '[') return p;
    if (p < pattern_.size() && pattern_[p] == '^') ++p;
    do {   // the first character of a set may be ']' itself
        if (p >= pattern_.size()) throw pattern_error("malformed pattern (missing ']')");
        if (pattern_[p++] == '%' && p < pattern_.size()) ++p;
    } while (p >= pattern_.size() || pattern_[p] != ']');
    return p + 1;
}

// Whether `c` is in the set between pattern_[open] == '[' and pattern_[close] == ']'.
bool pattern_matcher::in_set(unsigned char c, std::size_t open, std::size_t close) const {
    bool wanted = true;
    std::size_t p = open + 1;
    if (pattern_[p] == '^') {
        wanted = false;
        ++p;
    }
    for (; p < close; ++p) {
        const auto here = static_cast<unsigned char>(pattern_[p]);
        if (here == '%') {   // class_end made sure a character follows
            if (class_matches(c, static_cast<unsigned char>(pattern_[++p]))) return wanted;
        } else if (p + 2 < close && pattern_[p + 1] == '-') {
            if (here <= c && c <= static_cast<unsigned char>(pattern_[p + 2])) return wanted;
            p += 2;
        } else if (here == c) {
            return wanted;
        }
    }
    return !wanted;
}

bool pattern_matcher::single_match(std::size_t s, std::size_t p, std::size_t ep) const {
    if (s >= subject_.size()) return false;
    const auto c = static_cast<unsigned char>(subject_[s]);
    switch (pattern_[p]) {
    case '.': return true;
    case '%': return class_matches(c, static_cast<unsigned char>(pattern_[p + 1]));
    case '[': return in_set(c, p, ep - 1);
    default: return static_cast<unsigned char>(pattern_[p]) == c;
    }
}

std::size_t pattern_matcher::max_expand(std::size_t s, std::size_t p, std::size_t ep) {
    std::size_t count = 0;
    while (single_match(s + count, p, ep)) {
        step();
        ++count;
    }
    for (std::size_t taken = count + 1; taken-- > 0;) {   // longest first
        const std::size_t end = match_from(s + taken, ep + 1);
        if (end != no_match) return end;
    }
    return no_match;
}

std::size_t pattern_matcher::min_expand(std::size_t s, std::size_t p, std::size_t ep) {
    for (;; ++s) {   // shortest first
        const std::size_t end = match_from(s, ep + 1);
        if (end != no_match) return end;
        if (!single_match(s, p, ep)) return no_match;
        step();
    }
}

std::size_t pattern_matcher::start_capture(std::size_t s, std::size_t p, std::ptrdiff_t what) {
    if (level_ >= max_captures) throw pattern_error("too many captures");
    captures_[static_cast<std::size_t>(level_)] = {s, what};
    ++level_;
    const std::size_t end = match_from(s, p);
    if (end == no_match) --level_;
    return end;
}

std::size_t pattern_matcher::end_capture(std::size_t s, std::size_t p) {
    int open = level_ - 1;
    while (open >= 0 && captures_[static_cast<std::size_t>(open)].length != unfinished) --open;
    if (open < 0) throw pattern_error("invalid pattern capture");
    capture& c = captures_[static_cast<std::size_t>(open)];
    c.length = static_cast<std::ptrdiff_t>(s - c.start);
    const std::size_t end = match_from(s, p);
    if (end == no_match) c.length = unfinished;
    return end;
}

std::size_t pattern_matcher::match_balance(std::size_t s, std::size_t p) {
    if (p + 1 >= pattern_.size()) throw pattern_error("malformed pattern (missing arguments to '%b')");
    if (s >= subject_.size() || subject_[s] != pattern_[p]) return no_match;
    int open = 1;
    for (std::size_t i = s + 1; i < subject_.size(); ++i) {
        step();
        if (subject_[i] == pattern_[p + 1]) {
            if (--open == 0) return i + 1;
        } else if (subject_[i] == pattern_[p]) {
            ++open;
        }
    }
    return no_match;
}

std::size_t pattern_matcher::match_back_reference(std::size_t s, char digit) {
    const int index = digit - '1';
    if (index < 0 || index >= level_ || captures_[static_cast<std::size_t>(index)].length == unfinished)
        throw pattern_error("invalid capture index %" + std::string(1, digit));
    const capture& c = captures_[static_cast<std::size_t>(index)];
    if (c.length == position) return no_match;   // a position capture has no text to match again, as in Lua
    const auto length = static_cast<std::size_t>(c.length);
    for (std::size_t i = 0; i < length; ++i) step();
    if (subject_.size() - s >= length && subject_.compare(s, length, subject_.substr(c.start, length)) == 0) return s + length;
    return no_match;
}

std::size_t pattern_matcher::match_from(std::size_t s, std::size_t p) {
    if (++depth_ > max_depth) throw pattern_error("pattern too complex");
    struct depth_guard {
        int& depth;
        ~depth_guard() { --depth; }
    } guard{depth_};
    while (true) {
        step();
        if (p == pattern_.size()) return s;
        const char c = pattern_[p];
        if (c == '(') {
            const bool position_capture = p + 1 < pattern_.size() && pattern_[p + 1] == ')';
            return start_capture(s, p + (position_capture ? 2 : 1), position_capture ? position : unfinished);
        }
        if (c == ')') return end_capture(s, p + 1);
        if (c == '$' && p + 1 == pattern_.size()) return s == subject_.size() ? s : no_match;
        if (c == '%' && p + 1 < pattern_.size()) {
            const char kind = pattern_[p + 1];
            if (kind == 'b') {
                s = match_balance(s, p + 2);
                if (s == no_match) return no_match;
                p += 4;
                continue;
            }
            if (kind == 'f') {
                p += 2;
                if (p >= pattern_.size() || pattern_[p] != '[') throw pattern_error("missing '[' after '%f' in pattern");
                const std::size_t ep = class_end(p);
                const auto before = static_cast<unsigned char>(s == 0 ? '\0' : subject_[s - 1]);
                const auto here = static_cast<unsigned char>(s < subject_.size() ? subject_[s] : '\0');
                if (in_set(before, p, ep - 1) || !in_set(here, p, ep - 1)) return no_match;
                p = ep;
                continue;
            }
            if (std::isdigit(static_cast<unsigned char>(kind))) {
                s = match_back_reference(s, kind);
                if (s == no_match) return no_match;
                p += 2;
                continue;
            }
        }
        const std::size_t ep = class_end(p);
        const char repeat = ep < pattern_.size() ? pattern_[ep] : '\0';
        if (repeat == '?') {
            if (single_match(s, p, ep)) {
                const std::size_t end = match_from(s + 1, ep + 1);
                if (end != no_match) return end;
            }
            p = ep + 1;
            continue;
        }
        if (repeat == '+') return single_match(s, p, ep) ? max_expand(s + 1, p, ep) : no_match;
        if (repeat == '*') return max_expand(s, p, ep);
        if (repeat == '-') return min_expand(s, p, ep);
        if (!single_match(s, p, ep)) return no_match;
        ++s;
        p = ep;
    }
}

}  // namespace verdict
