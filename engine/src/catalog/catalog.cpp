// Checks that need more than the schema: the id against the file name and the
// name's slug, ids unique across files, seats that exist on the panel, and a
// date of last check that is a real calendar date.
// They run on the raw document, so a file with a schema problem still gets
// these reported in the same pass.
#include "catalog/catalog.hpp"

#include "catalog/tool_decoder.hpp"
#include "json/json_document.hpp"
#include "json/schemas.hpp"
#include "support/iso_time.hpp"
#include "support/slug.hpp"
#include "support/suggest.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace verdict {
namespace {

using json = nlohmann::json;

std::vector<std::filesystem::path> tool_files(const std::filesystem::path& dir, problem_list& problems) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        problems.push_back({display_path(dir), "", "a folder of tool files (<id>.json)", "no such folder", ""});
        return files;
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json" && entry.path().filename().string().front() != '.') files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string string_at(const json& document, const char* key) {
    return document.contains(key) && document.at(key).is_string() ? document.at(key).get<std::string>() : std::string();
}

void check_identity(const json& document, const std::filesystem::path& file, const std::string& shown, problem_list& problems) {
    const std::string id = string_at(document, "id");
    const std::string name = string_at(document, "name");
    if (!id.empty() && id != file.stem().string())
        problems.push_back({shown, "/id", "the file's name without .json (\"" + file.stem().string() + "\")", "\"" + id + "\"", ""});
    if (!id.empty() && !name.empty() && id != slug_of(name))
        problems.push_back({shown, "/id", "the slug of the name \"" + name + "\" (\"" + slug_of(name) + "\")", "\"" + id + "\"", ""});
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

const tool* catalog::find(std::string_view id) const {
    const auto found = std::lower_bound(tools.begin(), tools.end(), id, [](const tool& t, std::string_view key) { return t.id < key; });
    return found != tools.end() && found->id == id ? &*found : nullptr;
}

std::vector<std::string> catalog::ids() const {
    std::vector<std::string> out;
    for (const tool& t : tools) out.push_back(t.id);
    return out;
}

catalog load_catalog(const std::filesystem::path& catalog_dir, const std::vector<std::string>& seat_ids, problem_list& problems) {
    struct parsed {
        std::filesystem::path file;
        std::string shown;
        json document;
        bool has_problems;
    };
    std::vector<parsed> files;
    std::set<std::string> stems;
    for (const auto& file : tool_files(catalog_dir / "tools", problems)) {
        stems.insert(file.stem().string());
        const std::size_t before = problems.size();
        const std::string shown = display_path(file);
        auto document = read_json_document(file, tool_schema(), problems);
        if (!document) continue;
        check_identity(*document, file, shown, problems);
        check_updated(*document, shown, problems);
        check_seats(*document, shown, seat_ids, problems);
        files.push_back({file, shown, std::move(*document), problems.size() > before});
    }
    // Only tools/<id>.json owns its id, whatever order files sort in; among misnamed files, the first claims it.
    std::map<std::string, std::string> claimed;
    for (parsed& p : files) {
        const std::string id = string_at(p.document, "id");
        if (id.empty() || id == p.file.stem().string()) continue;
        const std::string owner = stems.count(id) ? display_path(p.file.parent_path() / (id + ".json")) : claimed.emplace(id, p.shown).first->second;
        if (owner == p.shown) continue;
        problems.push_back({p.shown, "/id", "an id no other tool file uses", "\"" + id + "\", already the id of " + owner, ""});
        p.has_problems = true;
    }
    catalog result;
    for (const parsed& p : files)
        if (!p.has_problems) result.tools.push_back(decode_tool(p.document));
    std::sort(result.tools.begin(), result.tools.end(), [](const tool& a, const tool& b) { return a.id < b.id; });
    return result;
}

}  // namespace verdict
