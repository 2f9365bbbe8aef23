#include "compare/site_index.hpp"

#include "compare/pick_rule.hpp"
#include "compare/site_links.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace verdict {
namespace {

const page_tool* find_tool(const std::vector<page_tool>& tools, const std::string& id) {
    const auto found = std::lower_bound(tools.begin(), tools.end(), id, [](const page_tool& t, const std::string& key) { return t.subject().id < key; });
    return found != tools.end() && found->subject().id == id ? &*found : nullptr;
}

std::vector<std::string> category_names(const std::vector<page_tool>& tools) {
    std::set<std::string> names;
    for (const page_tool& t : tools) names.insert(t.subject().category);
    return {names.begin(), names.end()};
}

// The front page's lists, each a partial sort of positions so that a site of 50,000 comparisons pays for eight.
template <class Better>
std::vector<std::size_t> best(std::size_t count, Better better) {
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i) order[i] = i;
    const std::size_t kept = std::min(count, front_page_list);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept), order.end(), better);
    order.resize(kept);
    return order;
}

// Ship %, then mean score, then id: a tool with no ship % (no quorum, or an unreadable file) is not rated at all.
std::vector<std::size_t> top_rated(const site_index& index) {
    std::vector<std::size_t> rated = best(index.tools.size(), [&](std::size_t a, std::size_t b) {
        const panel_verdict& x = index.tools[a]->review->verdict;
        const panel_verdict& y = index.tools[b]->review->verdict;
        const auto rank_x = std::tuple(x.ship_pct.value_or(-1), x.mean_score.value_or(-1));
        const auto rank_y = std::tuple(y.ship_pct.value_or(-1), y.mean_score.value_or(-1));
        return rank_x != rank_y ? rank_x > rank_y : a < b;   // positions are in id order
    });
    std::erase_if(rated, [&](std::size_t i) { return !index.tools[i]->review->verdict.ship_pct; });
    return rated;
}

}  // namespace

std::string data_date_of(const site_index::entry& e) { return std::max(data_date_of(*e.left), data_date_of(*e.right)); }

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
    for (auto& [name, slug] : category_slugs(names)) {
        position[name] = index.categories.size();
        index.categories.push_back({std::move(name), std::move(slug), {}, {}, ""});
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
    index.top_tools = top_rated(index);
    auto at = [&](const page_tool* t) { return static_cast<std::size_t>(t - tools.data()); };
    auto date_of = [&](std::size_t i) -> const std::string& {
        return std::max(dates[at(index.comparisons[i].left)], dates[at(index.comparisons[i].right)]);
    };
    index.newest = best(index.comparisons.size(), [&](std::size_t a, std::size_t b) { return date_of(a) != date_of(b) ? date_of(a) > date_of(b) : a < b; });
    return index;
}

std::string category_title(const site_index::category& c) { return category_title_of(c.name); }

}  // namespace verdict
