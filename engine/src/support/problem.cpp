// Formats problems the one way every command prints them.
#include "support/problem.hpp"

namespace verdict {

std::string to_string(const problem& p) {
    std::string text = p.file + ": ";
    if (!p.where.empty()) text += p.where + ": ";
    text += "expected " + p.expected + ", found " + p.found;
    if (!p.hint.empty()) text += " (" + p.hint + ")";
    return text;
}

bool any_fatal(const problem_list& problems) {
    for (const problem& p : problems)
        if (p.fatal) return true;
    return false;
}

}  // namespace verdict
