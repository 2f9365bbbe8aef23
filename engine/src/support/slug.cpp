// Non-ASCII letters are separators, not transliterated: a slug must not depend on a locale.
#include "support/slug.hpp"

namespace verdict {

std::string slug_of(std::string_view name) {
    std::string slug;
    bool pending_hyphen = false;
    for (const char c : name) {
        const bool digit = c >= '0' && c <= '9';
        const bool lower = c >= 'a' && c <= 'z';
        const bool upper = c >= 'A' && c <= 'Z';
        if (!digit && !lower && !upper) {
            pending_hyphen = !slug.empty();
            continue;
        }
        if (pending_hyphen) slug += '-';
        pending_hyphen = false;
        slug += upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return slug;
}

}  // namespace verdict
