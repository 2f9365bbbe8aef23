// What the last run learnt of each tool it reviewed, kept in the state's tools
// table so that a run reviews only the tools whose files changed: a one-tool
// edit costs that tool's pages, not the whole catalog's reviews.
//
// A record is trusted only while its tool file has the size and time it had
// when it was read, and while the panel is the same: the records' environment
// hashes the engine version, the panel configuration and every persona's
// implementation file, so a settings change or a new plugin reviews again.
//
// A whole run reads the records whole, so they are kept small: a summary, not
// the tool. A one-tool change reads every tool's outline (file, id and
// category: what its scope follows from) and the records of its scope alone.
#pragma once

#include "aggregate/panel_verdict.hpp"
#include "batch/input_stamps.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// The facts of a tool that the index and the page keys use.
struct tool_summary {
    std::string id;
    std::string name;
    std::string category;
    std::string tagline;
    std::string updated;
    bool operator==(const tool_summary&) const = default;
};

struct review_record {
    file_stamp stamp;                  ///< Of the tool file, taken before it was read.
    tool_summary summary;
    panel_verdict verdict;
    std::string fingerprint;           ///< review_fingerprint() of the full review.
    bool operator==(const review_record&) const = default;
};

struct review_records {
    std::string environment;
    using by_file_map = std::map<std::string, review_record>;
    by_file_map by_file;   ///< By the tool file's path as the run was given it.
    bool operator==(const review_records&) const = default;
};

/// The state's records; nullopt when it has none (every tool is then reviewed).
std::optional<review_records> read_review_records(state_database& state);

/// The state's records of `files` alone (those it holds), each looked up; nullopt when it has none.
std::optional<review_records> read_review_records(state_database& state, const std::vector<std::string>& files);

/// What a change's scope follows from of a recorded tool.
struct tool_outline {
    std::string file;
    std::string id;
    std::string category;
};

/// The outline of every recorded tool, in id order; nullopt when the state has no records.
std::optional<std::vector<tool_outline>> read_tool_outlines(state_database& state);

/// Records `records` inside the caller's transaction, writing only the rows that differ: in place of the state's when
/// `whole`, or beside the records of the files they do not hold.
void record_review_records(state_database& state, const review_records& records, bool whole);

}  // namespace verdict
