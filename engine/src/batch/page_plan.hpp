// Every page a batch makes, with where it goes and what it is made from.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

enum class page_kind { comparison, tool, category, index };

struct planned_page {
    page_kind kind = page_kind::tool;
    std::string format;              ///< "html", "md", "json".
    std::string path;                ///< Relative to the output folder, e.g. "compare/a-vs-b.html".
    std::size_t left = 0;            ///< Index of the (left) tool in the batch's tools, or of a category page's category.
    std::size_t right = 0;           ///< Index of the right tool of a comparison.
    std::uint64_t key = 0;           ///< Hash of everything the page is made from.
};

/// One slice of a sharded batch: shard `k` of `n`, counted from 1.
struct shard_spec {
    std::size_t k = 1;
    std::size_t n = 1;
};

/// The pages of `index` (made from `tools`) in `formats`, with their keys from the tools' fingerprints and the site's.
/// A shard keeps the pages whose path hashes to it and leaves the category pages and the index to the merge; without
/// one, they are planned last.
std::vector<planned_page> plan_pages(const std::vector<page_tool>& tools, const std::vector<std::string>& fingerprints, const site_index& index,
                                     const std::vector<std::string>& formats, const std::string& site, const std::optional<shard_spec>& shard);

}  // namespace verdict
