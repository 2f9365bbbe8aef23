#include "compare/site_index.hpp"

#include "compare/pick_rule.hpp"

#include <algorithm>

namespace verdict {
namespace {

const page_tool* find_tool(const std::vector<page_tool>& tools, const std::string& id) {
    const auto found = std::lower_bound(tools.begin(), tools.end(), id, [](const page_tool& t, const std::string& key) { return t.subject().id < key; });
    return found != tools.end() && found->subject().id == id ? &*found : nullptr;
}

}  // namespace

site_index make_index(const std::vector<page_tool>& tools, const std::vector<comparison_pair>& pairs, const panel_config& config) {
    site_index index;
    index.rule_set = config.rule_set;
    for (const page_tool& t : tools) {
        index.tools.push_back(&t);
        index.data_date = std::max(index.data_date, data_date_of(t));
    }
    for (const comparison_pair& pair : pairs) {
        const page_tool* left = find_tool(tools, pair.left->id);
        const page_tool* right = find_tool(tools, pair.right->id);
        if (left && right) index.comparisons.push_back({left, right, pair.slug(), choose(*left, *right)});
    }
    return index;
}

}  // namespace verdict
