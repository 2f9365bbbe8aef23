// The comparisons to render (catalog/comparisons.json): explicit pairs of tool
// ids, and every pair within a named category.
//
// A category rule grows with the square of its category: 5,000 tools make
// 12.5 million pairs. Its pairs are therefore never held: the list knows how
// many a rule makes by counting, and makes them one at a time when walked.
// A rule past `max_category_pairs` is refused, since it is far more likely a
// slip than a site anyone means to publish.
#pragma once

#include "catalog/catalog.hpp"
#include "support/problem.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verdict {

/// "<left-id>-vs-<right-id>": a comparison page's file name without its extension.
inline std::string comparison_slug(std::string_view left_id, std::string_view right_id) {
    return std::string(left_id).append("-vs-").append(right_id);
}

/// One comparison page: `left` shows on the left.
struct comparison_pair {
    const tool* left = nullptr;
    const tool* right = nullptr;

    std::string slug() const { return comparison_slug(left->id, right->id); }
};

/// How many pairs a category rule may make unless comparisons.json's `max_category_pairs` says otherwise: a category
/// of 200 tools makes 19,900.
inline constexpr std::size_t default_max_category_pairs = 20000;

/// The comparisons of a comparisons.json, resolved against a catalog: the explicit pairs in file order, then each
/// listed category's pairs in id order (the earlier id on the left), each pair once, where it first appears.
class comparison_list {
public:
    /// What one `all_pairs_within` entry makes.
    struct category_rule {
        std::string category;
        std::size_t tools = 0;
        std::size_t pairs = 0;   ///< Pairs it adds: those an explicit pair has not listed already.
    };

    std::size_t size() const { return size_; }
    const std::vector<category_rule>& rules() const { return rules_; }
    /// Calls `each` with every pair in order, making a category's pairs as it goes.
    void for_each(const std::function<void(const comparison_pair&)>& each) const;
    /// Every pair in order, held: for callers that keep a page per pair anyway.
    std::vector<comparison_pair> all() const;

private:
    friend comparison_list load_comparison_list(const std::filesystem::path&, const catalog&, problem_list&, problem_list*);
    /// Whether a category rule leaves out the pair of `a` and `b` (either way round): an explicit pair has it, or its
    /// page name is another pair's.
    bool excluded(const tool* a, const tool* b) const;

    std::vector<comparison_pair> explicit_;
    std::vector<std::pair<const tool*, const tool*>> excluded_;   ///< Sorted, each pair's lower address first.
    std::vector<category_rule> rules_;
    std::vector<std::vector<const tool*>> members_;                    ///< Each rule's tools, in id order.
    std::size_t size_ = 0;
};

/// Reads `<catalog_dir>/comparisons.json` against `tools`. A pair naming a tool the catalog lacks, one tool twice, a
/// pair whose page name another pair has, or a category rule past its limit is a problem and is left out (a rule
/// past its limit is fatal: a batch stops rather than make a site without it). A pair listed again, either way round,
/// is made once where it first appears: harmless, so it is not a problem, but it is added to `notes` when given.
comparison_list load_comparison_list(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems,
                                     problem_list* notes = nullptr);

/// load_comparison_list(), every pair held.
std::vector<comparison_pair> load_comparisons(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems);

}  // namespace verdict
