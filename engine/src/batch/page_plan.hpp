// Every page a batch makes, with where it goes and what it is made from.
//
// A page is planned in 24 bytes: what it shows (by position) and its key.
// Its path is worked out when it is needed, not stored: at 50,000
// comparisons in three formats, stored paths would outweigh the rest of the
// plan several times over.
#pragma once

#include "compare/comparison.hpp"
#include "compare/site_index.hpp"
#include "reports/site_files/site_files.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

enum class page_kind : std::uint8_t { comparison, tool, category, index, site_file };

struct planned_page {
    std::uint64_t key = 0;           ///< Hash of everything the page is made from.
    std::uint32_t left = 0;          ///< Position of the (left) tool in the batch's tools, of a category page's category, or of a site file.
    std::uint32_t right = 0;         ///< Position of the right tool of a comparison.
    page_kind kind = page_kind::tool;
    std::uint8_t format = 0;         ///< Position in the plan's formats.
};

/// One slice of a sharded batch: shard `k` of `n`, counted from 1.
struct shard_spec {
    std::size_t k = 1;
    std::size_t n = 1;
};

/// The pages of a run, in the order they are listed in the manifest.
class page_plan {
public:
    /// Which pages a plan keeps; an empty one keeps them all.
    using page_filter = std::function<bool(const planned_page&)>;

    /// The pages of `index` (made from `tools`) in `formats` that `keep` keeps, with their keys from the tools'
    /// fingerprints and the site's, and `site_files` (with the HTML pages). A shard keeps the pages whose path hashes
    /// to it and leaves the category pages, the index and the site files to the merge; without one, they are planned
    /// last.
    page_plan(const std::vector<page_tool>& tools, const std::vector<std::string>& fingerprints, const site_index& index,
              const std::vector<std::string>& formats, const std::string& site, const std::optional<shard_spec>& shard,
              const page_filter& keep = {}, std::vector<site_file_part> site_files = {});

    const std::vector<planned_page>& pages() const { return pages_; }
    /// Where `page` goes, relative to the output folder, e.g. "compare/a-vs-b.html".
    std::string path_of(const planned_page& page) const;
    const std::string& format_of(const planned_page& page) const { return formats_[page.format]; }
    /// The site file a page of kind site_file is.
    site_file_part site_file_of(const planned_page& page) const { return site_files_[page.left]; }

private:
    const std::vector<page_tool>& tools_;
    const site_index& index_;
    std::vector<std::string> formats_;
    std::vector<site_file_part> site_files_;
    std::vector<planned_page> pages_;
};

}  // namespace verdict
