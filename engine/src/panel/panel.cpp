// Overrides are applied here, once per seat, so every review of a run sees the
// same settings; a misspelt weight in the panel file is a failed seat rather
// than a silently ignored override. The personas themselves run in the host:
// the panel knows them only by what their loading reported.
#include "panel/panel.hpp"

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

panel::panel(panel_config config, problem_list& problems, const host_options& options)
    : config_(std::move(config)), host_(make_persona_host(options)) {
    const std::vector<persona_load> loads = host_->load(config_.seats);
    std::vector<std::optional<settings>> effective;
    for (std::size_t i = 0; i < config_.seats.size(); ++i) {
        const persona_load& load = loads[i];
        seat loaded{config_.seats[i], load.loaded, load.identity, load.source, load.defaults, load.failure, load.defaults};
        if (loaded.loaded) loaded.failure = apply_overrides(loaded.config, config_.file, loaded.effective, problems);
        effective.push_back(loaded.failure.empty() ? std::optional(loaded.effective) : std::nullopt);
        seats_.push_back(std::move(loaded));
    }
    host_->configure(effective);
}

std::vector<std::vector<hosted_review>> panel::run(const std::vector<review_job>& jobs) const { return host_->review(jobs); }

std::vector<const seat*> panel::seats_for(const tool& t) const {
    const std::vector<std::string>& wanted = t.seats.empty() ? config_.default_seats : t.seats;
    std::vector<const seat*> chosen;
    for (const seat& each : seats_)
        if (each.config.shadow || std::find(wanted.begin(), wanted.end(), each.config.id) != wanted.end()) chosen.push_back(&each);
    return chosen;
}

}  // namespace verdict
