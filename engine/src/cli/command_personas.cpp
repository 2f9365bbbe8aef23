// verdict personas: what sits in each seat, where it came from, and whether it loaded.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "panel/settings_in_force.hpp"
#include "reports/json/review_json.hpp"
#include "reports/number_format.hpp"
#include "reports/text/text_layout.hpp"

#include <algorithm>
#include <optional>

namespace verdict::cli {
namespace {

struct row {
    std::string seat, persona, version, state, source, failure;
    bool default_seat = false;
    bool shadow = false;
    std::vector<setting_in_force> settings;
};

std::vector<row> rows_of(const panel& p) {
    std::vector<row> rows;
    const auto& defaults = p.config().default_seats;
    for (const seat& s : p.seats()) {
        row r{s.config.id, "-", "-", s.failure.empty() ? "loaded" : "failed", s.source.empty() ? s.config.source.generic_string() : s.source,
              s.failure, std::find(defaults.begin(), defaults.end(), s.config.id) != defaults.end(), s.config.shadow, settings_in_force(s)};
        if (s.loaded) {
            r.persona = s.identity.display_name;
            r.version = s.identity.version;
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

// Columns padded to their widest cell, the last one left as it is.
void write_table(const std::vector<std::vector<std::string>>& table, std::string_view indent, std::ostream& out) {
    for (const std::string& line : table_lines(table, indent)) out << line << "\n";
}

// Where a setting comes from, as a maintainer looks it up: the persona, or the place in the panel file.
std::string origin(const setting_in_force& s, const std::string& panel_file) {
    if (s.overridden_at.empty()) return "persona default";
    return panel_file + " " + s.overridden_at + (s.not_applied.empty() ? "" : " (not applied: " + s.not_applied + ")");
}

void write_settings_text(const row& r, const std::string& panel_file, std::ostream& out) {
    out << "\n" << r.seat << (r.persona == "-" ? "" : " · " + r.persona + " " + r.version) << "\n";
    std::vector<std::vector<std::string>> table{{"SETTING", "VALUE", "DEFAULT", "FROM"}};
    for (const setting_in_force& s : r.settings)
        table.push_back({s.name, number_or_dash(s.value), number_or_dash(s.persona_default), origin(s, panel_file)});
    write_table(table, "  ", out);
}

void write_text(const std::vector<row>& rows, bool settings, const std::string& panel_file, std::ostream& out) {
    std::vector<std::vector<std::string>> table{{"SEAT", "DEFAULT", "SHADOW", "PERSONA", "VERSION", "STATE", "SOURCE"}};
    for (const row& r : rows)
        table.push_back({r.seat, r.default_seat ? "yes" : "no", r.shadow ? "yes" : "no", r.persona, r.version, r.state, r.source});
    write_table(table, "", out);
    if (settings)
        for (const row& r : rows) write_settings_text(r, panel_file, out);
    for (const row& r : rows)
        if (!r.failure.empty()) out << "\n" << r.seat << " failed: " << r.failure << "\n";
}

nlohmann::ordered_json settings_json(const row& r) {
    using json = nlohmann::ordered_json;
    json list = json::array();
    for (const setting_in_force& s : r.settings)
        list.push_back({{"name", s.name},
                        {"value", s.value ? json_number(*s.value) : json()},
                        {"default", s.persona_default ? json_number(*s.persona_default) : json()},
                        {"overridden_at", s.overridden_at.empty() ? json() : json(s.overridden_at)},
                        {"not_applied", s.not_applied.empty() ? json() : json(s.not_applied)}});
    return list;
}

void write_json(const std::vector<row>& rows, bool settings, std::ostream& out) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const row& r : rows) {
        list.push_back({{"seat", r.seat}, {"default", r.default_seat}, {"shadow", r.shadow}, {"persona", r.persona}, {"version", r.version},
                        {"state", r.state}, {"source", r.source}, {"error", r.failure.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.failure)}});
        if (settings) list.back()["settings"] = settings_json(r);
    }
    out << dump_json(list);
}

}  // namespace

exit_code run_personas(const std::vector<std::string>& args, context& ctx) {
    option_parser p("personas", "[options]",
                    "Lists each seat of the panel: whether it is a default seat or a shadow seat (which reviews every tool\n"
                    "but does not count), its persona, version, source file and state. With --settings, every\n"
                    "setting each seat reviews under and where it comes from: the persona's default, or the place in\n"
                    "panel.json that overrides it (and why an override did not take).",
                    ctx);
    p.add()("settings", "also list every setting in force per seat, and where it comes from");
    p.add_format({"text", "json"});
    p.add_persona_options();
    p.add_example("verdict personas --settings", "every seat's persona and every setting it reviews under, with where it is set");
    if (auto stop = p.parse(args)) return *stop;
    problem_list problems;
    std::optional<panel_config> config;   // a catalog folder that is not there is said to be, with --catalog
    if (check_catalog_folder(p.catalog_dir(), problems)) config = load_panel_config(p.catalog_dir(), ctx.persona_dir, problems);
    std::optional<panel> loaded;
    if (config) loaded.emplace(std::move(*config), problems, p.persona_host());
    for (const problem& each : problems) report_error(ctx, to_string(each));
    if (!loaded) return exit_code::bad_input;
    const auto rows = rows_of(*loaded);
    const bool settings = p.values().count("settings") > 0;
    if (p.format() == "json") write_json(rows, settings, ctx.out);
    else write_text(rows, settings, loaded->config().file, ctx.out);
    const bool any_failed = std::any_of(rows.begin(), rows.end(), [](const row& r) { return !r.failure.empty(); });
    return problems.empty() ? (any_failed ? exit_code::failed : exit_code::ok) : exit_code::bad_input;
}

}  // namespace verdict::cli
