#include "json/json_document.hpp"

#include "json/strict_json.hpp"
#include "support/text_file.hpp"

namespace verdict {

std::optional<nlohmann::json> read_json_document(const std::filesystem::path& path, const schema_validator& schema,
                                                 problem_list& problems, std::size_t max_bytes) {
    const auto text = read_text_file(path, max_bytes, problems);
    if (!text) return std::nullopt;
    const std::string shown = display_path(path);
    auto document = parse_strict_json(*text, shown, problems);
    if (document) schema.validate(*document, shown, problems);
    return document;
}

}  // namespace verdict
