// What `verdict serve` renders pages from: the catalog, every tool reviewed,
// the comparisons, votes and site settings, as one snapshot that never
// changes once made. A reload makes a new snapshot beside the old one and the
// server swaps them, so a page being rendered always sees one whole site.
#pragma once

#include "catalog/catalog.hpp"
#include "catalog/comparisons.hpp"
#include "community/community_votes.hpp"
#include "compare/comparison.hpp"
#include "compare/site_index.hpp"
#include "panel/panel.hpp"
#include "panel/tool_review.hpp"
#include "reports/site_context.hpp"

#include <filesystem>
#include <utility>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace verdict::serve {

struct site_state {
    std::shared_ptr<const panel> seats;
    catalog tools;
    std::vector<tool_review> reviews;               ///< One per tool, in the catalog's order.
    community_votes votes;
    site_settings settings;
    /// The comparisons, by their tools' ids, as comparisons.json last made them without a problem.
    std::vector<std::pair<std::string, std::string>> pair_ids;

    // Made from the above by finish(): what the pages are rendered from.
    std::vector<comparison_pair> pairs;
    std::vector<page_tool> pages;                   ///< One per tool, in the catalog's order.
    site_index index;
    site_context site;
    std::unordered_map<std::string, std::size_t> pair_by_slug;       ///< Positions in `index.comparisons`.
    std::unordered_map<std::string, std::size_t> category_by_slug;   ///< Positions in `index.categories`.

    site_state() = default;
    site_state(const site_state&) = delete;
    site_state& operator=(const site_state&) = delete;

    /// The review of tool `id`; null when the catalog has no such tool.
    const tool_review* find_review(const std::string& id) const;
    /// The page of tool `id`; null when the catalog has no such tool.
    const page_tool* find_page(const std::string& id) const;
};

/// A new snapshot holding copies of `from`'s inputs (tools, reviews, votes, settings, comparisons, panel), to be
/// changed and then finished.
std::unique_ptr<site_state> copy_inputs(const site_state& from);

/// Reads `<catalog_dir>/comparisons.json` against the state's tools into its pair ids; its problems go to `problems`.
void read_comparisons(site_state& state, const std::filesystem::path& catalog_dir, problem_list& problems);

/// Points each review at its tool, finds each comparison's tools (one whose tool is gone is left out), and makes the
/// pages, the index and the links from the inputs.
void finish(site_state& state);

}  // namespace verdict::serve
