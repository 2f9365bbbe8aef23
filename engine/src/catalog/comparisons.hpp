// The comparisons to render (catalog/comparisons.json): explicit pairs of tool
// ids, and every pair within a named category.
#pragma once

#include "catalog/catalog.hpp"
#include "support/problem.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// "<left-id>-vs-<right-id>": a comparison page's file name without its extension.
inline std::string comparison_slug(std::string_view left_id, std::string_view right_id) {
    return std::string(left_id).append("-vs-").append(right_id);
}

/// One comparison page: `left` shows on the left.
struct comparison_pair {
    const tool* left = nullptr;
    const tool* right = nullptr;

    std::string slug() const { return comparison_slug(left->id, right->id); }
};

/// Reads `<catalog_dir>/comparisons.json` against `tools`. Explicit pairs come first in file order, then each
/// listed category's pairs in id order; a pair already listed (either way round) is kept once, where it first
/// appeared. A pair naming a tool the catalog lacks, or one tool twice, is a problem and is left out.
std::vector<comparison_pair> load_comparisons(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems);

}  // namespace verdict
