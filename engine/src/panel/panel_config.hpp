// The panel configuration (catalog/panel.json): seats, where each seat's
// persona comes from, the settings that override its defaults, the quorum,
// the rule-set version stamped on every review, and how pages weigh the
// community vote against the panel.
#pragma once

#include "hosts/lua/script_limits.hpp"
#include "support/problem.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// What a panel configuration changes in a persona's defaults.
struct settings_override {
    std::optional<double> base;
    std::optional<double> threshold;
    std::optional<int> min_facts;
    std::map<std::string, double> weights;
};

/// What a seat's persona is built from.
enum class persona_kind { plugin, script };

/// One seat as configured.
struct seat_config {
    std::string id;                     ///< e.g. "developer".
    persona_kind kind = persona_kind::plugin;
    std::string written;                ///< The plugin or script value as written in the file.
    std::filesystem::path source;       ///< The shared library or script it resolves to.
    settings_override overrides;
    script_limits limits;               ///< For a script: the panel's limits with the seat's own applied.
    std::string pointer;                ///< Where the seat sits in the file, e.g. "/seats/0".
    /// A shadow seat reviews every tool and is shown wherever reviews are, but never counts toward a panel verdict
    /// nor sits in a comparison: a persona on trial before it is promoted.
    bool shadow = false;
};

/// How pages weigh the community vote against the panel.
struct community_rules {
    int min_voters = 10;            ///< Fewest voters for a community ship % to show.
    int disagreement_points = 40;   ///< A gap this wide between community and panel ship % is flagged.
};

struct panel_config {
    std::string file;                   ///< As messages show it.
    std::string rule_set;
    int quorum = 1;
    std::vector<std::string> default_seats;
    std::vector<seat_config> seats;     ///< In report order.
    script_limits script_limits_in_force;   ///< The panel's limits for script seats (before a seat's own).
    community_rules community;

    std::vector<std::string> seat_ids() const;
    const seat_config* find(const std::string& id) const;
};

/// Reads `<catalog_dir>/panel.json`. A stock persona's name resolves to `<persona_dir>/<name>.so`; any other
/// plugin value, and every script value, is a path relative to the panel file. Returns nullopt after any problem.
std::optional<panel_config> load_panel_config(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir,
                                              problem_list& problems);

/// Reads the panel configuration `file`, wherever it is; its plugin and script paths are relative to its folder.
std::optional<panel_config> load_panel_config_file(const std::filesystem::path& file, const std::filesystem::path& persona_dir,
                                                   problem_list& problems);

}  // namespace verdict
