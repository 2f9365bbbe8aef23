#include "serve/site_state.hpp"

#include <algorithm>

namespace verdict::serve {

const tool_review* site_state::find_review(const std::string& id) const {
    const tool* t = tools.find(id);
    return t ? &reviews[static_cast<std::size_t>(t - tools.tools.data())] : nullptr;
}

const page_tool* site_state::find_page(const std::string& id) const {
    const tool* t = tools.find(id);
    return t ? &pages[static_cast<std::size_t>(t - tools.tools.data())] : nullptr;
}

std::unique_ptr<site_state> copy_inputs(const site_state& from) {
    auto to = std::make_unique<site_state>();
    to->seats = from.seats;
    to->tools = from.tools;
    to->reviews = from.reviews;
    to->votes = from.votes;
    to->settings = from.settings;
    to->pair_ids = from.pair_ids;
    return to;
}

void read_comparisons(site_state& state, const std::filesystem::path& catalog_dir, problem_list& problems) {
    state.pair_ids.clear();
    for (const comparison_pair& pair : load_comparisons(catalog_dir, state.tools, problems)) state.pair_ids.emplace_back(pair.left->id, pair.right->id);
}

void finish(site_state& state) {
    for (std::size_t i = 0; i < state.reviews.size(); ++i) state.reviews[i].subject = &state.tools.tools[i];
    state.pairs.clear();
    for (const auto& [left, right] : state.pair_ids) {
        const tool* l = state.tools.find(left);
        const tool* r = state.tools.find(right);
        if (l && r) state.pairs.push_back({l, r});
    }
    const panel_config& config = state.seats->config();
    state.pages.clear();
    state.pages.reserve(state.reviews.size());
    for (const tool_review& r : state.reviews) state.pages.push_back(make_page_tool(r, state.votes, config.community));
    state.index = make_index(state.pages, state.pairs, config);
    state.site = site_context{state.settings, site_links(state.index)};
    state.pair_by_slug.clear();
    for (std::size_t i = 0; i < state.index.comparisons.size(); ++i) state.pair_by_slug.emplace(state.index.comparisons[i].slug(), i);
    state.category_by_slug.clear();
    for (std::size_t i = 0; i < state.index.categories.size(); ++i) state.category_by_slug.emplace(state.index.categories[i].slug, i);
}

}  // namespace verdict::serve
