// The catalog: every tool file under <catalog>/tools/, validated and decoded.
//
// Loading collects every problem of every file before returning. A file with
// any problem is left out; the others load. Tools are kept in id order so that
// every output built from a catalog is deterministic.
#pragma once

#include "support/problem.hpp"
#include "verdict/tool.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

struct catalog {
    std::vector<tool> tools;   ///< Sorted by id.
    std::size_t files = 0;     ///< Tool files found, those left out for their problems included.

    const tool* find(std::string_view id) const;
    std::vector<std::string> ids() const;
};

/// Loads `<catalog_dir>/tools/*.json`; `seat_ids` are the seats a tool may name.
catalog load_catalog(const std::filesystem::path& catalog_dir, const std::vector<std::string>& seat_ids, problem_list& problems);

/// The problem of a catalog with no tool to work on: `tools` (loaded from `catalog_dir`) has none.
problem no_usable_tools(const std::filesystem::path& catalog_dir, const catalog& tools);

}  // namespace verdict
