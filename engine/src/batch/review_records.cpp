// One line per tool file, fields split by tabs: catalog text (names,
// taglines) may hold any byte, so a field escapes the separators it could
// hold and keeps every other byte as it is. A line of another shape spoils
// the whole file: every tool is then reviewed again, which is always safe.
#include "batch/review_records.hpp"

#include "support/text_file.hpp"

#include <array>
#include <charconv>
#include <string_view>
#include <vector>

namespace verdict {
namespace {

constexpr std::string_view header = "verdict-reviews 2 ";
constexpr std::size_t field_count = 18;

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case ',': out += "\\,"; break;
            default: out += c;
        }
    }
}

std::optional<std::string> unescaped(std::string_view field) {
    std::string out;
    out.reserve(field.size());
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\') {
            out += field[i];
            continue;
        }
        if (++i == field.size()) return std::nullopt;
        switch (field[i]) {
            case '\\': out += '\\'; break;
            case 't': out += '\t'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case ',': out += ','; break;
            default: return std::nullopt;
        }
    }
    return out;
}

// `text` cut at each unescaped `separator`; an escaped one is two bytes and is skipped whole.
std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == separator) {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(text.substr(start));
    return out;
}

template <class Number> void append_number(std::string& out, Number n) {
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), n);
    out.append(buffer.data(), end);
}

template <class Number> std::optional<Number> number_in(std::string_view field) {
    Number n{};
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), n);
    if (ec != std::errc() || end != field.data() + field.size() || field.empty()) return std::nullopt;
    return n;
}

// An absent value is an empty field; false when the field is neither empty nor a number.
template <class Number> bool read_optional_number(std::string_view field, std::optional<Number>& out) {
    out.reset();
    if (field.empty()) return true;
    out = number_in<Number>(field);
    return out.has_value();
}

void append_line(std::string& out, const std::string& file, const review_record& r) {
    const panel_verdict& v = r.verdict;
    auto text = [&out](std::string_view s) { append_escaped(out, s); out += '\t'; };
    auto number = [&out](auto n) { append_number(out, n); out += '\t'; };
    text(file);
    number(r.stamp.size);
    number(r.stamp.changed_ns);
    text(r.summary.id);
    text(r.summary.name);
    text(r.summary.category);
    text(r.summary.tagline);
    text(r.summary.updated);
    for (const int count : {v.ship, v.skip, v.abstain, v.failed, v.quorum}) number(count);
    text(v.rule_set);
    if (v.ship_pct) append_number(out, *v.ship_pct);
    out += '\t';
    if (v.mean_score) append_number(out, *v.mean_score);
    out += '\t';
    for (std::size_t i = 0; i < v.missing.size(); ++i) {
        if (i) out += ',';
        append_escaped(out, v.missing[i]);
    }
    out += '\t';
    append_escaped(out, r.fingerprint);
    out += '\n';
}

std::optional<std::pair<std::string, review_record>> record_in(std::string_view line) {
    const std::vector<std::string_view> f = split(line, '\t');
    if (f.size() != field_count) return std::nullopt;
    std::array<std::optional<std::string>, field_count> text;
    for (const std::size_t i : std::array<std::size_t, 8>{0, 3, 4, 5, 6, 7, 13, 17})
        if (!(text[i] = unescaped(f[i]))) return std::nullopt;
    std::array<std::optional<int>, 5> counts;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (!(counts[i] = number_in<int>(f[8 + i]))) return std::nullopt;
    const auto size = number_in<std::uint64_t>(f[1]);
    const auto changed = number_in<std::int64_t>(f[2]);
    std::optional<int> ship_pct;
    std::optional<double> mean_score;
    if (!size || !changed || !read_optional_number(f[14], ship_pct) || !read_optional_number(f[15], mean_score)) return std::nullopt;
    std::vector<std::string> missing;
    if (!f[16].empty()) {
        for (const std::string_view seat : split(f[16], ',')) {
            auto id = unescaped(seat);
            if (!id) return std::nullopt;
            missing.push_back(std::move(*id));
        }
    }
    review_record r{{*size, *changed},
                    {std::move(*text[3]), std::move(*text[4]), std::move(*text[5]), std::move(*text[6]), std::move(*text[7])},
                    {*counts[0], *counts[1], *counts[2], *counts[3], *counts[4], std::move(*text[13]), ship_pct, mean_score, std::move(missing)},
                    std::move(*text[17])};
    return std::pair(std::move(*text[0]), std::move(r));
}

// The header, then a line per record.
text_pieces pieces_of(const review_records& records) {
    return after_header(std::string(header) + records.environment, [&records, next = records.by_file.begin()](std::string& out) mutable {
        if (next == records.by_file.end()) return false;
        append_line(out, next->first, next->second);
        ++next;
        return true;
    });
}

}  // namespace

std::optional<review_records> read_review_records(const std::filesystem::path& dir) {
    problem_list ignored;   // a missing or damaged file only means every tool is reviewed again
    const auto text = read_text_file(dir / review_records_file_name, std::size_t{1} << 30, ignored);
    if (!text || !text->starts_with(header) || !text->ends_with('\n')) return std::nullopt;   // a file cut short ends mid-line
    std::string_view rest = *text;
    review_records records{std::string(take_line(rest).substr(header.size())), {}};
    while (!rest.empty()) {
        auto record = record_in(take_line(rest));
        if (!record) return std::nullopt;
        records.by_file.insert(records.by_file.end(), std::move(*record));
    }
    return records;
}

std::string review_records_text(const review_records& records) { return gathered(pieces_of(records)); }

std::string write_review_records(file_writer& writer, const std::filesystem::path& dir, const review_records& records) {
    return writer.write_streamed(dir / review_records_file_name, pieces_of(records));
}

}  // namespace verdict
