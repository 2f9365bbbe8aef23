#include "diff/catalog_data.hpp"

#include "support/file_access.hpp"

namespace verdict {

std::unique_ptr<catalog_data> load_catalog_data(const std::filesystem::path& catalog_dir, const std::vector<std::string>& seat_ids,
                                                problem_list& problems) {
    auto data = std::make_unique<catalog_data>();
    data->tools = load_catalog(catalog_dir, seat_ids, problems);
    if (probe_path(catalog_dir / "comparisons.json").kind != path_kind::missing) data->pairs = load_comparisons(catalog_dir, data->tools, problems);
    data->votes = load_votes(catalog_dir, data->tools, problems);
    return data;
}

}  // namespace verdict
