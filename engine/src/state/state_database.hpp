// The state of a batch's output folder, in one SQLite database: the pages the
// engine wrote there and what they were made from, the inputs the last
// complete run read, what it learnt of each tool, the comparisons as it
// resolved them, a row per run, and the history of every verdict. Every
// change is a transaction, so a run killed at any point leaves the state as
// it was before or after one of them, never half of one. docs/state.md gives the schema.
#pragma once

#include "state/sqlite.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace verdict {

/// The folder, inside an output folder, that holds its state and its lock.
inline constexpr const char* state_folder_name = ".verdict";
/// The database's file name in that folder.
inline constexpr const char* state_file_name = "state.sqlite";
/// The version of the schema this engine writes, kept in the database's user_version.
/// 1: pages, inputs, tools, pairs, runs; 2: seat_reviews and history added; 3: page_folders added.
inline constexpr std::int64_t state_schema_version = 3;

/// What a run did, for its row in the runs table.
struct run_counts {
    std::size_t tools = 0;
    std::size_t tools_reviewed = 0;
    std::size_t pages = 0;
    std::size_t written = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t failures = 0;
};

class state_database {
public:
    /// The state of `site_dir`, kept in `file`, created when it has none, and converted from the text files of earlier engines
    /// (.verdict-manifest and its neighbours) when it has those. A database that is damaged or was made by a newer
    /// engine is refused (nullptr, with `refusal` saying why and what to do), unless `force`: then it is set aside
    /// beside itself, kept for whoever wants to look into it, and a new one begun. `cannot_write` tells a refusal
    /// because the file could not be written (a full disk, a missing permission) from one because it must not be.
    static std::unique_ptr<state_database> open(const std::filesystem::path& site_dir, const std::filesystem::path& file, bool force, std::string& refusal,
                                                bool& cannot_write);
    /// The state of another run's folder (a shard's), to read: nullptr with `why` when it has none this engine reads.
    static std::unique_ptr<state_database> open_to_read(const std::filesystem::path& site_dir, std::string& why);

    /// The state in `file`, to read: nullptr with `why` when it is missing or not one this engine reads.
    static std::unique_ptr<state_database> open_file_to_read(const std::filesystem::path& file, std::string& why);

    /// The database's path for a folder that keeps its own state.
    static std::filesystem::path file_of(const std::filesystem::path& site_dir);

    /// Deletes the database in `file`, with its log.
    static void remove(const std::filesystem::path& file);

    sqlite_db& db() { return db_; }
    const std::filesystem::path& file() const { return file_; }

    /// The schema the database holds: below state_schema_version only when opened to read, as an earlier engine left it.
    std::int64_t schema_version();

    /// True when a run began to write pages and never finished: its claimed pages are in the pages table as made
    /// from nothing known, and it may have left temporaries in the page folders.
    bool interrupted();

    /// A value of the meta table; nullopt when it has none.
    std::optional<std::string> meta(std::string_view name);
    /// Sets (or, with nullopt, clears) a value of the meta table, inside the caller's transaction.
    void set_meta(std::string_view name, const std::optional<std::string>& value);

    /// Adds a run's row, unfinished, inside the caller's transaction, and returns its id.
    std::int64_t begin_run(std::string_view rule_set);
    /// Finishes the run `id` (and any run an earlier process left unfinished, as interrupted), inside the caller's
    /// transaction.
    void end_run(std::int64_t id, const run_counts& counts, bool failed);

private:
    explicit state_database(const std::filesystem::path& file, sqlite_db::mode how) : file_(file), db_(file, how) {}
    void create_schema();
    /// Brings a state made by an earlier engine to this engine's schema: every version adds tables, none changes one.
    void upgrade();
    std::filesystem::path file_;
    sqlite_db db_;
};

}  // namespace verdict
