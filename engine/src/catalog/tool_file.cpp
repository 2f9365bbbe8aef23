// Checks that need more than the schema: the id against the file name and the
// name's slug, seats that exist on the panel, and a date of last check that is
// a real calendar date. They run on the raw document, so a file with a schema
// problem still gets these reported in the same pass.
#include "catalog/tool_file.hpp"

#include "catalog/tool_decoder.hpp"
#include "json/json_document.hpp"
#include "json/schemas.hpp"
#include "support/file_access.hpp"
#include "support/iso_time.hpp"
#include "support/slug.hpp"
#include "support/suggest.hpp"
#include "support/text_file.hpp"

#include <algorithm>

namespace verdict {
namespace {

using json = nlohmann::json;

std::string string_at(const json& document, const char* key) {
    return document.is_object() && document.contains(key) && document.at(key).is_string() ? document.at(key).get<std::string>() : std::string();
}

void check_identity(const tool_file& read, const std::string& shown, problem_list& problems) {
    const std::string stem = read.path.stem().string();
    if (!read.id.empty() && read.id != stem)
        problems.push_back({shown, "/id", "the file's name without .json (\"" + stem + "\")", "\"" + read.id + "\"", ""});
    if (!read.id.empty() && !read.name.empty() && read.id != slug_of(read.name))
        problems.push_back({shown, "/id", "the slug of the name \"" + read.name + "\" (\"" + slug_of(read.name) + "\")", "\"" + read.id + "\"", ""});
}

void check_updated(const json& document, const std::string& shown, problem_list& problems) {
    const std::string updated = string_at(document, "updated");
    if (updated.size() == 10 && !is_iso_date(updated))
        problems.push_back({shown, "/updated", "a real calendar date (YYYY-MM-DD)", "\"" + updated + "\"", ""});
}

void check_seats(const json& document, const std::string& shown, const std::vector<std::string>& seat_ids, problem_list& problems) {
    if (!document.contains("seats") || !document.at("seats").is_array()) return;
    const json& seats = document.at("seats");
    for (std::size_t i = 0; i < seats.size(); ++i) {
        if (!seats[i].is_string()) continue;
        const std::string seat = seats[i].get<std::string>();
        if (std::find(seat_ids.begin(), seat_ids.end(), seat) == seat_ids.end())
            problems.push_back({shown, "/seats/" + std::to_string(i), "a seat of the panel", "unknown seat \"" + seat + "\"",
                                did_you_mean(seat, seat_ids)});
    }
}

}  // namespace

std::vector<std::filesystem::path> tool_file_paths(const std::filesystem::path& catalog_dir, problem_list& problems) {
    std::vector<std::filesystem::path> files;
    for (std::filesystem::path& entry : list_folder(catalog_dir / "tools", "a readable folder of tool files (<id>.json)", problems))
        if (entry.extension() == ".json") files.push_back(std::move(entry));
    return files;
}

tool_file read_tool_file(const std::filesystem::path& file, const std::vector<std::string>& seat_ids, problem_list& problems) {
    tool_file read{file, std::nullopt, "", "", ""};
    const std::size_t before = problems.size();
    const std::string shown = display_path(file);
    const auto document = read_json_document(file, tool_schema(), problems);
    if (!document) return read;
    read.id = string_at(*document, "id");
    read.name = string_at(*document, "name");
    read.category = string_at(*document, "category");
    check_identity(read, shown, problems);
    check_updated(*document, shown, problems);
    check_seats(*document, shown, seat_ids, problems);
    if (problems.size() == before) read.subject = decode_tool(*document);
    return read;
}

std::optional<tool> read_inline_tool(const json& document, const std::string& shown, const std::string& pointer,
                                     const std::vector<std::string>& seat_ids, problem_list& problems) {
    const std::size_t before = problems.size();
    tool_schema().validate(document, shown, problems);
    check_updated(document, shown, problems);
    check_seats(document, shown, seat_ids, problems);
    for (std::size_t i = before; i < problems.size(); ++i) problems[i].where = pointer + problems[i].where;
    if (problems.size() > before) return std::nullopt;
    return decode_tool(document);
}

tool placeholder_tool(const tool_file& file) {
    tool t;
    t.id = file.path.stem().string();
    t.name = file.name.empty() ? t.id : file.name;
    t.category = file.category;
    return t;
}

}  // namespace verdict
