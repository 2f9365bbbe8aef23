// Overrides are applied here, once per seat, so every review of a run sees the
// same settings; a misspelt weight in the panel file is a failed seat rather
// than a silently ignored override.
#include "panel/panel.hpp"

#include "hosts/lua/script_persona.hpp"
#include "hosts/shared_library_host.hpp"
#include "json/strict_json.hpp"
#include "support/suggest.hpp"

#include <algorithm>

namespace verdict {
namespace {

std::string apply_overrides(const seat_config& config, const std::string& file, settings& s, problem_list& problems) {
    const settings_override& o = config.overrides;
    if (o.base) s.base = *o.base;
    if (o.threshold) s.threshold = *o.threshold;
    if (o.min_facts) s.min_facts = *o.min_facts;
    std::vector<std::string> rules;
    for (const auto& [rule, points] : s.weights) rules.push_back(rule);
    std::string failure;
    for (const auto& [rule, points] : o.weights) {
        if (s.weights.count(rule)) {
            s.weights[rule] = points;
            continue;
        }
        problem p{file, config.pointer + "/settings/weights/" + pointer_token(rule), "a rule the persona of seat \"" + config.id + "\" declares",
                  "unknown rule \"" + rule + "\"", did_you_mean(rule, rules)};
        failure = to_string(p);
        problems.push_back(std::move(p));
    }
    return failure;
}

}  // namespace

panel::panel(panel_config config, problem_list& problems) : config_(std::move(config)) {
    for (const seat_config& each : config_.seats) {
        seat loaded{each, nullptr, "", {}};
        try {
            loaded.backend = load_persona(each);
            loaded.effective = loaded.backend->defaults();
            loaded.failure = apply_overrides(each, config_.file, loaded.effective, problems);
        } catch (const host_error& error) {
            loaded.failure = error.what();
        }
        seats_.push_back(std::move(loaded));
    }
}

std::unique_ptr<persona_backend> panel::load_persona(const seat_config& config) {
    if (config.kind == persona_kind::plugin) return load_shared_library_persona(config.source);
    return load_script_persona(config.source, config.limits);
}

std::vector<const seat*> panel::seats_for(const tool& t) const {
    const std::vector<std::string>& wanted = t.seats.empty() ? config_.default_seats : t.seats;
    std::vector<const seat*> chosen;
    for (const seat& each : seats_)
        if (each.config.shadow || std::find(wanted.begin(), wanted.end(), each.config.id) != wanted.end()) chosen.push_back(&each);
    return chosen;
}

}  // namespace verdict
