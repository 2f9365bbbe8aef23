#include "batch/tool_scope.hpp"

#include <algorithm>
#include <string_view>

namespace verdict {

std::vector<const tool_record*> records_by_id(const review_records& records) {
    std::vector<const tool_record*> out;
    out.reserve(records.by_file.size());
    for (const tool_record& r : records.by_file) out.push_back(&r);
    std::sort(out.begin(), out.end(), [](const tool_record* a, const tool_record* b) { return a->second.summary.id < b->second.summary.id; });
    return out;
}

std::optional<tool_scope> scope_of(const std::vector<const tool_record*>& tools, const pair_record& pairs, const std::vector<std::string>& changed_files) {
    auto category = [&](std::size_t i) -> const std::string& { return tools[i]->second.summary.category; };
    const std::set<std::string_view> wanted(changed_files.begin(), changed_files.end());
    std::vector<bool> changed(tools.size(), false);
    std::size_t found = 0;
    for (std::size_t i = 0; i < tools.size(); ++i) found += changed[i] = wanted.count(tools[i]->first) > 0;
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
        scope.files.push_back(tools[i]->first);
    }
    for (const auto& [left, right] : listed) scope.pairs.emplace_back(position[left], position[right]);
    scope.all_categories.assign(all.begin(), all.end());
    return scope;
}

}  // namespace verdict
