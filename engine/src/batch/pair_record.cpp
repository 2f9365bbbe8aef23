#include "batch/pair_record.hpp"

#include "batch/content_hash.hpp"
#include "json/json_document.hpp"
#include "support/text_file.hpp"


namespace verdict {

std::optional<std::string> comparisons_key(const std::filesystem::path& catalog_dir, const std::vector<paired_tool>& tools) {
    problem_list ignored;   // an unreadable file has no key: loading it reports its problems
    const std::optional<std::string> bytes = read_text_file(catalog_dir / "comparisons.json", max_comparisons_file_bytes, ignored);
    if (!bytes) return std::nullopt;
    content_hash h;
    h.add(VERDICT_VERSION).add(*bytes).add(static_cast<std::uint64_t>(tools.size()));
    for (const paired_tool& t : tools) h.add(t.id).add(t.category);
    return h.hex();
}

std::vector<paired_tool> paired_tools(const catalog& tools) {
    std::vector<paired_tool> out;
    out.reserve(tools.tools.size());
    for (const tool& t : tools.tools) out.push_back({t.id, t.category});
    return out;
}

pair_record record_of(std::string key, const std::vector<comparison_pair>& pairs, const catalog& tools) {
    pair_record out{std::move(key), {}};
    out.pairs.reserve(pairs.size());
    for (const comparison_pair& p : pairs)
        out.pairs.emplace_back(static_cast<std::size_t>(p.left - tools.tools.data()), static_cast<std::size_t>(p.right - tools.tools.data()));
    return out;
}

std::optional<pair_record> read_pair_record(state_database& state, const std::string& key, std::size_t tool_count) {
    if (state.meta("pairs_key") != key) return std::nullopt;
    pair_record record{key, {}};
    sqlite_statement rows(state.db(), "SELECT left_tool, right_tool FROM pairs ORDER BY position");
    while (rows.step()) {
        const std::int64_t left = rows.integer(0);
        const std::int64_t right = rows.integer(1);
        if (left < 0 || right < 0 || static_cast<std::uint64_t>(left) >= tool_count || static_cast<std::uint64_t>(right) >= tool_count || left == right) {
            rows.reset();
            return std::nullopt;
        }
        record.pairs.emplace_back(static_cast<std::size_t>(left), static_cast<std::size_t>(right));
    }
    return record;
}

std::vector<comparison_pair> pairs_in(const pair_record& record, const catalog& tools) {
    std::vector<comparison_pair> pairs;
    pairs.reserve(record.pairs.size());
    for (const auto& [left, right] : record.pairs) pairs.push_back({&tools.tools[left], &tools.tools[right]});
    return pairs;
}

void record_pair_record(state_database& state, const pair_record& record) {
    state.db().exec("DELETE FROM pairs");
    sqlite_statement add(state.db(), "INSERT INTO pairs (position, left_tool, right_tool) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < record.pairs.size(); ++i)
        add.bind(1, static_cast<std::int64_t>(i)).bind(2, static_cast<std::int64_t>(record.pairs[i].first)).bind(3, static_cast<std::int64_t>(record.pairs[i].second)).run();
    state.set_meta("pairs_key", record.key);
}

}  // namespace verdict
