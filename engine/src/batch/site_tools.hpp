// The batch's tools. Every tool is held as a summary small enough to keep for
// the whole catalog at once: what the index and the page keys need. A tool's
// full review (every seat's quote and reasons) is made only while pages that
// show it are being rendered, so memory does not hold every review at once.
//
// A tool whose record from the last run still matches its file is not read
// at all; the others are read and reviewed once here, their full reviews set
// aside on disk for their pages (review_spill.hpp), and what their seats say
// is compared with the history's record. A tool not reviewed here is read and
// reviewed when its pages need it: each tool at most once per run. A file
// that cannot be read still has pages: they show its problems.
#pragma once

#include "batch/review_records.hpp"
#include "batch/review_spill.hpp"
#include "catalog/catalog.hpp"
#include "catalog/tool_file.hpp"
#include "community/community_votes.hpp"
#include "compare/comparison.hpp"
#include "history/verdict_history.hpp"
#include "panel/panel.hpp"
#include "panel/tool_review.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// One tool fully reviewed, for the pages being rendered.
struct reviewed_tool {
    tool subject;
    tool_review review;
    page_tool page;
};

/// The tool files of `<catalog_dir>/tools/` in the order of their tools' ids (a tool's id is its file's name without
/// ".json"), in generic form; a missing folder is a problem.
std::vector<std::string> tool_files_by_id(const std::filesystem::path& catalog_dir, problem_list& problems);

class site_tools {
public:
    /// Summarizes the tool `files` of `catalog_dir` (in id order: tool_files_by_id()), taking what `records` hold (if any) when
    /// the records were made in this panel's environment and the file is as stamped there. `stamps` are the files'
    /// stamps as the run took them before reading anything, by path. Files are read on `jobs` threads, and reviewed
    /// a stretch at a time in the panel's workers. Each stretch's reviews are compared with `history`'s, which stages
    /// what changed; full reviews carry the tool's recent changes from it. Without a history, neither is done.
    site_tools(const panel& seats, const std::filesystem::path& catalog_dir, const std::vector<std::string>& files,
               const review_records* records, const std::map<std::string, file_stamp>& stamps, std::size_t jobs,
               verdict_history* history);
    site_tools(const site_tools&) = delete;
    site_tools& operator=(const site_tools&) = delete;

    /// The tools, summarized, in id order; a file that could not be read is there under its file's name.
    const catalog& summaries() const { return catalog_; }
    /// The problems of the files that could not be read.
    const problem_list& problems() const { return problems_; }
    /// "seat <id> failed: <why>", once per distinct failure among the tools reviewed this run.
    const std::vector<std::string>& seat_failures() const { return seat_failures_; }
    /// How many tools were read and reviewed this run.
    std::size_t reviewed() const { return reviewed_; }

    /// Takes the community votes: each tool's page summary and fingerprint follow.
    void attach_votes(const community_votes& votes);
    const std::vector<page_tool>& pages() const { return pages_; }
    const std::vector<std::string>& fingerprints() const { return fingerprints_; }

    /// The tools at `indexes` reviewed in full, for rendering their pages: as set aside when they were summarized, and
    /// the others in one pass of the panel's host.
    std::vector<std::unique_ptr<reviewed_tool>> review_in_full(const std::vector<std::size_t>& indexes) const;

    /// Records of every tool that was read and reviewed without a failure, for the next run.
    review_records records() const;
    /// False when records() would equal the records this run was given: nothing to write for the next run.
    bool records_changed() const { return !records_current_; }

private:
    struct source {
        std::string file;          ///< Generic form: a path object would hold each of its parts as well, per tool.
        std::optional<file_stamp> stamp;
        bool recordable = false;   ///< Read, and reviewed with no seat failing.
    };

    /// Tool files read and reviewed together: enough to keep every worker busy, few enough to hold.
    static constexpr std::size_t stretch = 1024;

    /// A stretch of tool files the records do not cover, as read: where each goes, and what was found.
    struct read_stretch {
        std::vector<std::size_t> positions;
        std::vector<std::string> paths;
        std::vector<tool_file> files;
        std::vector<problem_list> problems;
    };

    void summarize_all(const std::vector<std::string>& files, const review_records* records, const std::map<std::string, file_stamp>& stamps);
    /// Takes the tools the records cover, holds a place for the others, and returns those to read.
    read_stretch take_recorded(const std::vector<std::string>& paths, const review_records* records,
                               const std::map<std::string, file_stamp>& stamps);
    /// Reviews a stretch that was read, and summarizes it.
    void summarize(read_stretch& some);
    std::vector<tool_file> read_files(const std::vector<std::string>& paths, std::vector<problem_list>& problems) const;
    /// The record of `path` when the records were made in this environment and the file is as stamped there.
    const review_record* still_recorded(const review_records* records, const std::string& path, const std::optional<file_stamp>& stamp) const;

    const panel& seats_;
    std::vector<std::string> seat_ids_;
    std::string environment_;
    catalog catalog_;
    std::vector<tool_review> reviews_;             ///< Summaries: the verdict, and for an unreadable file every seat.
    std::vector<std::string> review_fingerprints_;
    std::vector<source> sources_;
    problem_list problems_;
    std::vector<std::string> seat_failures_;
    std::size_t reviewed_ = 0;
    std::size_t taken_from_records_ = 0;
    std::size_t newly_recorded_ = 0;               ///< Reviewed this run, and recordable.
    bool records_current_ = false;
    const community_votes* votes_ = nullptr;
    std::vector<page_tool> pages_;
    std::vector<std::string> fingerprints_;
    std::size_t jobs_ = 1;
    verdict_history* history_ = nullptr;
    review_spill spill_;
};

}  // namespace verdict
