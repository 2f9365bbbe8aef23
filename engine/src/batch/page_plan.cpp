// A page's shard comes from a hash of its path alone, so every shard of a run
// agrees on the split without talking to the others, and a page stays in
// the same shard from run to run.
#include "batch/page_plan.hpp"

#include "batch/content_hash.hpp"
#include "reports/history_wording.hpp"
#include "reports/site_layout.hpp"

#include <algorithm>

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

// What the front page, the search data, the sitemap and the feed show of a tool: never its quotes, tagline or
// description. A run that makes only a changed tool's pages leaves them as they were, which is right only while
// their keys do not move with what they do not show.
void add_listed_facts(content_hash& h, const page_tool& t) {
    const panel_verdict& v = t.review->verdict;
    h.add(t.subject().id).add(t.subject().name).add(t.subject().category).add(data_date_of(t));
    h.add(static_cast<std::uint64_t>(v.ship_pct.value_or(-1) + 1)).add(v.mean_score.value_or(-1));
    h.add(static_cast<std::uint64_t>(t.community.ship_pct.value_or(-1) + 1)).add(static_cast<std::uint64_t>(t.community.voters));
    h.add(static_cast<std::uint64_t>(t.unreadable()));
}

// The index shows each category with its counts, the date of the latest data, the highest-rated tools and the
// newest comparisons.
std::uint64_t index_key(const site_index& index, const std::string& format, const std::string& site) {
    content_hash h;
    h.add(site).add(format).add("index").add(index.data_date).add(std::to_string(index.comparisons.size())).add(std::to_string(index.tools.size()));
    for (const site_index::category& c : index.categories)
        h.add(c.name).add(c.slug).add(std::to_string(c.comparisons.size())).add(std::to_string(c.tools.size()));
    for (const std::size_t i : index.top_tools) add_listed_facts(h, *index.tools[i]);
    for (const std::size_t i : index.newest) {
        add_listed_facts(h, *index.comparisons[i].left);
        add_listed_facts(h, *index.comparisons[i].right);
    }
    return h.value();
}

// What every tool page shows beyond its tool: its category's page name, and each comparison it appears in with the
// other tool's name.
std::vector<content_hash> link_keys(const site_index& index, const std::vector<page_tool>& tools) {
    std::vector<content_hash> keys(tools.size());
    auto at = [&](const page_tool* t) { return static_cast<std::size_t>(t - tools.data()); };
    for (const site_index::category& c : index.categories)
        for (const std::size_t i : c.tools) keys[at(index.tools[i])].add(c.slug);
    for (const site_index::entry& e : index.comparisons) {
        const std::string slug = e.slug();
        keys[at(e.left)].add(slug).add(e.right->subject().name);
        keys[at(e.right)].add(slug).add(e.left->subject().name);
    }
    return keys;
}

// The site files list the whole site: every category, comparison and tool, and the latest changes.
std::uint64_t site_files_key(const site_index& index, const std::vector<page_tool>& tools, const std::string& site) {
    content_hash h;
    h.add(site).add("site files").add(index.data_date);
    for (const page_tool& t : tools) add_listed_facts(h, t);
    for (const site_index::entry& e : index.comparisons) h.add(e.slug());
    for (const site_index::category& c : index.categories) h.add(c.name).add(c.slug);
    for (const recorded_change& c : index.changes) h.add(c.change.tool_id).add(change_line(c));
    return h.value();
}

}  // namespace

page_plan::page_plan(const std::vector<page_tool>& tools, const std::vector<std::string>& fingerprints, const site_index& index,
                     const std::vector<std::string>& formats, const std::string& site, const std::optional<shard_spec>& shard,
                     const page_filter& keep, std::vector<site_file_part> site_files)
    : tools_(tools), index_(index), formats_(formats), site_files_(std::move(site_files)) {
    auto position = [&tools](const page_tool* t) { return static_cast<std::uint32_t>(t - tools.data()); };
    auto format_at = [](std::size_t f) { return static_cast<std::uint8_t>(f); };
    // Exact without a shard, and the plan is the largest thing a big run holds: no growth by doubling.
    pages_.reserve((index.comparisons.size() + tools.size() + index.categories.size() + 1) * formats.size() + site_files_.size());
    // The key is hashed only for a page the shard keeps.
    auto add = [&](planned_page page, const auto& key) {
        if ((keep && !keep(page)) || (shard && !in_shard(path_of(page), *shard))) return;
        page.key = key();
        pages_.push_back(page);
    };
    std::vector<const std::string*> category_slug(tools.size(), nullptr);   // a comparison page links its tools' categories
    for (const site_index::category& c : index.categories)
        for (const std::size_t i : c.tools) category_slug[position(index.tools[i])] = &c.slug;
    auto category_of = [&](std::uint32_t t) { return category_slug[t] ? std::string_view(*category_slug[t]) : std::string_view(); };
    for (const site_index::entry& e : index.comparisons) {
        const std::uint32_t left = position(e.left);
        const std::uint32_t right = position(e.right);
        for (std::size_t f = 0; f < formats.size(); ++f)
            add({0, left, right, page_kind::comparison, format_at(f)}, [&] {
                return content_hash().add(site).add(formats[f]).add(fingerprints[left]).add(fingerprints[right]).add(category_of(left)).add(category_of(right)).value();
            });
    }
    const std::vector<content_hash> links = link_keys(index, tools);
    for (std::uint32_t i = 0; i < tools.size(); ++i)
        for (std::size_t f = 0; f < formats.size(); ++f)
            add({0, i, i, page_kind::tool, format_at(f)},
                [&] { return content_hash().add(site).add(formats[f]).add("tool").add(fingerprints[i]).add(links[i].value()).value(); });
    if (shard) return;
    for (std::uint32_t c = 0; c < index.categories.size(); ++c)
        for (std::size_t f = 0; f < formats.size(); ++f)
            add({0, c, c, page_kind::category, format_at(f)}, [&] { return category_key(index, index.categories[c], fingerprints, tools, formats[f], site); });
    for (std::size_t f = 0; f < formats.size(); ++f) add({0, 0, 0, page_kind::index, format_at(f)}, [&] { return index_key(index, formats[f], site); });
    const auto html = std::find(formats.begin(), formats.end(), "html");
    if (html == formats.end() || site_files_.empty()) return;
    const std::uint64_t whole_site = site_files_key(index, tools, site);
    for (std::uint32_t k = 0; k < site_files_.size(); ++k)
        add({0, k, 0, page_kind::site_file, format_at(static_cast<std::size_t>(html - formats.begin()))},
            [&] { return content_hash().add(whole_site).add(site_file_path(site_files_[k])).value(); });
}

std::string page_plan::path_of(const planned_page& page) const {
    const std::string& format = formats_[page.format];
    switch (page.kind) {
    case page_kind::comparison: return comparison_page_path(comparison_slug(tools_[page.left].subject().id, tools_[page.right].subject().id), format);
    case page_kind::tool: return tool_page_path(tools_[page.left].subject().id, format);
    case page_kind::category: return category_page_path(index_.categories[page.left].slug, format);
    case page_kind::index: return index_page_path(format);
    case page_kind::site_file: return site_file_path(site_files_[page.left]);
    }
    return {};
}

}  // namespace verdict
