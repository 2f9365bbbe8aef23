// A record is a row of the tools table, keyed by the tool file's path. The
// seats that did not vote are a JSON array: seat ids are the panel's, and may
// hold any character.
#include "batch/review_records.hpp"

#include <nlohmann/json.hpp>

#include <array>

namespace verdict {
namespace {

// Every column but the key, in the order they are bound after it.
constexpr std::array<const char*, 17> value_columns{"size", "changed_ns", "id", "name", "category", "tagline", "updated", "ship", "skip",
                                                    "abstain", "failed", "quorum", "rule_set", "ship_pct", "mean_score", "missing", "review_hash"};

// Each value column, as `prefix` + column, separated by commas.
std::string column_list(std::string_view prefix) {
    std::string out;
    for (const char* column : value_columns) out.append(out.empty() ? "" : ", ").append(prefix).append(column);
    return out;
}

// Inserts a record, or replaces the row of its file unless the row already holds exactly that: a run that reviewed
// one tool writes one row.
std::string upsert_sql() {
    std::string sql = "INSERT INTO tools (file, " + column_list("") + ") VALUES (?";
    for (std::size_t i = 0; i < value_columns.size(); ++i) sql += ", ?";
    sql += ") ON CONFLICT (file) DO UPDATE SET ";
    for (std::size_t i = 0; i < value_columns.size(); ++i) sql.append(i ? ", " : "").append(value_columns[i]).append(" = excluded.").append(value_columns[i]);
    return sql + " WHERE (" + column_list("") + ") IS NOT (" + column_list("excluded.") + ")";
}

std::string missing_text(const std::vector<std::string>& missing) { return nlohmann::json(missing).dump(); }

std::optional<std::vector<std::string>> missing_in(std::string_view text) {
    if (text == "[]") return std::vector<std::string>();   // nearly every tool: no parser for it
    const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array()) return std::nullopt;
    std::vector<std::string> out;
    for (const nlohmann::json& seat : list) {
        if (!seat.is_string()) return std::nullopt;
        out.push_back(seat.get<std::string>());
    }
    return out;
}

}  // namespace

namespace {

// The record in the row `rows` stands on, as the columns `SELECT file, ` + column_list("") give it; nullopt when it is
// not as this engine writes it.
std::optional<review_record> record_in(sqlite_statement& rows) {
    std::optional<std::vector<std::string>> missing = missing_in(rows.text(16));
    if (!missing) return std::nullopt;
    auto text = [&rows](int column) { return std::string(rows.text(column)); };
    auto count = [&rows](int column) { return static_cast<int>(rows.integer(column)); };
    panel_verdict verdict{count(8), count(9), count(10), count(11), count(12), text(13),
                          rows.is_null(14) ? std::nullopt : std::optional<int>(count(14)),
                          rows.is_null(15) ? std::nullopt : std::optional<double>(rows.real(15)), std::move(*missing)};
    return review_record{{static_cast<std::uint64_t>(rows.integer(1)), rows.integer(2)},
                         {text(3), text(4), text(5), text(6), text(7)},
                         std::move(verdict),
                         text(17)};
}

}  // namespace

std::optional<review_records> read_review_records(state_database& state) {
    std::optional<std::string> environment = state.meta("reviews_environment");
    if (!environment) return std::nullopt;
    review_records records{std::move(*environment), {}};
    sqlite_statement rows(state.db(), "SELECT file, " + column_list("") + " FROM tools ORDER BY file");
    while (rows.step()) {
        std::optional<review_record> record = record_in(rows);
        if (!record) return std::nullopt;   // not as this engine writes it: every tool is reviewed again, which is always safe
        records.by_file.emplace_hint(records.by_file.end(), rows.text(0), std::move(*record));
    }
    return records;
}

std::optional<review_records> read_review_records(state_database& state, const std::vector<std::string>& files) {
    std::optional<std::string> environment = state.meta("reviews_environment");
    if (!environment) return std::nullopt;
    review_records records{std::move(*environment), {}};
    sqlite_statement row(state.db(), "SELECT file, " + column_list("") + " FROM tools WHERE file = ?");
    for (const std::string& file : files) {
        row.bind(1, file);
        if (row.step()) {
            std::optional<review_record> record = record_in(row);
            if (!record) return std::nullopt;
            records.by_file.emplace(file, std::move(*record));
        }
        row.reset();
    }
    return records;
}

std::optional<std::vector<tool_outline>> read_tool_outlines(state_database& state) {
    if (!state.meta("reviews_environment")) return std::nullopt;
    std::vector<tool_outline> outlines;
    sqlite_statement rows(state.db(), "SELECT file, id, category FROM tools ORDER BY id");
    while (rows.step()) outlines.push_back({std::string(rows.text(0)), std::string(rows.text(1)), std::string(rows.text(2))});
    return outlines;
}

void record_review_records(state_database& state, const review_records& records, bool whole) {
    std::vector<std::string> gone;
    sqlite_statement files(state.db(), "SELECT file FROM tools");
    while (whole && files.step())
        if (!records.by_file.count(std::string(files.text(0)))) gone.emplace_back(files.text(0));
    sqlite_statement remove(state.db(), "DELETE FROM tools WHERE file = ?");
    for (const std::string& file : gone) remove.bind(1, file).run();
    sqlite_statement set(state.db(), upsert_sql());
    for (const auto& [file, r] : records.by_file) {
        const panel_verdict& v = r.verdict;
        set.bind(1, file).bind(2, static_cast<std::int64_t>(r.stamp.size)).bind(3, r.stamp.changed_ns);
        set.bind(4, r.summary.id).bind(5, r.summary.name).bind(6, r.summary.category).bind(7, r.summary.tagline).bind(8, r.summary.updated);
        int column = 9;
        for (const int n : {v.ship, v.skip, v.abstain, v.failed, v.quorum}) set.bind(column++, static_cast<std::int64_t>(n));
        set.bind(14, v.rule_set);
        if (v.ship_pct) set.bind(15, static_cast<std::int64_t>(*v.ship_pct));
        else set.bind_null(15);
        if (v.mean_score) set.bind(16, *v.mean_score);
        else set.bind_null(16);
        set.bind(17, missing_text(v.missing)).bind(18, r.fingerprint);
        set.run();
    }
    state.set_meta("reviews_environment", records.environment);
}

}  // namespace verdict
