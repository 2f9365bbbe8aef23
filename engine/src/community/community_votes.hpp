// The community vote: CSV exports in <catalog>/votes/, one voter's latest vote
// per tool counted once, and the community ship % pages show.
#pragma once

#include "catalog/catalog.hpp"
#include "panel/panel_config.hpp"
#include "support/iso_time.hpp"
#include "support/problem.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace verdict {

/// The counted votes on one tool.
struct community_tally {
    int voters = 0;                  ///< Distinct voters; each counts once, with their latest vote.
    int ship = 0;                    ///< Of those, how many voted ship.
    std::optional<utc_instant> latest;   ///< The latest vote counted.
};

struct community_votes {
    std::map<std::string, community_tally, std::less<>> by_tool;

    /// The tally of tool `id`, or null when nobody voted on it.
    const community_tally* find(std::string_view id) const;
};

/// The header every vote export starts with, in this column order.
inline constexpr std::string_view vote_export_header = "tool_id,voter_id,vote,timestamp";

/// The vote exports of `<catalog_dir>/votes/` (every `*.csv`, in any case, not starting with a dot), in name order;
/// none when there is no such folder, and an unreadable problem when it is there but cannot be listed.
std::vector<std::filesystem::path> vote_file_paths(const std::filesystem::path& catalog_dir, problem_list& problems);

/// Reads `<catalog_dir>/votes/*.csv` in file-name order; no folder means no votes. A bad row (unknown tool, bad vote,
/// bad time, wrong number of columns) is a problem naming its file and line, and every other row still counts.
/// When one voter's votes on a tool share the latest time, the one read last counts.
community_votes load_votes(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems);

/// What a page shows of a tool's community vote.
struct community_score {
    int voters = 0;
    int ship = 0;
    std::optional<int> ship_pct;     ///< Absent below the minimum number of voters.
    int min_voters = 0;
    std::optional<std::string> latest_date;   ///< UTC date of the latest vote counted, "YYYY-MM-DD".
};

/// The community score of `tally` (null: no votes) under `rules`.
community_score score_community(const community_tally* tally, const community_rules& rules);

}  // namespace verdict
