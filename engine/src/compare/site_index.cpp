// Category slugs come from the names in name order, and a name whose slug is
// taken (or empty) gets the first free "-2", "-3"... so every category has a
// page of its own, and the same catalog always gives the same paths.
#include "compare/site_index.hpp"

#include "compare/pick_rule.hpp"
#include "support/slug.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace verdict {
namespace {

constexpr std::string_view uncategorized = "Uncategorized";

const page_tool* find_tool(const std::vector<page_tool>& tools, const std::string& id) {
    const auto found = std::lower_bound(tools.begin(), tools.end(), id, [](const page_tool& t, const std::string& key) { return t.subject().id < key; });
    return found != tools.end() && found->subject().id == id ? &*found : nullptr;
}

std::vector<std::string> category_names(const std::vector<page_tool>& tools) {
    std::set<std::string> names;
    for (const page_tool& t : tools) names.insert(t.subject().category);
    return {names.begin(), names.end()};
}

// The categories' names in page order: by name, and the empty name (tools without a category) last.
std::vector<std::string> in_page_order(std::vector<std::string> names) {
    std::sort(names.begin(), names.end());
    if (!names.empty() && names.front().empty()) std::rotate(names.begin(), names.begin() + 1, names.end());
    return names;
}

std::string unique_slug(const std::string& name, std::set<std::string>& taken) {
    std::string base = slug_of(name.empty() ? uncategorized : std::string_view(name));
    if (base.empty()) base = "category";
    std::string slug = base;
    for (int n = 2; !taken.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    return slug;
}

}  // namespace

const site_index::category* site_index::find_category(const std::string& wanted) const {
    const auto found = std::find_if(categories.begin(), categories.end(), [&](const category& c) { return category_title(c) == wanted || c.slug == wanted; });
    return found == categories.end() ? nullptr : &*found;
}

site_index make_index(const std::vector<page_tool>& tools, const std::vector<comparison_pair>& pairs, const panel_config& config) {
    return make_index(tools, pairs, config, category_names(tools));
}

site_index make_index(const std::vector<page_tool>& tools, const std::vector<comparison_pair>& pairs, const panel_config& config,
                      const std::vector<std::string>& names) {
    site_index index;
    index.rule_set = config.rule_set;
    std::map<std::string, std::size_t> position;
    std::set<std::string> taken;
    for (const std::string& name : in_page_order(names)) {
        position[name] = index.categories.size();
        index.categories.push_back({name, unique_slug(name, taken), {}, {}, ""});
    }
    std::vector<std::size_t> category_of(tools.size());
    std::vector<std::string> dates(tools.size());
    for (std::size_t i = 0; i < tools.size(); ++i) {
        dates[i] = data_date_of(tools[i]);
        site_index::category& c = index.categories[category_of[i] = position.at(tools[i].subject().category)];
        index.tools.push_back(&tools[i]);
        c.tools.push_back(i);
        c.data_date = std::max(c.data_date, dates[i]);
        index.data_date = std::max(index.data_date, dates[i]);
    }
    for (const comparison_pair& pair : pairs) {
        const page_tool* left = find_tool(tools, pair.left->id);
        const page_tool* right = find_tool(tools, pair.right->id);
        if (!left || !right) continue;
        const auto l = static_cast<std::size_t>(left - tools.data());
        const auto r = static_cast<std::size_t>(right - tools.data());
        std::vector<std::size_t> listed_on{category_of[l]};
        if (category_of[r] != category_of[l]) listed_on.push_back(category_of[r]);
        for (const std::size_t c : listed_on) {
            index.categories[c].comparisons.push_back(index.comparisons.size());
            // A partner from another category is shown on this page too: its data counts towards the page's date.
            index.categories[c].data_date = std::max({index.categories[c].data_date, dates[l], dates[r]});
        }
        index.comparisons.push_back({left, right, decide(*left, *right)});
    }
    return index;
}

std::string category_title(const site_index::category& c) { return c.name.empty() ? std::string(uncategorized) : c.name; }

}  // namespace verdict
