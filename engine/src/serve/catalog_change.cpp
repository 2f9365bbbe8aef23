#include "serve/catalog_change.hpp"

#include "support/text_file.hpp"

namespace verdict::serve {

void catalog_change::merge(const catalog_change& other) {
    everything = everything || other.everything;
    tool_files.insert(other.tool_files.begin(), other.tool_files.end());
    seats.insert(other.seats.begin(), other.seats.end());
    comparisons = comparisons || other.comparisons;
    votes = votes || other.votes;
    site = site || other.site;
}

std::string catalog_change::describe() const {
    if (everything) return "the panel configuration";
    std::string out;
    const auto add = [&out](const std::string& what) { out += (out.empty() ? "" : ", ") + what; };
    for (const std::filesystem::path& file : tool_files) add(display_path(file));
    for (const std::string& seat : seats) add("seat " + seat);
    if (comparisons) add("comparisons.json");
    if (votes) add("votes/");
    if (site) add("site.json");
    return out;
}

}  // namespace verdict::serve
