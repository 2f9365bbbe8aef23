// verdict personas: what sits in each seat, where it came from, and whether it loaded.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "reports/json/review_json.hpp"
#include "reports/text/text_layout.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace verdict::cli {
namespace {

struct row {
    std::string seat, persona, version, state, source, failure;
    bool default_seat = false;
};

std::vector<row> rows_of(const panel& p) {
    std::vector<row> rows;
    const auto& defaults = p.config().default_seats;
    for (const seat& s : p.seats()) {
        row r{s.config.id, "-", "-", s.failure.empty() ? "loaded" : "failed", s.backend ? s.backend->source() : s.config.source.generic_string(),
              s.failure, std::find(defaults.begin(), defaults.end(), s.config.id) != defaults.end()};
        if (s.backend) {
            r.persona = s.backend->identity().display_name;
            r.version = s.backend->identity().version;
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

void write_text(const std::vector<row>& rows, std::ostream& out) {
    std::vector<std::array<std::string, 6>> table{{"SEAT", "DEFAULT", "PERSONA", "VERSION", "STATE", "SOURCE"}};
    for (const row& r : rows) table.push_back({r.seat, r.default_seat ? "yes" : "no", r.persona, r.version, r.state, r.source});
    std::array<std::size_t, 6> widths{};
    for (const auto& line : table)
        for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], display_width(line[i]));
    for (const auto& line : table) {
        for (std::size_t i = 0; i + 1 < line.size(); ++i) out << pad_right(line[i], widths[i] + 2);
        out << line.back() << "\n";
    }
    for (const row& r : rows)
        if (!r.failure.empty()) out << "\n" << r.seat << " failed: " << r.failure << "\n";
}

void write_json(const std::vector<row>& rows, std::ostream& out) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const row& r : rows)
        list.push_back({{"seat", r.seat}, {"default", r.default_seat}, {"persona", r.persona}, {"version", r.version},
                        {"state", r.state}, {"source", r.source}, {"error", r.failure.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.failure)}});
    out << dump_json(list);
}

}  // namespace

exit_code run_personas(const std::vector<std::string>& args, context& ctx) {
    option_parser p("personas", "[options]", "Lists each seat of the panel: its persona, version, source file and state.", ctx);
    p.add_format({"text", "json"});
    if (auto stop = p.parse(args)) return *stop;
    problem_list problems;
    auto config = load_panel_config(p.catalog_dir(), ctx.persona_dir, problems);
    std::optional<panel> loaded;
    if (config) loaded.emplace(std::move(*config), problems);
    for (const problem& each : problems) report_error(ctx, to_string(each));
    if (!loaded) return exit_code::bad_input;
    const auto rows = rows_of(*loaded);
    if (p.format() == "json") write_json(rows, ctx.out);
    else write_text(rows, ctx.out);
    const bool any_failed = std::any_of(rows.begin(), rows.end(), [](const row& r) { return !r.failure.empty(); });
    return problems.empty() ? (any_failed ? exit_code::failed : exit_code::ok) : exit_code::bad_input;
}

}  // namespace verdict::cli
