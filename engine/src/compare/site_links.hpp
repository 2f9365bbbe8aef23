// Where a page links beyond itself: its category's page, and, for a tool, every
// comparison it appears in. Known from the tools' names and categories and the
// list of comparisons alone, before any review, so a single page made by a
// command links the same pages as the batch's copy of it.
#pragma once

#include "catalog/catalog.hpp"
#include "catalog/comparisons.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace verdict {

struct site_index;

/// The categories' names in page order (by name, the empty name last), each with its page's slug: the first free of
/// its name's slug, "-2", "-3"..., so every category has a page of its own and the same catalog gives the same paths.
std::vector<std::pair<std::string, std::string>> category_slugs(std::vector<std::string> names);

/// What a page calls a category: its name, or "Uncategorized" for tools that have none.
std::string category_title_of(const std::string& name);

class site_links {
public:
    struct category_link {
        std::string title;
        std::string slug;
    };
    struct comparison_link {
        std::string slug;
        const tool* partner = nullptr;   ///< The other tool of the comparison.
    };

    /// No site around the page.
    site_links() = default;
    /// The links of a site's index: its categories and its comparisons.
    explicit site_links(const site_index& index);
    /// The links of the catalog's site: its categories, and `pairs`.
    site_links(const catalog& tools, const std::vector<comparison_pair>& pairs);

    /// The page of the category named `name`; nullopt when the site has none.
    std::optional<category_link> category(const std::string& name) const;
    /// The comparisons the tool `id` appears in, in the order of the comparison list.
    std::vector<comparison_link> comparisons_of(const std::string& id) const;

private:
    void add(const tool& left, const tool& right);

    std::map<std::string, std::string> slugs_;
    // Small per comparison, since a batch holds the links of its whole site while it renders: the pairs, and for each
    // tool (by its id, which the tools it points at hold) the positions of its pairs.
    std::vector<std::pair<const tool*, const tool*>> pairs_;
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_tool_;
};

}  // namespace verdict
