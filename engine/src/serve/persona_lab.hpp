// The persona lab: one seat's review of every tool in one table (verdict,
// score, margin to its threshold, the rules that fired), for an editor
// tuning a persona or a maintainer weighing a rule. When the catalog is in
// git, a column says what the seat said at HEAD and marks each flip, as
// `verdict diff --against HEAD` counts them.
#pragma once

#include "diff/catalog_diff.hpp"
#include "serve/served_page.hpp"
#include "serve/site_state.hpp"

#include <optional>
#include <string>

namespace verdict::serve {

/// What the lab compares against: the diff from HEAD and its label, or why there is none.
struct lab_baseline {
    std::optional<catalog_diff> diff;
    std::string label;
    std::string why_none;
};

/// Where the lab is served, and its sorting script.
inline constexpr const char* lab_path = "/lab/";
inline constexpr const char* lab_script_path = "/_verdict/lab.js";

/// The lab page of `seat` (the panel's first when empty or unknown, which the page then says) over `state`.
served_page lab_page(const site_state& state, const std::string& seat, const lab_baseline& baseline);

/// The script that sorts the lab's table by a column (compiled in from engine/src/serve/lab.js).
std::string_view lab_script_text();

}  // namespace verdict::serve
