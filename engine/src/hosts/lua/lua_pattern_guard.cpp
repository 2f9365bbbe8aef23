// Lua patterns have no alternation and each quantifier repeats one character
// class, so a repeated item can only ever span a run of characters of its
// class: the longest such run in the subject bounds how far it can expand or
// backtrack. Multiplying those bounds is pessimistic but cheap, and lets the
// common idioms through: "^%s*(.-)%s*$" on prose costs a few thousand steps.
#include "hosts/lua/lua_pattern_guard.hpp"

#include <cctype>
#include <cstddef>

namespace verdict {
namespace {

bool in_class(unsigned char c, char cls) {
    bool match = false;
    switch (std::tolower(static_cast<unsigned char>(cls))) {
    case 'a': match = std::isalpha(c); break;
    case 'c': match = std::iscntrl(c); break;
    case 'd': match = std::isdigit(c); break;
    case 'g': match = std::isgraph(c); break;
    case 'l': match = std::islower(c); break;
    case 'p': match = std::ispunct(c); break;
    case 's': match = std::isspace(c); break;
    case 'u': match = std::isupper(c); break;
    case 'w': match = std::isalnum(c); break;
    case 'x': match = std::isxdigit(c); break;
    default: return c == static_cast<unsigned char>(cls);
    }
    return std::isupper(static_cast<unsigned char>(cls)) ? !match : match;
}

// Whether `c` matches the set between '[' and its ']' (`set` excludes both brackets).
bool in_set(unsigned char c, std::string_view set) {
    const bool negated = !set.empty() && set[0] == '^';
    bool found = false;
    for (std::size_t i = negated ? 1 : 0; i < set.size(); ++i) {
        if (set[i] == '%' && i + 1 < set.size()) {
            found = found || in_class(c, set[++i]);
        } else if (i + 2 < set.size() && set[i + 1] == '-') {
            found = found || (c >= static_cast<unsigned char>(set[i]) && c <= static_cast<unsigned char>(set[i + 2]));
            i += 2;
        } else {
            found = found || c == static_cast<unsigned char>(set[i]);
        }
    }
    return negated ? !found : found;
}

// One single-character item of a pattern: ".", "%a", "x" or "[...]".
struct item {
    std::string_view text;
    bool matches(unsigned char c) const {
        if (text == ".") return true;
        if (text[0] == '%') return in_class(c, text[1]);
        if (text[0] == '[') return in_set(c, text.substr(1, text.size() - 2));
        return c == static_cast<unsigned char>(text[0]);
    }
};

// The end of the item starting at `at`, or `at` when no single-character item starts there.
std::size_t item_end(std::string_view p, std::size_t at) {
    if (p[at] == '%') return at + 2 <= p.size() ? at + 2 : p.size();
    if (p[at] != '[') return at + 1;
    std::size_t i = at + 1;
    if (i < p.size() && p[i] == '^') ++i;
    do {
        if (i < p.size() && p[i] == '%') ++i;
        ++i;
    } while (i < p.size() && p[i] != ']');
    return i < p.size() ? i + 1 : p.size();
}

std::size_t longest_run(const item& it, std::string_view subject) {
    std::size_t best = 0;
    std::size_t run = 0;
    for (const char c : subject) {
        run = it.matches(static_cast<unsigned char>(c)) ? run + 1 : 0;
        if (run > best) best = run;
    }
    return best;
}

}  // namespace

double worst_case_steps(std::string_view pattern, std::string_view subject) {
    const bool anchored = !pattern.empty() && pattern[0] == '^';
    double steps = anchored ? 1.0 : static_cast<double>(subject.size() + 1);
    for (std::size_t at = anchored ? 1 : 0; at < pattern.size();) {
        const char c = pattern[at];
        const bool special = c == '(' || c == ')' || (c == '$' && at + 1 == pattern.size());
        if (special || (c == '%' && at + 1 < pattern.size() && (pattern[at + 1] == 'b' || pattern[at + 1] == 'f'))) {
            at += special ? 1u : (pattern[at + 1] == 'b' ? 4u : 2u);   // %b spans linearly; %f's set follows as an item
            continue;
        }
        const std::size_t end = item_end(pattern, at);
        const char quantifier = end < pattern.size() ? pattern[end] : '\0';
        if (quantifier == '*' || quantifier == '+' || quantifier == '-')
            steps *= static_cast<double>(longest_run(item{pattern.substr(at, end - at)}, subject) + 1);
        else if (quantifier == '?')
            steps *= 2;
        at = end + (quantifier == '*' || quantifier == '+' || quantifier == '-' || quantifier == '?' ? 1 : 0);
    }
    return steps;
}

}  // namespace verdict
