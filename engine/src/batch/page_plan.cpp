// A page's shard comes from a hash of its path alone, so every shard of a run
// agrees on the split without talking to the others, and a page stays in
// the same shard from run to run.
#include "batch/page_plan.hpp"

#include "batch/content_hash.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

bool in_shard(const std::string& path, const std::optional<shard_spec>& shard) {
    return !shard || content_hash().add(path).value() % shard->n == shard->k - 1;
}

// A category page shows its comparisons and its tools, each as its tools' fingerprints say.
std::uint64_t category_key(const site_index& index, const site_index::category& c, const std::vector<std::string>& fingerprints,
                         const std::vector<page_tool>& tools, const std::string& format, const std::string& site) {
    auto fingerprint = [&](const page_tool* t) -> const std::string& { return fingerprints[static_cast<std::size_t>(t - tools.data())]; };
    content_hash h;
    h.add(site).add(format).add("category").add(c.name).add(c.slug);
    for (const std::size_t i : c.comparisons) h.add(index.comparisons[i].slug).add(fingerprint(index.comparisons[i].left)).add(fingerprint(index.comparisons[i].right));
    for (const std::size_t i : c.tools) h.add(fingerprint(index.tools[i]));
    return h.value();
}

// The index shows each category with its counts, and the date of the latest data.
std::uint64_t index_key(const site_index& index, const std::string& format, const std::string& site) {
    content_hash h;
    h.add(site).add(format).add("index").add(index.data_date).add(std::to_string(index.comparisons.size())).add(std::to_string(index.tools.size()));
    for (const site_index::category& c : index.categories)
        h.add(c.name).add(c.slug).add(std::to_string(c.comparisons.size())).add(std::to_string(c.tools.size()));
    return h.value();
}

}  // namespace

std::vector<planned_page> plan_pages(const std::vector<page_tool>& tools, const std::vector<std::string>& fingerprints, const site_index& index,
                                     const std::vector<std::string>& formats, const std::string& site, const std::optional<shard_spec>& shard) {
    auto position = [&tools](const page_tool* t) { return static_cast<std::size_t>(t - tools.data()); };
    std::vector<planned_page> pages;
    // Exact without a shard, and the plan is the largest thing a big run holds: no growth by doubling.
    pages.reserve((index.comparisons.size() + tools.size() + index.categories.size() + 1) * formats.size());
    for (const site_index::entry& e : index.comparisons) {
        const std::size_t left = position(e.left);
        const std::size_t right = position(e.right);
        for (const std::string& format : formats) {
            planned_page page{page_kind::comparison, format, comparison_page_path(e.slug, format), left, right, 0};
            if (!in_shard(page.path, shard)) continue;
            page.key = content_hash().add(site).add(format).add(fingerprints[left]).add(fingerprints[right]).value();
            pages.push_back(std::move(page));
        }
    }
    for (std::size_t i = 0; i < tools.size(); ++i)
        for (const std::string& format : formats) {
            planned_page page{page_kind::tool, format, tool_page_path(tools[i].subject().id, format), i, i, 0};
            if (!in_shard(page.path, shard)) continue;
            page.key = content_hash().add(site).add(format).add("tool").add(fingerprints[i]).value();
            pages.push_back(std::move(page));
        }
    if (shard) return pages;
    for (std::size_t c = 0; c < index.categories.size(); ++c)
        for (const std::string& format : formats)
            pages.push_back({page_kind::category, format, category_page_path(index.categories[c].slug, format), c, c,
                             category_key(index, index.categories[c], fingerprints, tools, format, site)});
    for (const std::string& format : formats) pages.push_back({page_kind::index, format, index_page_path(format), 0, 0, index_key(index, format, site)});
    return pages;
}

}  // namespace verdict
