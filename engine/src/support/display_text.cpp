// Follows the pairing rules of Unicode's bidi algorithm (UAX #9, rules X1–X8):
// PDF closes the innermost embedding or override unless an isolate is
// innermost; PDI closes the innermost isolate and everything opened inside it.
#include "support/display_text.hpp"

#include <vector>

namespace verdict {
namespace {

constexpr std::string_view pdf = "\u202C";
constexpr std::string_view pdi = "\u2069";

// The control at `at`, as one of: 'e' embedding or override opener, 'i' isolate opener, 'p' PDF, 'q' PDI, 0 none.
char control_at(std::string_view text, std::size_t at) {
    if (at + 3 > text.size() || static_cast<unsigned char>(text[at]) != 0xE2) return 0;
    const auto b1 = static_cast<unsigned char>(text[at + 1]);
    const auto b2 = static_cast<unsigned char>(text[at + 2]);
    if (b1 == 0x80 && (b2 == 0xAA || b2 == 0xAB || b2 == 0xAD || b2 == 0xAE)) return 'e';
    if (b1 == 0x80 && b2 == 0xAC) return 'p';
    if (b1 == 0x81 && (b2 == 0xA6 || b2 == 0xA7 || b2 == 0xA8)) return 'i';
    if (b1 == 0x81 && b2 == 0xA9) return 'q';
    return 0;
}

bool has_isolate(const std::vector<char>& open) {
    for (char c : open)
        if (c == 'i') return true;
    return false;
}

bool is_c1_at(std::string_view text, std::size_t at) {
    return static_cast<unsigned char>(text[at]) == 0xC2 && at + 1 < text.size() && static_cast<unsigned char>(text[at + 1]) >= 0x80 &&
           static_cast<unsigned char>(text[at + 1]) <= 0x9F;
}

bool has_control_characters(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto b = static_cast<unsigned char>(text[at]);
        if (b < 0x20 || b == 0x7F || is_c1_at(text, at)) return true;
    }
    return false;
}

}  // namespace

bool is_printable(std::string_view text) { return !has_control_characters(text) && !has_bidi_controls(text); }

bool has_bidi_controls(std::string_view text) {
    for (std::size_t at = text.find('\xE2'); at != std::string_view::npos; at = text.find('\xE2', at + 1))
        if (control_at(text, at) != 0) return true;
    return false;
}

std::string printable_text(std::string_view text) {
    if (!has_control_characters(text)) return balance_bidi(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        const auto b = static_cast<unsigned char>(text[at]);
        const bool c1 = is_c1_at(text, at);
        out += b < 0x20 || b == 0x7F || c1 ? ' ' : text[at];
        if (c1) ++at;   // its second byte
    }
    return balance_bidi(out);
}

std::string balance_bidi(std::string_view text) {
    if (text.find('\xE2') == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    std::vector<char> open;
    for (std::size_t at = 0; at < text.size();) {
        const char control = control_at(text, at);
        const bool keep = control == 0 || control == 'e' || control == 'i' || (control == 'p' && !open.empty() && open.back() == 'e') ||
                          (control == 'q' && has_isolate(open));
        if (control == 'e' || control == 'i') open.push_back(control);
        if (keep && control == 'p') open.pop_back();
        if (keep && control == 'q') {
            while (open.back() != 'i') open.pop_back();
            open.pop_back();
        }
        const std::size_t length = control ? 3 : 1;
        if (keep) out.append(text.substr(at, length));
        at += length;
    }
    for (auto it = open.rbegin(); it != open.rend(); ++it) out.append(*it == 'i' ? pdi : pdf);
    return out;
}

}  // namespace verdict
