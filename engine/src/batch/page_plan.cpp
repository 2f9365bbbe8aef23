// A page's shard comes from a hash of its path alone, so every shard of a run
// agrees on the split without talking to the others, and a page stays in
// the same shard from run to run.
#include "batch/page_plan.hpp"

#include "batch/content_hash.hpp"
#include "reports/site_layout.hpp"

#include <algorithm>

namespace verdict {
namespace {

std::size_t position_of(const std::vector<page_tool>& tools, const tool* t) {
    const auto found = std::lower_bound(tools.begin(), tools.end(), t->id, [](const page_tool& p, const std::string& id) { return p.subject().id < id; });
    return static_cast<std::size_t>(found - tools.begin());
}

bool in_shard(const std::string& path, const std::optional<shard_spec>& shard) {
    return !shard || content_hash().add(path).value() % shard->n == shard->k - 1;
}

}  // namespace

std::vector<planned_page> plan_pages(const std::vector<page_tool>& tools, const std::vector<std::string>& fingerprints,
                                     const std::vector<comparison_pair>& pairs, const std::vector<std::string>& formats,
                                     const std::string& site, const std::optional<shard_spec>& shard) {
    std::vector<planned_page> pages;
    for (const comparison_pair& pair : pairs) {
        const std::size_t left = position_of(tools, pair.left);
        const std::size_t right = position_of(tools, pair.right);
        for (const std::string& format : formats) {
            planned_page page{page_kind::comparison, format, comparison_page_path(pair.slug(), format), left, right, ""};
            if (!in_shard(page.path, shard)) continue;
            page.key = content_hash().add(site).add(format).add(fingerprints[left]).add(fingerprints[right]).hex();
            pages.push_back(std::move(page));
        }
    }
    for (std::size_t i = 0; i < tools.size(); ++i)
        for (const std::string& format : formats) {
            planned_page page{page_kind::tool, format, tool_page_path(tools[i].subject().id, format), i, i, ""};
            if (!in_shard(page.path, shard)) continue;
            page.key = content_hash().add(site).add(format).add("tool").add(fingerprints[i]).hex();
            pages.push_back(std::move(page));
        }
    if (!shard)
        for (const std::string& format : formats) pages.push_back({page_kind::index, format, index_page_path(format), 0, 0, index_key(fingerprints, pairs, format, site)});
    return pages;
}

std::string index_key(const std::vector<std::string>& fingerprints, const std::vector<comparison_pair>& pairs, const std::string& format,
                      const std::string& site) {
    content_hash h;
    h.add(site).add(format).add("index");
    for (const std::string& f : fingerprints) h.add(f);
    for (const comparison_pair& pair : pairs) h.add(pair.left->id).add(pair.right->id);
    return h.hex();
}

}  // namespace verdict
