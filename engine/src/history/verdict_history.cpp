// A snapshot's rule points and fact values, and a change's rule moves and fact
// changes, are JSON text in their rows: rule and fact names are the personas'
// and the catalog's, any text at all, and a maintainer's sqlite3 reads them
// with json_each().
#include "history/verdict_history.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <map>
#include <set>

namespace verdict {
namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;   // a change keeps its fields in the order they read: rule, before, after

constexpr const char* staging = R"sql(
CREATE TEMP TABLE IF NOT EXISTS staged_seats (
  tool_id TEXT NOT NULL, seat TEXT NOT NULL, verdict TEXT NOT NULL, score REAL, shadow INTEGER NOT NULL,
  points TEXT NOT NULL, facts TEXT NOT NULL, gone INTEGER NOT NULL, PRIMARY KEY (tool_id, seat)
);
CREATE TEMP TABLE IF NOT EXISTS staged_changes (
  tool_id TEXT NOT NULL, seat TEXT NOT NULL, rule_set TEXT NOT NULL, data_date TEXT NOT NULL,
  verdict_before TEXT NOT NULL, score_before REAL, shadow_before INTEGER NOT NULL,
  verdict_after TEXT NOT NULL, score_after REAL, shadow_after INTEGER NOT NULL, rules TEXT NOT NULL, facts TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS temp.staged_changes_by_tool ON staged_changes (tool_id);
)sql";

// The columns a change is read from and written to, after its run.
constexpr const char* change_columns =
    "tool_id, seat, rule_set, data_date, verdict_before, score_before, shadow_before, verdict_after, score_after, shadow_after, rules, facts";
constexpr const char* seat_columns = "tool_id, seat, verdict, score, shadow, points, facts";

void bind_score(sqlite_statement& s, int column, const std::optional<double>& score) {
    if (score) s.bind(column, *score);
    else s.bind_null(column);
}

std::optional<double> score_at(const sqlite_statement& s, int column) { return s.is_null(column) ? std::nullopt : std::optional(s.real(column)); }

// A JSON string with exactly `text`'s characters: the quote, the backslash and control characters escaped, the rest
// (UTF-8) as it is.
void append_string(std::string& out, std::string_view text) {
    out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') out.append(1, '\\').append(1, c);
        else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        } else out += c;
    }
    out += '"';
}

void append_value(std::string& out, double value) {
    char digits[32];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);   // the shortest form that reads back the same
}

void append_value(std::string& out, const std::string& value) { append_string(out, value); }

// {"key": value, ...}, written directly rather than built as a document: a run writes one per seat of every tool it
// reviews for the first time, or under a new rule set.
template <typename Value>
std::string object_text(const std::map<std::string, Value>& values) {
    std::string out = "{";
    for (const auto& [key, value] : values) {
        if (out.size() > 1) out += ',';
        append_string(out, key);
        out += ':';
        append_value(out, value);
    }
    return out + '}';
}

template <typename Value>
ordered or_null(const std::optional<Value>& v) {
    return v ? ordered(*v) : ordered(nullptr);
}

// A change's causes as its row keeps them: [{"<key>": name, "before": value, "after": value}, ...], for the rules whose
// points moved and the facts whose values changed alike.
template <class Cause>
std::string causes_text(const std::vector<Cause>& causes, const char* key, std::string Cause::*name) {
    ordered out = ordered::array();
    for (const Cause& c : causes) out.push_back({{key, c.*name}, {"before", or_null(c.before)}, {"after", or_null(c.after)}});
    return out.dump();
}

// The causes causes_text() wrote; nullopt for text this engine did not write.
template <class Cause>
std::optional<std::vector<Cause>> causes_of(std::string_view text, const char* key) {
    using value = typename decltype(Cause::before)::value_type;
    auto value_of = [](const json& v) { return v.is_null() ? std::nullopt : std::optional(v.get<value>()); };
    const json list = json::parse(text, nullptr, false);
    if (!list.is_array()) return std::nullopt;
    std::vector<Cause> out;
    try {
        for (const json& c : list) out.push_back({c.at(key).get<std::string>(), value_of(c.at("before")), value_of(c.at("after"))});
    } catch (const json::exception&) {
        return std::nullopt;
    }
    return out;
}

// A change read back; a row whose JSON this engine did not write reads as having no cause, rather than failing.
recorded_change change_at(const sqlite_statement& row) {
    auto text = [&row](int column) { return std::string(row.text(column)); };
    recorded_change c{row.integer(0), text(3), text(4), {text(1), text(2), {text(5), score_at(row, 6), row.integer(7) != 0}, {text(8), score_at(row, 9), row.integer(10) != 0}, {}}, {}, {}};
    auto moves = causes_of<rule_move>(row.text(11), "rule");
    auto facts = causes_of<fact_change>(row.text(12), "fact");
    if (moves && facts) {
        c.change.moves = std::move(*moves);
        c.facts = std::move(*facts);
    }
    if (row.columns() > 13 && !row.is_null(13)) c.run_started = row.text(13);
    return c;
}

std::vector<recorded_change> changes_of(sqlite_statement& query, std::vector<recorded_change> into = {}) {
    while (query.step()) into.push_back(change_at(query));
    return into;
}

seat_snapshot snapshot_at(const sqlite_statement& row) {
    seat_snapshot s{{std::string(row.text(1)), score_at(row, 2), row.integer(3) != 0}, {}, {}};
    const json points = json::parse(row.text(4), nullptr, false);
    const json facts = json::parse(row.text(5), nullptr, false);
    if (points.is_object())
        for (const auto& [rule, value] : points.items())
            if (value.is_number()) s.points[rule] = value.get<double>();
    if (facts.is_object())
        for (const auto& [fact, value] : facts.items())
            if (value.is_string()) s.facts[fact] = value.get<std::string>();
    return s;
}

}  // namespace

verdict_history::verdict_history(state_database& state) : state_(state) {
    state_.db().exec(staging);
    recorded_ = state_.db().integer_of("SELECT EXISTS (SELECT 1 FROM history)") != 0;
    recent_staged_ = std::make_unique<sqlite_statement>(
        state_.db(), std::string("SELECT 0, ") + change_columns + " FROM temp.staged_changes WHERE tool_id = ? ORDER BY rowid DESC LIMIT ?");
    recent_kept_ = std::make_unique<sqlite_statement>(state_.db(), std::string("SELECT run, ") + change_columns +
                                                                       " FROM history WHERE tool_id = ? ORDER BY id DESC LIMIT ?");
}

void verdict_history::restart() {
    if (staged_) state_.db().exec("DELETE FROM temp.staged_seats; DELETE FROM temp.staged_changes");
    staged_ = changes_staged_ = false;
}

void verdict_history::stage(const std::vector<tool_review>& reviews, const std::string& rule_set) {
    sqlite_db& db = state_.db();
    sqlite_transaction t(db);
    sqlite_statement recorded(db, "SELECT seat, verdict, score, shadow, points, facts FROM seat_reviews WHERE tool_id = ?");
    sqlite_statement seat(db, std::string("INSERT OR REPLACE INTO temp.staged_seats (") + seat_columns + ", gone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    sqlite_statement change(db, std::string("INSERT INTO temp.staged_changes (") + change_columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto stage_seat = [&](const std::string& tool_id, const std::string& seat_id, const seat_snapshot& s, bool gone) {
        seat.bind(1, tool_id).bind(2, seat_id).bind(3, s.result.verdict);
        bind_score(seat, 4, s.result.score);
        seat.bind(5, std::int64_t{s.result.shadow}).bind(6, object_text(s.points)).bind(7, object_text(s.facts)).bind(8, std::int64_t{gone});
        seat.run();
        staged_ = true;
    };
    auto stage_change = [&](const tool& subject, const std::string& seat_id, const seat_snapshot& was, const seat_snapshot& is) {
        change.bind(1, subject.id).bind(2, seat_id).bind(3, rule_set).bind(4, subject.updated);
        change.bind(5, was.result.verdict);
        bind_score(change, 6, was.result.score);
        change.bind(7, std::int64_t{was.result.shadow}).bind(8, is.result.verdict);
        bind_score(change, 9, is.result.score);
        change.bind(10, std::int64_t{is.result.shadow}).bind(11, causes_text(moves_between(was, is), "rule", &rule_move::rule))
            .bind(12, causes_text(facts_between(was, is), "fact", &fact_change::fact));
        change.run();
        staged_ = changes_staged_ = true;
    };
    for (const tool_review& r : reviews) {
        if (!r.subject || !r.unreadable.empty()) continue;
        const std::string& id = r.subject->id;
        std::map<std::string, seat_snapshot> was;
        recorded.bind(1, id);
        while (recorded.step()) was.emplace(std::string(recorded.text(0)), snapshot_at(recorded));
        const bool first = was.empty();
        std::set<std::string> seated;
        for (const seat_review& s : r.seats) {
            seated.insert(s.seat);
            if (s.outcome() == seat_outcome::failed) continue;   // says nothing of the tool: the last verdict stands
            const seat_snapshot is = snapshot_of(&s);
            const auto found = was.find(s.seat);
            const seat_snapshot before = found == was.end() ? snapshot_of(nullptr) : found->second;
            if (!first && before.result != is.result) stage_change(*r.subject, s.seat, before, is);
            if (found == was.end() || found->second != is) stage_seat(id, s.seat, is, false);
        }
        for (const auto& [seat_id, before] : was)
            if (!seated.count(seat_id)) {
                stage_change(*r.subject, seat_id, before, snapshot_of(nullptr));
                stage_seat(id, seat_id, before, true);
            }
    }
    t.commit();
}

void verdict_history::publish(std::int64_t run) {
    if (!staged_) return;
    sqlite_db& db = state_.db();
    sqlite_statement(db, std::string("INSERT INTO history (run, ") + change_columns + ") SELECT ?, " + change_columns + " FROM temp.staged_changes ORDER BY rowid")
        .bind(1, run)
        .run();
    db.exec(std::string("INSERT INTO seat_reviews (") + seat_columns + ") SELECT " + seat_columns +
            " FROM temp.staged_seats WHERE gone = 0 ON CONFLICT (tool_id, seat) DO UPDATE SET verdict = excluded.verdict, score = excluded.score, "
            "shadow = excluded.shadow, points = excluded.points, facts = excluded.facts;"
            "DELETE FROM seat_reviews WHERE (tool_id, seat) IN (SELECT tool_id, seat FROM temp.staged_seats WHERE gone = 1);"
            "DELETE FROM temp.staged_seats; DELETE FROM temp.staged_changes");
    recorded_ = recorded_ || changes_staged_;
    staged_ = changes_staged_ = false;
}

std::vector<recorded_change> verdict_history::recent(const std::string& tool_id, std::size_t count) {
    std::vector<recorded_change> out;
    if (changes_staged_) out = changes_of(recent_staged_->bind(1, tool_id).bind(2, static_cast<std::int64_t>(count)));
    if (!recorded_ || out.size() == count) return out;
    return changes_of(recent_kept_->bind(1, tool_id).bind(2, static_cast<std::int64_t>(count - out.size())), std::move(out));
}

std::vector<recorded_change> verdict_history::latest(std::size_t count) {
    sqlite_statement staged(state_.db(), std::string("SELECT 0, ") + change_columns + " FROM temp.staged_changes ORDER BY rowid DESC LIMIT ?");
    std::vector<recorded_change> out = changes_of(staged.bind(1, static_cast<std::int64_t>(count)));
    sqlite_statement kept(state_.db(), std::string("SELECT run, ") + change_columns + " FROM history ORDER BY id DESC LIMIT ?");
    return changes_of(kept.bind(1, static_cast<std::int64_t>(count - out.size())), std::move(out));
}

std::vector<recorded_change> timeline_of(state_database& state, const std::string& tool_id) {
    sqlite_statement query(state.db(), std::string("SELECT run, ") + change_columns +
                                           ", (SELECT started FROM runs WHERE runs.id = history.run) FROM history WHERE tool_id = ? ORDER BY id");
    return changes_of(query.bind(1, tool_id));
}

}  // namespace verdict
