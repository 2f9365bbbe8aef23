// The index page's content: every comparison with both tools' panel verdicts
// and the pick, and every tool, in the order the pages are listed.
#pragma once

#include "catalog/comparisons.hpp"
#include "compare/comparison.hpp"

#include <string>
#include <vector>

namespace verdict {

struct site_index {
    struct entry {
        const page_tool* left = nullptr;
        const page_tool* right = nullptr;
        std::string slug;   ///< The comparison page's name, "<left-id>-vs-<right-id>".
        pick choice;
    };

    std::vector<entry> comparisons;          ///< In catalog/comparisons.json order.
    std::vector<const page_tool*> tools;     ///< Every tool with a page, in id order.
    std::string rule_set;
    std::string data_date;                   ///< The latest date of any tool's data.
};

/// The index of `tools` (in id order, one per catalog tool) and `pairs`.
site_index make_index(const std::vector<page_tool>& tools, const std::vector<comparison_pair>& pairs, const panel_config& config);

}  // namespace verdict
