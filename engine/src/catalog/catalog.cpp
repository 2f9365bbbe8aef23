// Each file is read on its own (tool_file.hpp); this adds the one check that
// needs them all: no two files may claim one id.
#include "catalog/catalog.hpp"

#include "catalog/tool_file.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace verdict {

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
    std::vector<tool_file> files;
    std::set<std::string> stems;
    for (const auto& path : tool_file_paths(catalog_dir, problems)) {
        stems.insert(path.stem().string());
        files.push_back(read_tool_file(path, seat_ids, problems));
    }
    // Only tools/<id>.json owns its id, whatever order files sort in; among misnamed files, the first claims it.
    std::map<std::string, std::string> claimed;
    for (const tool_file& f : files) {
        if (f.id.empty() || f.id == f.path.stem().string()) continue;
        const std::string shown = display_path(f.path);
        const std::string owner = stems.count(f.id) ? display_path(f.path.parent_path() / (f.id + ".json")) : claimed.emplace(f.id, shown).first->second;
        if (owner != shown) problems.push_back({shown, "/id", "an id no other tool file uses", "\"" + f.id + "\", already the id of " + owner, ""});
    }
    catalog result;
    result.files = files.size();
    for (tool_file& f : files)
        if (f.subject) result.tools.push_back(std::move(*f.subject));
    std::sort(result.tools.begin(), result.tools.end(), [](const tool& a, const tool& b) { return a.id < b.id; });
    return result;
}

problem no_usable_tools(const std::filesystem::path& catalog_dir, const catalog& tools) {
    const std::string found = tools.files == 0 ? "none"
                                               : std::to_string(tools.files) + (tools.files == 1 ? ", with the problems above" : ", each with the problems above");
    return {display_path(catalog_dir / "tools"), "", "at least one usable tool file (<id>.json)", found, ""};
}

}  // namespace verdict
