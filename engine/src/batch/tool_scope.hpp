// What a change to some tools' files can reach, when nothing else changed.
//
// A page shows only the tools it is about, so a changed tool reaches its own
// pages, its comparisons, and the pages of the categories that list it or one
// of its comparisons. A run that knows the rest of the site from the last
// one (the tools' outlines and the pair record) makes just those pages, from
// just the tools they show: its cost follows the changed tools' pages, not
// the size of the site.
#pragma once

#include "batch/pair_record.hpp"
#include "batch/review_records.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace verdict {

struct tool_scope {
    /// The tool files the reached pages show, in id order: the changed tools, every tool of a reached category, and
    /// every tool a reached category's comparisons show.
    std::vector<std::string> files;
    /// The comparisons the reached category pages list, as positions in `files`, in page order.
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    /// The changed tools, as positions in `files`.
    std::vector<std::size_t> changed;
    /// The names of the categories whose pages are reached.
    std::set<std::string> categories;
    /// The names of all the site's categories, each once: a category's page name depends on the others'.
    std::vector<std::string> all_categories;
};

/// The scope of a change to `changed_files`, where `tools` are the outlines of every tool file of the site in id order
/// and `pairs` the site's comparisons as positions among them. Nullopt when a changed file is not among `tools`.
std::optional<tool_scope> scope_of(const std::vector<tool_outline>& tools, const pair_record& pairs, const std::vector<std::string>& changed_files);

}  // namespace verdict
