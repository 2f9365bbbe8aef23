// The schema checks shapes; this file checks what a schema cannot: that seat
// ids are unique, that default seats exist and count, and that the quorum can
// be met.
#include "panel/panel_config.hpp"

#include "json/json_document.hpp"
#include "json/schemas.hpp"
#include "support/suggest.hpp"
#include "support/text_file.hpp"

#include <set>

namespace verdict {
namespace {

using json = nlohmann::json;

bool names_stock_persona(const std::string& plugin) {
    return plugin.find('/') == std::string::npos && !plugin.ends_with(".so");
}

settings_override read_overrides(const json& seat) {
    settings_override out;
    if (!seat.contains("settings")) return out;
    const json& s = seat.at("settings");
    if (s.contains("base")) out.base = s.at("base").get<double>();
    if (s.contains("threshold")) out.threshold = s.at("threshold").get<double>();
    if (s.contains("min_facts")) out.min_facts = s.at("min_facts").get<int>();
    if (s.contains("weights"))
        for (const auto& [rule, points] : s.at("weights").items()) out.weights[rule] = points.get<double>();
    return out;
}

// Applies the limits given in `object` (the panel's script_limits or a seat's limits) over `limits`.
void read_limits(const json& object, script_limits& limits) {
    limits.instructions_per_review = object.value("instructions_per_review", limits.instructions_per_review);
    limits.instructions_per_load = object.value("instructions_per_load", limits.instructions_per_load);
    limits.memory_bytes = object.value("memory_bytes", limits.memory_bytes);
    limits.source_bytes = object.value("source_bytes", limits.source_bytes);
    limits.seconds = object.value("seconds", limits.seconds);
}

// Where the seat's persona comes from: exactly one of plugin and script.
void read_source(const json& entry, const std::filesystem::path& panel_dir, const std::filesystem::path& persona_dir, seat_config& seat,
                 const std::string& file, problem_list& problems) {
    const bool plugin = entry.contains("plugin");
    if (plugin == entry.contains("script")) {
        problems.push_back({file, seat.pointer, "exactly one of \"plugin\" or \"script\"", plugin ? "both" : "neither", ""});
        return;
    }
    seat.kind = plugin ? persona_kind::plugin : persona_kind::script;
    seat.written = entry.at(plugin ? "plugin" : "script").get<std::string>();
    seat.source = plugin && names_stock_persona(seat.written) ? persona_dir / (seat.written + ".so") : (panel_dir / seat.written).lexically_normal();
}

void read_seats(const json& document, const std::filesystem::path& panel_dir, const std::filesystem::path& persona_dir,
                panel_config& config, problem_list& problems) {
    script_limits& panel_limits = config.script_limits_in_force;
    if (document.contains("script_limits")) read_limits(document.at("script_limits"), panel_limits);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < document.at("seats").size(); ++i) {
        const json& entry = document.at("seats")[i];
        seat_config seat;
        seat.id = entry.at("id").get<std::string>();
        seat.pointer = "/seats/" + std::to_string(i);
        seat.overrides = read_overrides(entry);
        seat.shadow = entry.value("shadow", false);
        seat.limits = panel_limits;
        if (entry.contains("limits")) read_limits(entry.at("limits"), seat.limits);
        read_source(entry, panel_dir, persona_dir, seat, config.file, problems);
        if (!seen.insert(seat.id).second)
            problems.push_back({config.file, seat.pointer + "/id", "each seat id once", "\"" + seat.id + "\" again", ""});
        config.seats.push_back(std::move(seat));
    }
}

void check_defaults(const panel_config& config, problem_list& problems) {
    const auto ids = config.seat_ids();
    for (std::size_t i = 0; i < config.default_seats.size(); ++i) {
        const std::string& id = config.default_seats[i];
        const seat_config* seat = config.find(id);
        if (!seat)
            problems.push_back({config.file, "/default_seats/" + std::to_string(i), "a seat defined in /seats",
                                "unknown seat \"" + id + "\"", did_you_mean(id, ids)});
        else if (seat->shadow)
            problems.push_back({config.file, "/default_seats/" + std::to_string(i), "a counting seat (a shadow seat sits on every tool)",
                                "shadow seat \"" + id + "\"", ""});
    }
    if (static_cast<std::size_t>(config.quorum) > config.default_seats.size())
        problems.push_back({config.file, "/quorum", "at most the number of default seats (" + std::to_string(config.default_seats.size()) + ")",
                            std::to_string(config.quorum), ""});
}

}  // namespace

std::vector<std::string> panel_config::seat_ids() const {
    std::vector<std::string> ids;
    for (const seat_config& seat : seats) ids.push_back(seat.id);
    return ids;
}

const seat_config* panel_config::find(const std::string& id) const {
    for (const seat_config& seat : seats)
        if (seat.id == id) return &seat;
    return nullptr;
}

std::optional<panel_config> load_panel_config(const std::filesystem::path& catalog_dir, const std::filesystem::path& persona_dir,
                                              problem_list& problems) {
    return load_panel_config_file(catalog_dir / "panel.json", persona_dir, problems);
}

std::optional<panel_config> load_panel_config_file(const std::filesystem::path& file, const std::filesystem::path& persona_dir,
                                                   problem_list& problems) {
    const std::size_t before = problems.size();
    const auto document = read_json_document(file, panel_schema(), problems);
    if (!document || problems.size() > before) return std::nullopt;
    panel_config config;
    config.file = display_path(file);
    config.rule_set = document->at("rule_set").get<std::string>();
    config.quorum = document->at("quorum").get<int>();
    config.default_seats = document->at("default_seats").get<std::vector<std::string>>();
    if (document->contains("community")) {
        const json& community = document->at("community");
        config.community.min_voters = community.value("min_voters", config.community.min_voters);
        config.community.disagreement_points = community.value("disagreement_points", config.community.disagreement_points);
    }
    read_seats(*document, file.parent_path(), persona_dir, config, problems);
    check_defaults(config, problems);
    if (problems.size() > before) return std::nullopt;
    return config;
}

}  // namespace verdict
