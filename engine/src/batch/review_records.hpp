// What the last run learnt of each tool it reviewed, kept beside the manifest
// so that a run reviews only the tools whose files changed: a one-tool edit
// costs that tool's pages, not the whole catalog's reviews.
//
// A record is trusted only while its tool file has the size and time it had
// when it was read, and while the panel is the same: the records' environment
// hashes the engine version, the panel configuration and every persona's
// implementation file, so a settings change or a new plugin reviews again.
#pragma once

#include "aggregate/panel_verdict.hpp"
#include "batch/input_stamps.hpp"
#include "verdict/tool.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace verdict {

struct review_record {
    file_stamp stamp;                  ///< Of the tool file, taken before it was read.
    tool summary;                      ///< The facts the index and the page keys use: id, name, category, tagline, updated.
    panel_verdict verdict;
    std::string fingerprint;           ///< review_fingerprint() of the full review.
    bool operator==(const review_record&) const;
};

struct review_records {
    std::string environment;
    std::map<std::string, review_record> by_file;   ///< By the tool file's path as the run was given it.
    bool operator==(const review_records&) const = default;
};

/// The records' file name in an output folder.
inline constexpr const char* review_records_file_name = ".verdict-reviews";

/// Reads `<dir>/.verdict-reviews`; nullopt when it is missing or damaged (every tool is then reviewed).
std::optional<review_records> read_review_records(const std::filesystem::path& dir);

/// "verdict-reviews 1 <environment>", then one JSON object per line, in path order.
std::string review_records_text(const review_records& records);

}  // namespace verdict
