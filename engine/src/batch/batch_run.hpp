// A batch run: every comparison page, every tool page and the index, in each
// format asked for, made again only where what they are made from changed.
#pragma once

#include "batch/batch_output.hpp"
#include "batch/file_writer.hpp"
#include "batch/input_stamps.hpp"
#include "batch/page_plan.hpp"
#include "batch/pair_record.hpp"
#include "batch/progress.hpp"
#include "catalog/comparisons.hpp"
#include "catalog/site_settings.hpp"
#include "community/community_votes.hpp"
#include "batch/review_records.hpp"
#include "batch/site_tools.hpp"
#include "batch/tool_scope.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

struct batch_request {
    std::filesystem::path out_dir;
    std::vector<std::string> formats{"html", "md", "json"};
    std::size_t jobs = 1;
    bool force = false;                    ///< Make every page again, and accept a folder without a state, or with a damaged one.
    bool allow_deletions = false;          ///< Delete however many pages the catalog no longer makes.
    std::optional<shard_spec> shard;
    std::vector<std::filesystem::path> merge_from;   ///< Shards' output folders: copy their pages, make the index.
    std::optional<input_stamps> inputs;              ///< Recorded in the state when the run has no failure.
    /// The stamps the state held when the run began, when the caller read them (not with --force): the run then
    /// writes only the rows that changed without reading them again.
    const std::optional<input_stamps>* held_inputs = nullptr;
    std::optional<review_records> reviews;           ///< Recorded in the state; nullopt when already there.
    bool reviews_partial = false;                    ///< `reviews` holds some of the tools only: the state's others stand.
    std::optional<pair_record> pairs;                ///< Recorded in the state; nullopt when already there.
    std::filesystem::path state_file;                ///< Where the folder's state is kept; empty: in it (.verdict/state.sqlite).
    verdict_history* history = nullptr;              ///< What the run's reviews staged is published with its record.
};


/// A run that would delete more of the site's pages than this, or more than a quarter of them, stops unless
/// `allow_deletions` says to go on.
inline constexpr std::size_t max_unasked_deletions = 100;

struct batch_summary {
    std::string refusal;                   ///< Non-empty when the run did nothing: why.
    bool cannot_write = false;             ///< The refusal is that the output folder could not be made: a write failed.
    std::size_t tools = 0;
    std::size_t tools_reviewed = 0;        ///< Read and reviewed this run, rather than taken from the last run's records.
    std::size_t pages = 0;                 ///< Pages planned.
    std::size_t written = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t temporaries_cleared = 0;   ///< Left by an interrupted run.
    std::vector<std::string> failures;     ///< Seats that failed, files that could not be written or deleted.
};

/// The tools the batch renders, summarized with their votes attached, and the comparisons, loaded by the caller.
struct batch_inputs {
    const panel_config& config;
    const site_settings& site;
    const site_tools& tools;
    const std::vector<comparison_pair>& pairs;
    /// Null: the whole site. Otherwise the run makes only the pages the scope reaches, with `tools` and `pairs` the
    /// scope's; every other page the manifest lists is as the last run made it, and stays listed.
    const tool_scope* scope = nullptr;
};

/// Runs the batch into `out` (opened on `request.out_dir`), changing files only through `writer`.
batch_summary run_batch(const batch_inputs& inputs, const batch_request& request, batch_output& out, file_writer& writer, progress& report);

}  // namespace verdict
