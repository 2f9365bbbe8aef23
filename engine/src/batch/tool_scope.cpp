#include "batch/tool_scope.hpp"

#include <algorithm>
#include <string_view>

namespace verdict {

std::optional<tool_scope> scope_of(const std::vector<tool_outline>& tools, const pair_record& pairs, const std::vector<std::string>& changed_files) {
    auto category = [&](std::size_t i) -> const std::string& { return tools[i].category; };
    const std::set<std::string_view> wanted(changed_files.begin(), changed_files.end());
    std::vector<bool> changed(tools.size(), false);
    std::size_t found = 0;
    for (std::size_t i = 0; i < tools.size(); ++i) found += changed[i] = wanted.count(tools[i].file) > 0;
    if (found != wanted.size()) return std::nullopt;
    tool_scope scope;
    for (std::size_t i = 0; i < tools.size(); ++i)
        if (changed[i]) scope.categories.insert(category(i));
    for (const auto& [left, right] : pairs.pairs)
        if (changed[left] || changed[right]) scope.categories.insert({category(left), category(right)});

    std::vector<bool> shown(tools.size(), false);
    std::set<std::string> all;
    for (std::size_t i = 0; i < tools.size(); ++i) {
        all.insert(category(i));
        shown[i] = changed[i] || scope.categories.count(category(i)) > 0;
    }
    std::vector<std::pair<std::size_t, std::size_t>> listed;
    for (const auto& [left, right] : pairs.pairs)
        if (scope.categories.count(category(left)) || scope.categories.count(category(right))) {
            shown[left] = shown[right] = true;
            listed.emplace_back(left, right);
        }
    std::vector<std::size_t> position(tools.size(), 0);
    for (std::size_t i = 0; i < tools.size(); ++i) {
        if (!shown[i]) continue;
        position[i] = scope.files.size();
        if (changed[i]) scope.changed.push_back(scope.files.size());
        scope.files.push_back(tools[i].file);
    }
    for (const auto& [left, right] : listed) scope.pairs.emplace_back(position[left], position[right]);
    scope.all_categories.assign(all.begin(), all.end());
    return scope;
}

}  // namespace verdict
