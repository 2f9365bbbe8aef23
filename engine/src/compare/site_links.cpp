#include "compare/site_links.hpp"

#include "compare/site_index.hpp"
#include "support/slug.hpp"

#include <algorithm>
#include <set>

namespace verdict {
namespace {

constexpr std::string_view uncategorized = "Uncategorized";

std::string unique_slug(const std::string& name, std::set<std::string>& taken) {
    std::string base = slug_of(name.empty() ? uncategorized : std::string_view(name));
    if (base.empty()) base = "category";
    std::string slug = base;
    for (int n = 2; !taken.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    return slug;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> category_slugs(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    if (!names.empty() && names.front().empty()) std::rotate(names.begin(), names.begin() + 1, names.end());
    std::set<std::string> taken;
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(names.size());
    for (std::string& name : names) {
        std::string slug = unique_slug(name, taken);
        out.emplace_back(std::move(name), std::move(slug));
    }
    return out;
}

std::string category_title_of(const std::string& name) { return name.empty() ? std::string(uncategorized) : name; }

site_links::site_links(const site_index& index) {
    for (const site_index::category& c : index.categories) slugs_.emplace(c.name, c.slug);
    for (const site_index::entry& e : index.comparisons) add(e.left->subject(), e.right->subject());
}

site_links::site_links(const catalog& tools, const std::vector<comparison_pair>& pairs) {
    std::vector<std::string> names;
    for (const tool& t : tools.tools) names.push_back(t.category);
    for (auto& [name, slug] : category_slugs(std::move(names))) slugs_.emplace(std::move(name), std::move(slug));
    for (const comparison_pair& pair : pairs)
        if (pair.left && pair.right) add(*pair.left, *pair.right);
}

void site_links::add(const tool& left, const tool& right) {
    const auto at = static_cast<std::uint32_t>(pairs_.size());
    pairs_.emplace_back(&left, &right);
    by_tool_[left.id].push_back(at);
    by_tool_[right.id].push_back(at);
}

std::optional<site_links::category_link> site_links::category(const std::string& name) const {
    const auto found = slugs_.find(name);
    if (found == slugs_.end()) return std::nullopt;
    return category_link{category_title_of(name), found->second};
}

std::vector<site_links::comparison_link> site_links::comparisons_of(const std::string& id) const {
    std::vector<comparison_link> links;
    const auto found = by_tool_.find(id);
    if (found == by_tool_.end()) return links;
    for (const std::uint32_t at : found->second) {
        const auto [left, right] = pairs_[at];
        links.push_back({comparison_slug(left->id, right->id), left->id == id ? right : left});
    }
    return links;
}

}  // namespace verdict
