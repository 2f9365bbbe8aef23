// A thin RAII layer over SQLite's C API: a connection, prepared statements and
// transactions that roll back unless committed. Errors become sqlite_error,
// worded with the database's file and, where the system said why (a full
// disk, a missing permission), the system's reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace verdict {

class sqlite_error : public std::runtime_error {
public:
    sqlite_error(std::string message, int code) : std::runtime_error(std::move(message)), code_(code) {}
    /// True when the file is not a database or is damaged.
    bool damaged() const;

private:
    int code_;   ///< SQLite's primary result code (SQLITE_CORRUPT, SQLITE_FULL, ...).
};

class sqlite_db;

/// A prepared statement. Parameters are bound by position from 1, columns read by position from 0; a step that
/// returns false has run to its end and resets the statement for its next use.
class sqlite_statement {
public:
    sqlite_statement(sqlite_db& db, std::string_view sql);
    ~sqlite_statement();
    sqlite_statement(const sqlite_statement&) = delete;
    sqlite_statement& operator=(const sqlite_statement&) = delete;

    sqlite_statement& bind(int index, std::int64_t value);
    /// A 64-bit hash, stored as the signed integer of the same bits.
    sqlite_statement& bind_bits(int index, std::uint64_t value) { return bind(index, static_cast<std::int64_t>(value)); }
    sqlite_statement& bind(int index, double value);
    sqlite_statement& bind(int index, std::string_view text);
    sqlite_statement& bind_null(int index);

    /// Runs to the next row: true when there is one to read.
    bool step();
    /// Runs a statement that returns no rows, then resets it.
    void run();
    /// Makes the statement ready to run again, with no parameters bound, whether or not its rows were all read.
    void reset();

    std::int64_t integer(int column) const;
    std::uint64_t bits(int column) const { return static_cast<std::uint64_t>(integer(column)); }
    double real(int column) const;
    std::string_view text(int column) const;
    bool is_null(int column) const;
    /// How many columns each row has.
    int columns() const;

private:
    sqlite_db& db_;
    sqlite3_stmt* statement_ = nullptr;
};

class sqlite_db {
public:
    enum class mode { read_only, read_write_create };
    /// Opens `file`; throws sqlite_error when it cannot be opened.
    sqlite_db(const std::filesystem::path& file, mode how);
    ~sqlite_db();
    sqlite_db(const sqlite_db&) = delete;
    sqlite_db& operator=(const sqlite_db&) = delete;

    /// Runs `sql`, one or more statements with no parameters and no rows wanted.
    void exec(std::string_view sql);
    /// The single integer `sql` returns (a PRAGMA's value, a count).
    std::int64_t integer_of(std::string_view sql);

    sqlite3* handle() const { return db_; }
    /// Throws the error SQLite reports for `code`, naming the file.
    [[noreturn]] void fail(int code) const;

private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class sqlite_transaction {
public:
    explicit sqlite_transaction(sqlite_db& db);
    ~sqlite_transaction();
    sqlite_transaction(const sqlite_transaction&) = delete;
    sqlite_transaction& operator=(const sqlite_transaction&) = delete;
    void commit();

private:
    sqlite_db& db_;
    bool open_ = true;
};

}  // namespace verdict
