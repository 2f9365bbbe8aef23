#include "batch/pair_record.hpp"

#include "batch/content_hash.hpp"
#include "json/json_document.hpp"
#include "support/text_file.hpp"

#include <charconv>

namespace verdict {
namespace {

constexpr std::string_view header = "verdict-pairs 1 ";

// A position below `limit`, as the whole of `text`.
bool read_position(std::string_view text, std::size_t limit, std::size_t& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value < limit;
}

}  // namespace

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

std::optional<pair_record> read_pair_record(const std::filesystem::path& dir, const std::string& key, std::size_t tool_count) {
    const std::filesystem::path file = dir / pair_record_file_name;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return std::nullopt;
    pair_record record{key, {}};
    bool intact = false;   // until its header says it was made under `key`
    problem_list ignored;   // a record that cannot be read is absent: the comparisons are loaded again
    const bool read = for_each_line(file, ignored, [&](std::string_view line, std::size_t number) {
        if (number == 1) return intact = line.substr(0, header.size()) == header && line.substr(header.size()) == key;
        const std::size_t space = line.find(' ');
        std::size_t left = 0;
        std::size_t right = 0;
        intact = space != std::string_view::npos && read_position(line.substr(0, space), tool_count, left) &&
                 read_position(line.substr(space + 1), tool_count, right) && left != right;
        if (intact) record.pairs.emplace_back(left, right);
        return intact;
    });
    return read && intact ? std::optional(std::move(record)) : std::nullopt;
}

std::vector<comparison_pair> pairs_in(const pair_record& record, const catalog& tools) {
    std::vector<comparison_pair> pairs;
    pairs.reserve(record.pairs.size());
    for (const auto& [left, right] : record.pairs) pairs.push_back({&tools.tools[left], &tools.tools[right]});
    return pairs;
}

std::string write_pair_record(file_writer& writer, const std::filesystem::path& dir, const pair_record& record) {
    std::size_t next = 0;
    return writer.write_streamed(dir / pair_record_file_name, after_header(std::string(header) + record.key, [&](std::string& out) {
        if (next == record.pairs.size()) return false;
        out.append(std::to_string(record.pairs[next].first)).append(" ").append(std::to_string(record.pairs[next].second)).append("\n");
        ++next;
        return true;
    }));
}

}  // namespace verdict
