// The shipped catalog with the real stock personas, loaded as the program loads it.
#pragma once

#include "cli/workspace.hpp"
#include "panel/tool_review.hpp"
#include "support/paths.hpp"

#include <string>

namespace verdict::test {

/// Loads `catalog_dir` (the shipped catalog by default) with the built stock personas.
inline cli::workspace load_stock_workspace(const std::filesystem::path& catalog_dir = stock_catalog()) {
    return cli::load_workspace(catalog_dir, persona_dir());
}

/// The outcome of `seat` in `r` as text: "ship", "skip", "abstain", "failed", or "-" when the seat does not sit.
inline std::string outcome_of(const tool_review& r, const std::string& seat) {
    for (const seat_review& s : r.seats)
        if (s.seat == seat) return s.result ? std::string(name_of(s.result->verdict)) : "failed";
    return "-";
}

}  // namespace verdict::test
