// The persona SDK: the one header a persona plugin includes.
//
// A persona is a class deriving from verdict::persona that overrides its
// identity, its default settings and one hook, on_review(). The last line of
// the plugin's source is VERDICT_PERSONA(the_class), which exports the API
// version and a factory under fixed names. The host checks the version before
// it calls anything, and checks every review (check_review) before it counts.
//
// Rules for plugin code: review() may run on several threads at once, so keep
// no mutable state; read only the tool and the settings you are given; throw
// if you must (the host catches it and fails your seat, not the panel).
#pragma once

#include "verdict/review.hpp"
#include "verdict/tool.hpp"

#ifndef BOOST_DLL_USE_STD_FS
#define BOOST_DLL_USE_STD_FS
#endif
#include <boost/dll/alias.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace verdict {

/// The SDK's interface version. A host loads only plugins built against the same version.
inline constexpr std::uint32_t api_version = 3;

/// The base class of every persona (non-virtual interface: the host calls review(), you override on_review()).
class persona {
public:
    virtual ~persona() = default;

    /// Stable id, snake_case, e.g. "developer".
    virtual std::string id() const = 0;
    /// Name shown to readers, e.g. "Developer".
    virtual std::string display_name() const = 0;
    /// Version of the persona's rules, e.g. "1.0.0"; change it whenever a verdict could change.
    virtual std::string version() const = 0;
    /// The persona's weights, threshold, base and min_facts; the panel configuration overrides them.
    virtual settings defaults() const = 0;

    /// Reviews `t` under `s` and checks the result; throws invalid_review if the hook built a bad one.
    review review_tool(const tool& t, const settings& s) const {
        review result = on_review(t, s);
        check_review(result, s);
        return result;
    }

protected:
    /// The one hook: weigh the facts of `t` (usually on a scorecard) and return the review.
    virtual review on_review(const tool& t, const settings& s) const = 0;
};

/// The factory a plugin exports.
using persona_factory = std::unique_ptr<persona>();

/// Exported symbol names the host looks up.
inline constexpr const char* api_version_symbol = "verdict_api_version";
inline constexpr const char* factory_symbol = "verdict_create_persona";

/// "a", "a and b", "a, b, and c": how the reference pages list things.
inline std::string join_list(const std::vector<std::string>& items, const std::string& conjunction = "and") {
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) text += items.size() == 2 ? " " + conjunction + " " : (i + 1 == items.size() ? ", " + conjunction + " " : ", ");
        text += items[i];
    }
    return text;
}

/// 180000 -> "180,000".
inline std::string with_thousands(std::int64_t number) {
    const std::uint64_t magnitude = number < 0 ? 0 - static_cast<std::uint64_t>(number) : static_cast<std::uint64_t>(number);
    std::string digits = std::to_string(magnitude);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ",");
    return (number < 0 ? "-" : "") + digits;
}

/// The text with its first letter lower-cased, for a sentence used as a clause ("It runs" -> "it runs");
/// an acronym ("API keys") is left alone.
inline std::string lower_first(std::string text) {
    const bool acronym = text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z';
    if (!acronym && !text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

/// The text with its first ASCII letter upper-cased, for facts that start a sentence.
inline std::string sentence_case(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

}  // namespace verdict

/// Exports `persona_class` (default-constructible, deriving from verdict::persona) as this library's persona.
#define VERDICT_PERSONA(persona_class)                                                    \
    namespace verdict_export {                                                            \
    const std::uint32_t api_version_value = ::verdict::api_version;                       \
    std::unique_ptr<::verdict::persona> create_persona() {                                \
        return std::make_unique<persona_class>();                                         \
    }                                                                                     \
    BOOST_DLL_ALIAS(verdict_export::api_version_value, verdict_api_version)              \
    BOOST_DLL_ALIAS(verdict_export::create_persona, verdict_create_persona)              \
    }
