// What the index pages say. A site of 50,000 comparisons cannot list them all
// on one page (it would weigh 60 MB of HTML, and a change to any tool would
// rewrite it), so the site's root lists the categories, and each category's
// page lists its comparisons and its tools. A comparison of tools from two
// categories is listed on both categories' pages.
#pragma once

#include "catalog/comparisons.hpp"
#include "compare/comparison.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace verdict {

struct site_index {
    struct entry {
        const page_tool* left = nullptr;
        const page_tool* right = nullptr;
        pick_decision choice;   ///< Without the sentence saying why: that is the comparison page's, not the index's.

        /// The comparison page's name, "<left-id>-vs-<right-id>".
        std::string slug() const { return comparison_slug(left->subject().id, right->subject().id); }
    };

    struct category {
        std::string name;                     ///< As the catalog spells it; empty for tools that have none.
        std::string slug;                     ///< The category page's name, unique within the site.
        std::vector<std::size_t> comparisons; ///< Positions in `comparisons` of those with a tool in this category.
        std::vector<std::size_t> tools;       ///< Positions in `tools` of the category's tools.
        std::string data_date;                ///< The latest date of the data of any tool its page shows.
    };

    std::vector<entry> comparisons;          ///< In catalog/comparisons.json order.
    std::vector<const page_tool*> tools;     ///< Every tool with a page, in id order.
    std::vector<category> categories;        ///< In name order, the one without a name last.
    std::vector<std::size_t> top_tools;      ///< Positions in `tools` of the highest-rated: by panel ship %, then mean score.
    std::vector<std::size_t> newest;         ///< Positions in `comparisons` of the newest by data date, newest first.
    std::string rule_set;
    std::string data_date;                   ///< The latest date of any tool's data.
    std::vector<recorded_change> changes;    ///< The catalog's latest changes of verdicts and scores, newest first.

    /// The category whose title (category_title()) or slug is `wanted`; null when there is none.
    const category* find_category(const std::string& wanted) const;
};

/// How many tools and comparisons the front page shows in each of its lists.
inline constexpr std::size_t front_page_list = 8;

/// The index of `tools` (in id order, one per catalog tool) and `pairs`.
site_index make_index(const std::vector<page_tool>& tools, const std::vector<comparison_pair>& pairs, const panel_config& config);

/// The index of part of a site: `tools` and `pairs` are some of its own, and `names` are all its categories' names
/// (each once), since a category's page name depends on the others'. A category none of `tools` is in is listed
/// empty.
site_index make_index(const std::vector<page_tool>& tools, const std::vector<comparison_pair>& pairs, const panel_config& config,
                      const std::vector<std::string>& names);

/// What a page calls a category: its name, or "Uncategorized" for tools that have none.
std::string category_title(const site_index::category& c);

/// The date a comparison's data is as of: the later of its tools' (data_date_of()).
std::string data_date_of(const site_index::entry& e);

}  // namespace verdict
