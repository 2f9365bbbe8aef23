// A catalog folder's tools with the comparisons and votes that refer to them:
// what one side of a diff reviews, whether it is the working tree or a
// revision's copy of the catalog.
#pragma once

#include "catalog/catalog.hpp"
#include "catalog/comparisons.hpp"
#include "community/community_votes.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace verdict {

struct catalog_data {
    catalog tools;
    std::vector<comparison_pair> pairs;   ///< Point into `tools`, which is why the data is held where it was made.
    community_votes votes;
};

/// Loads `catalog_dir`'s tools (which may name any of `seat_ids`: both sides' seats, so a tool names the same seats on
/// either), its comparisons when it has a comparisons.json, and its votes; every problem goes to `problems`.
std::unique_ptr<catalog_data> load_catalog_data(const std::filesystem::path& catalog_dir, const std::vector<std::string>& seat_ids,
                                                problem_list& problems);

}  // namespace verdict
