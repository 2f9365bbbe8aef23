#include "state/sqlite.hpp"

#include "support/text_file.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

namespace verdict {

bool sqlite_error::damaged() const { return code_ == SQLITE_CORRUPT || code_ == SQLITE_NOTADB; }

sqlite_db::sqlite_db(const std::filesystem::path& file, mode how) : file_(file) {
    const int flags = how == mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int code = sqlite3_open_v2(file.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        // The destructor does not run for an object whose constructor throws: the handle is closed here.
        try {
            fail(code);
        } catch (...) {
            sqlite3_close_v2(db_);
            throw;
        }
    }
    sqlite3_extended_result_codes(db_, 0);
    // Another process's reader (sqlite3 in a shell) may hold the database for a moment: wait rather than fail.
    sqlite3_busy_timeout(db_, 10000);
}

sqlite_db::~sqlite_db() { sqlite3_close_v2(db_); }

void sqlite_db::fail(int code) const {
    std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    int system = db_ ? sqlite3_system_errno(db_) : 0;
    if (system == 0 && (code & 0xFF) == SQLITE_FULL) system = ENOSPC;   // SQLite's own word for a full disk is less plain
    const int primary = code & 0xFF;
    if (system != 0 && (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY || primary == SQLITE_PERM))
        why = std::string(std::strerror(system)) + " (" + why + ")";
    throw sqlite_error(display_path(file_) + ": " + why, code & 0xFF);
}

void sqlite_db::exec(std::string_view sql) {
    const std::string text(sql);
    const int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (code != SQLITE_OK) fail(code);
}

std::int64_t sqlite_db::integer_of(std::string_view sql) {
    sqlite_statement query(*this, sql);
    const std::int64_t value = query.step() ? query.integer(0) : 0;
    query.reset();
    return value;
}

sqlite_statement::sqlite_statement(sqlite_db& db, std::string_view sql) : db_(db) {
    const int code = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
    if (code != SQLITE_OK) db.fail(code);
}

sqlite_statement::~sqlite_statement() { sqlite3_finalize(statement_); }

sqlite_statement& sqlite_statement::bind(int index, std::int64_t value) {
    if (const int code = sqlite3_bind_int64(statement_, index, value); code != SQLITE_OK) db_.fail(code);
    return *this;
}

sqlite_statement& sqlite_statement::bind(int index, double value) {
    if (const int code = sqlite3_bind_double(statement_, index, value); code != SQLITE_OK) db_.fail(code);
    return *this;
}

sqlite_statement& sqlite_statement::bind(int index, std::string_view text) {
    if (const int code = sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8); code != SQLITE_OK) db_.fail(code);
    return *this;
}

sqlite_statement& sqlite_statement::bind_null(int index) {
    if (const int code = sqlite3_bind_null(statement_, index); code != SQLITE_OK) db_.fail(code);
    return *this;
}

bool sqlite_statement::step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    reset();
    if (code != SQLITE_DONE) db_.fail(code);
    return false;
}

void sqlite_statement::run() {
    while (step()) {
    }
}

void sqlite_statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::int64_t sqlite_statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }
double sqlite_statement::real(int column) const { return sqlite3_column_double(statement_, column); }
bool sqlite_statement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

std::string_view sqlite_statement::text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    return bytes ? std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))) : std::string_view();
}

sqlite_transaction::sqlite_transaction(sqlite_db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

sqlite_transaction::~sqlite_transaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void sqlite_transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

int sqlite_statement::columns() const { return sqlite3_column_count(statement_); }

}  // namespace verdict
