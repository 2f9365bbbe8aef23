// Copies are compared as JSON values, so that reformatting a copy is not a
// difference; a copy that differs names the first pointer where it does.
#include "catalog/schema_copies.hpp"

#include "json/schemas.hpp"
#include "json/strict_json.hpp"
#include "support/file_access.hpp"
#include "support/text_file.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace verdict {
namespace {

using json = nlohmann::json;

// The schema the engine applies that a file of this name copies; empty for another file.
std::string_view engine_schema_named(const std::string& name) {
    const std::array<std::pair<std::string_view, std::string_view>, 5> schemas{{{"tool.schema.json", tool_schema_text()},
                                                                                {"panel.schema.json", panel_schema_text()},
                                                                                {"comparisons.schema.json", comparisons_schema_text()},
                                                                                {"fixtures.schema.json", fixtures_schema_text()},
                                                                                {"site.schema.json", site_schema_text()}}};
    for (const auto& [file, text] : schemas)
        if (file == name) return text;
    return {};
}

// The first JSON pointer at which `copy` and `engine` differ, as json::diff finds them ("" for the whole document);
// nullopt when they are equal.
std::optional<std::string> first_difference(const json& copy, const json& engine) {
    const json patch = json::diff(engine, copy);
    if (patch.empty()) return std::nullopt;
    return patch.at(0).at("path").get<std::string>();
}

}  // namespace

void check_schema_copies(const std::filesystem::path& catalog_dir, problem_list& problems) {
    const auto files = list_optional_folder(catalog_dir / "schema", "a readable folder of JSON Schemas (*.schema.json)", problems);
    for (const std::filesystem::path& file : files) {
        if (file.extension() != ".json") continue;
        const auto text = read_text_file(file, std::size_t{16} << 20, problems);
        if (!text) continue;
        const auto copy = parse_strict_json(*text, display_path(file), problems);
        const std::string_view engine = engine_schema_named(file.filename().string());
        if (!copy || engine.empty()) continue;
        if (const auto differs = first_difference(*copy, json::parse(engine)))
            problems.push_back({display_path(file), *differs,
                                "a copy of the schema this verdict applies (" VERDICT_VERSION "), so that editors' tools check what lint checks",
                                "a schema that differs from it here", "copy it again from the schema/ folder of verdict's sources or installation"});
    }
}

}  // namespace verdict
