// A page's shard comes from a hash of its path alone, so every shard of a run
// agrees on the split without talking to the others, and a page stays in
// the same shard from run to run.
#include "batch/page_plan.hpp"

#include "batch/content_hash.hpp"
#include "reports/site_layout.hpp"

namespace verdict {
namespace {

bool in_shard(const std::string& path, const shard_spec& shard) { return content_hash().add(path).value() % shard.n == shard.k - 1; }

// A category page shows its comparisons and its tools, each as its tools' fingerprints say.
std::uint64_t category_key(const site_index& index, const site_index::category& c, const std::vector<std::string>& fingerprints,
                         const std::vector<page_tool>& tools, const std::string& format, const std::string& site) {
    auto fingerprint = [&](const page_tool* t) -> const std::string& { return fingerprints[static_cast<std::size_t>(t - tools.data())]; };
    content_hash h;
    h.add(site).add(format).add("category").add(c.name).add(c.slug);
    for (const std::size_t i : c.comparisons) h.add(index.comparisons[i].slug()).add(fingerprint(index.comparisons[i].left)).add(fingerprint(index.comparisons[i].right));
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

page_plan::page_plan(const std::vector<page_tool>& tools, const std::vector<std::string>& fingerprints, const site_index& index,
                     const std::vector<std::string>& formats, const std::string& site, const std::optional<shard_spec>& shard,
                     const page_filter& keep)
    : tools_(tools), index_(index), formats_(formats) {
    auto position = [&tools](const page_tool* t) { return static_cast<std::uint32_t>(t - tools.data()); };
    auto format_at = [](std::size_t f) { return static_cast<std::uint8_t>(f); };
    // Exact without a shard, and the plan is the largest thing a big run holds: no growth by doubling.
    pages_.reserve((index.comparisons.size() + tools.size() + index.categories.size() + 1) * formats.size());
    // The key is hashed only for a page the shard keeps.
    auto add = [&](planned_page page, const auto& key) {
        if ((keep && !keep(page)) || (shard && !in_shard(path_of(page), *shard))) return;
        page.key = key();
        pages_.push_back(page);
    };
    for (const site_index::entry& e : index.comparisons) {
        const std::uint32_t left = position(e.left);
        const std::uint32_t right = position(e.right);
        for (std::size_t f = 0; f < formats.size(); ++f)
            add({0, left, right, page_kind::comparison, format_at(f)},
                [&] { return content_hash().add(site).add(formats[f]).add(fingerprints[left]).add(fingerprints[right]).value(); });
    }
    for (std::uint32_t i = 0; i < tools.size(); ++i)
        for (std::size_t f = 0; f < formats.size(); ++f)
            add({0, i, i, page_kind::tool, format_at(f)}, [&] { return content_hash().add(site).add(formats[f]).add("tool").add(fingerprints[i]).value(); });
    if (shard) return;
    for (std::uint32_t c = 0; c < index.categories.size(); ++c)
        for (std::size_t f = 0; f < formats.size(); ++f)
            add({0, c, c, page_kind::category, format_at(f)}, [&] { return category_key(index, index.categories[c], fingerprints, tools, formats[f], site); });
    for (std::size_t f = 0; f < formats.size(); ++f) add({0, 0, 0, page_kind::index, format_at(f)}, [&] { return index_key(index, formats[f], site); });
}

std::string page_plan::path_of(const planned_page& page) const {
    const std::string& format = formats_[page.format];
    switch (page.kind) {
    case page_kind::comparison: return comparison_page_path(comparison_slug(tools_[page.left].subject().id, tools_[page.right].subject().id), format);
    case page_kind::tool: return tool_page_path(tools_[page.left].subject().id, format);
    case page_kind::category: return category_page_path(index_.categories[page.left].slug, format);
    case page_kind::index: return index_page_path(format);
    }
    return {};
}

}  // namespace verdict
