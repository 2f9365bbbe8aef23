#include "panel/settings_in_force.hpp"

#include "json/strict_json.hpp"

namespace verdict {

std::vector<setting_in_force> settings_in_force(const seat& s) {
    const settings_override& o = s.config.overrides;
    const settings* defaults = s.loaded ? &s.defaults : nullptr;
    const std::string at = s.config.pointer + "/settings/";
    std::vector<setting_in_force> out;
    // Without a persona only the overrides are known, and none of them took.
    auto add = [&](const std::string& name, std::optional<double> persona_default, std::optional<double> overridden, const std::string& pointer) {
        if (!defaults && !overridden) return;
        setting_in_force each{name, std::nullopt, persona_default, overridden ? pointer : "", ""};
        if (!defaults) each.not_applied = "the seat's persona did not load";
        else if (!persona_default) each.not_applied = "the persona declares no such rule";
        else each.value = overridden ? overridden : persona_default;
        out.push_back(std::move(each));
    };
    auto known = [defaults](auto member) { return defaults ? std::optional<double>(defaults->*member) : std::nullopt; };
    add("base", known(&settings::base), o.base, at + "base");
    add("threshold", known(&settings::threshold), o.threshold, at + "threshold");
    add("min_facts", known(&settings::min_facts), o.min_facts ? std::optional<double>(*o.min_facts) : std::nullopt, at + "min_facts");
    auto weight_override = [&o](const std::string& rule) {
        const auto found = o.weights.find(rule);
        return found == o.weights.end() ? std::nullopt : std::optional(found->second);
    };
    if (defaults)
        for (const auto& [rule, points] : defaults->weights) add("weights." + rule, points, weight_override(rule), at + "weights/" + pointer_token(rule));
    for (const auto& [rule, points] : o.weights)
        if (!defaults || !defaults->weights.count(rule)) add("weights." + rule, std::nullopt, points, at + "weights/" + pointer_token(rule));
    return out;
}

}  // namespace verdict
