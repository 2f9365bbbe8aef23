// WAL mode: readers (sqlite3 in a maintainer's shell, the no-op check) never
// block the run that writes, and a commit is one append to the log. With
// synchronous=NORMAL a commit survives the process being killed; a power cut
// may lose the last commits, never the database's consistency, and a lost
// commit only means the next run makes those pages again.
#include "state/state_database.hpp"

#include "state/legacy_state.hpp"
#include "support/text_file.hpp"

#include <sqlite3.h>

namespace verdict {
namespace {

// "vrdt": what tells verdict's state database apart from any other SQLite file.
constexpr std::int64_t application_id = 0x76726474;

constexpr const char* schema = R"sql(
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE pages (
  path       TEXT PRIMARY KEY,
  input_hash INTEGER NOT NULL,
  bytes_hash INTEGER NOT NULL,
  size       INTEGER NOT NULL,
  format     TEXT GENERATED ALWAYS AS (CASE
               WHEN path LIKE '%.html' THEN 'html' WHEN path LIKE '%.md' THEN 'md' WHEN path LIKE '%.json' THEN 'json'
               ELSE 'site file' END) VIRTUAL
) WITHOUT ROWID;
CREATE TABLE inputs (
  path       TEXT PRIMARY KEY,
  size       INTEGER NOT NULL,
  changed_ns INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE tools (
  file        TEXT PRIMARY KEY,
  size        INTEGER NOT NULL,
  changed_ns  INTEGER NOT NULL,
  id          TEXT NOT NULL,
  name        TEXT NOT NULL,
  category    TEXT NOT NULL,
  tagline     TEXT NOT NULL,
  updated     TEXT NOT NULL,
  ship        INTEGER NOT NULL,
  skip        INTEGER NOT NULL,
  abstain     INTEGER NOT NULL,
  failed      INTEGER NOT NULL,
  quorum      INTEGER NOT NULL,
  rule_set    TEXT NOT NULL,
  ship_pct    INTEGER,
  mean_score  REAL,
  missing     TEXT NOT NULL,
  review_hash TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX tools_by_id ON tools (id);
CREATE TABLE pairs (
  position   INTEGER PRIMARY KEY,
  left_tool  INTEGER NOT NULL,
  right_tool INTEGER NOT NULL
);
CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  started        TEXT NOT NULL,
  finished       TEXT,
  engine_version TEXT NOT NULL,
  rule_set       TEXT NOT NULL,
  outcome        TEXT NOT NULL,
  tools          INTEGER,
  tools_reviewed INTEGER,
  pages          INTEGER,
  written        INTEGER,
  unchanged      INTEGER,
  deleted        INTEGER,
  failures       INTEGER
);
)sql";

// Added by schema 2: the history of every verdict (history/verdict_history.hpp).
constexpr const char* history_schema = R"sql(
CREATE TABLE seat_reviews (
  tool_id TEXT NOT NULL,
  seat    TEXT NOT NULL,
  verdict TEXT NOT NULL,
  score   REAL,
  shadow  INTEGER NOT NULL,
  points  TEXT NOT NULL,
  facts   TEXT NOT NULL,
  PRIMARY KEY (tool_id, seat)
) WITHOUT ROWID;
CREATE TABLE history (
  id             INTEGER PRIMARY KEY,
  run            INTEGER NOT NULL,
  tool_id        TEXT NOT NULL,
  seat           TEXT NOT NULL,
  rule_set       TEXT NOT NULL,
  data_date      TEXT NOT NULL,
  verdict_before TEXT NOT NULL,
  score_before   REAL,
  shadow_before  INTEGER NOT NULL,
  verdict_after  TEXT NOT NULL,
  score_after    REAL,
  shadow_after   INTEGER NOT NULL,
  rules          TEXT NOT NULL,
  facts          TEXT NOT NULL
);
CREATE INDEX history_by_tool ON history (tool_id, id);
)sql";

// Added by schema 3: the change times of the folders that hold the pages (batch/folder_stamps.hpp).
constexpr const char* folders_schema = R"sql(
CREATE TABLE page_folders (
  path       TEXT PRIMARY KEY,
  changed_ns INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

constexpr const char* utc_now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

void remove_with_log(const std::filesystem::path& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix, ec);
}

// Moves `file` (and its log) to `file` + `suffix`, replacing what an earlier --force set aside there.
void set_aside(const std::filesystem::path& file, const std::string& suffix) {
    const std::filesystem::path kept = file.string() + suffix;
    remove_with_log(kept);
    std::error_code ec;
    for (const char* log : {"", "-wal", "-shm"}) std::filesystem::rename(file.string() + log, kept.string() + log, ec);
}

// True when the database holds nothing yet: a run was stopped while it created it.
bool is_blank(sqlite_db& db) {
    try {
        return db.integer_of("PRAGMA application_id") == 0 && db.integer_of("PRAGMA user_version") == 0 &&
               db.integer_of("SELECT count(*) FROM sqlite_master") == 0;
    } catch (const sqlite_error&) {
        return false;
    }
}

// Why the database in `file` cannot be used by this engine; empty when it can. Reads the header's ids and, with
// `thorough`, checks every page of the file. `set_aside_as` is the suffix it is kept under when a new one is begun.
std::string unusable(sqlite_db& db, bool thorough, std::string& set_aside_as) {
    try {
        const std::int64_t id = db.integer_of("PRAGMA application_id");
        const std::int64_t version = db.integer_of("PRAGMA user_version");
        if (id != application_id) {
            set_aside_as = ".damaged";
            return "is not a verdict state database";
        }
        if (version > state_schema_version) {
            set_aside_as = ".newer";
            return "was made by a newer verdict (state schema " + std::to_string(version) + "; this engine reads " +
                   std::to_string(state_schema_version) + ")";
        }
        if (thorough) {
            sqlite_statement check(db, "PRAGMA quick_check");
            if (check.step() && check.text(0) != "ok") {
                set_aside_as = ".damaged";
                return "is damaged (" + std::string(check.text(0)) + ")";
            }
            check.reset();
        }
    } catch (const sqlite_error& e) {
        if (!e.damaged()) throw;   // a full disk or a missing permission: the file may be sound
        set_aside_as = ".damaged";
        return "is damaged (" + std::string(e.what()) + ")";
    }
    return "";
}

}  // namespace

void state_database::remove(const std::filesystem::path& file) { remove_with_log(file); }

std::filesystem::path state_database::file_of(const std::filesystem::path& site_dir) { return site_dir / state_folder_name / state_file_name; }

std::unique_ptr<state_database> state_database::open(const std::filesystem::path& site_dir, const std::filesystem::path& file, bool force,
                                                     std::string& refusal, bool& cannot_write) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const bool existed = std::filesystem::exists(file, ec);
    try {
        if (existed) {
            auto opened = std::unique_ptr<state_database>(new state_database(file, sqlite_db::mode::read_write_create));
            std::string suffix;
            const std::string why = unusable(opened->db_, force, suffix);
            if (why.empty()) {
                opened->db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL");
                opened->upgrade();
                return opened;
            }
            if (!force && !is_blank(opened->db_)) {
                refusal = display_path(file) + " " + why + ": " + (suffix == ".newer" ? "run that verdict, or " : "") +
                          "run with --force to set it aside as " + file.filename().string() + suffix +
                          " and begin a new one (every page is made again, and the record of runs starts over)";
                return nullptr;
            }
            opened.reset();
            if (force) set_aside(file, suffix);
            else remove_with_log(file);
        }
        auto made = std::unique_ptr<state_database>(new state_database(file, sqlite_db::mode::read_write_create));
        made->db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL");
        made->create_schema();
        if (!import_legacy_state(site_dir, *made, force, refusal)) {
            made.reset();
            remove_with_log(file);
            return nullptr;
        }
        return made;
    } catch (const sqlite_error& e) {
        refusal = "cannot open the folder's state: " + std::string(e.what());
        cannot_write = !e.damaged();
        return nullptr;
    }
}

std::unique_ptr<state_database> state_database::open_to_read(const std::filesystem::path& site_dir, std::string& why) {
    const std::filesystem::path file = file_of(site_dir);
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        why = display_path(site_dir) + " has no " + std::string(state_folder_name) + "/" + state_file_name + ": it is not the output of a verdict batch";
        return nullptr;
    }
    return open_file_to_read(file, why);
}

std::unique_ptr<state_database> state_database::open_file_to_read(const std::filesystem::path& file, std::string& why) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        why = display_path(file) + ": expected the state a verdict batch keeps, found no such file";
        return nullptr;
    }
    try {
        auto opened = std::unique_ptr<state_database>(new state_database(file, sqlite_db::mode::read_only));
        std::string suffix;
        const std::string problem = unusable(opened->db_, false, suffix);
        if (problem.empty()) return opened;
        why = display_path(file) + " " + problem + ": make it again with this verdict";
    } catch (const sqlite_error& e) {
        why = e.what();
    }
    return nullptr;
}

std::int64_t state_database::schema_version() { return db_.integer_of("PRAGMA user_version"); }

void state_database::create_schema() {
    sqlite_transaction t(db_);
    db_.exec(schema);
    db_.exec(history_schema);
    db_.exec(folders_schema);
    db_.exec("PRAGMA application_id=" + std::to_string(application_id) + "; PRAGMA user_version=" + std::to_string(state_schema_version));
    t.commit();
}

void state_database::upgrade() {
    const std::int64_t version = schema_version();
    if (version >= state_schema_version) return;
    sqlite_transaction t(db_);
    if (version < 2) db_.exec(history_schema);
    if (version < 3) db_.exec(folders_schema);
    db_.exec("PRAGMA user_version=" + std::to_string(state_schema_version));
    t.commit();
}

bool state_database::interrupted() { return db_.integer_of("SELECT EXISTS (SELECT 1 FROM runs WHERE finished IS NULL)") != 0; }

std::optional<std::string> state_database::meta(std::string_view name) {
    sqlite_statement query(db_, "SELECT value FROM meta WHERE name = ?");
    query.bind(1, name);
    if (!query.step()) return std::nullopt;
    std::string value(query.text(0));
    query.reset();
    return value;
}

void state_database::set_meta(std::string_view name, const std::optional<std::string>& value) {
    if (!value) {
        sqlite_statement(db_, "DELETE FROM meta WHERE name = ?").bind(1, name).run();
        return;
    }
    sqlite_statement(db_, "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
        .bind(1, name)
        .bind(2, *value)
        .run();
}

std::int64_t state_database::begin_run(std::string_view rule_set) {
    sqlite_statement(db_, std::string("INSERT INTO runs (started, engine_version, rule_set, outcome) VALUES (") + utc_now + ", ?, ?, 'running')")
        .bind(1, std::string_view(VERDICT_VERSION))
        .bind(2, rule_set)
        .run();
    return sqlite3_last_insert_rowid(db_.handle());
}

void state_database::end_run(std::int64_t id, const run_counts& c, bool failed) {
    db_.exec(std::string("UPDATE runs SET finished = ") + utc_now + ", outcome = 'interrupted' WHERE finished IS NULL AND id <> " + std::to_string(id));
    sqlite_statement(db_, std::string("UPDATE runs SET finished = ") + utc_now +
                              ", outcome = ?, tools = ?, tools_reviewed = ?, pages = ?, written = ?, unchanged = ?, deleted = ?, failures = ? WHERE id = ?")
        .bind(1, std::string_view(failed ? "failed" : "done"))
        .bind(2, static_cast<std::int64_t>(c.tools))
        .bind(3, static_cast<std::int64_t>(c.tools_reviewed))
        .bind(4, static_cast<std::int64_t>(c.pages))
        .bind(5, static_cast<std::int64_t>(c.written))
        .bind(6, static_cast<std::int64_t>(c.unchanged))
        .bind(7, static_cast<std::int64_t>(c.deleted))
        .bind(8, static_cast<std::int64_t>(c.failures))
        .bind(9, id)
        .run();
}

}  // namespace verdict
