// One JSON object per line: catalog text (names, taglines) may hold any
// character, and JSON quotes it all; a damaged line only costs a review.
#include "batch/review_records.hpp"

#include "support/text_file.hpp"

#include <nlohmann/json.hpp>

namespace verdict {
namespace {

using json = nlohmann::json;

constexpr std::string_view header = "verdict-reviews 1 ";

json optional_number(const auto& value) { return value ? json(*value) : json(nullptr); }

json to_json(const std::string& file, const review_record& r) {
    const panel_verdict& v = r.verdict;
    return {{"file", file},
            {"size", r.stamp.size},
            {"mtime_ns", r.stamp.mtime_ns},
            {"id", r.summary.id},
            {"name", r.summary.name},
            {"category", r.summary.category},
            {"tagline", r.summary.tagline},
            {"updated", r.summary.updated},
            {"verdict", {{"ship", v.ship}, {"skip", v.skip}, {"abstain", v.abstain}, {"failed", v.failed}, {"quorum", v.quorum},
                         {"rule_set", v.rule_set}, {"ship_pct", optional_number(v.ship_pct)}, {"mean_score", optional_number(v.mean_score)},
                         {"missing", v.missing}}},
            {"fingerprint", r.fingerprint}};
}

template <class T> std::optional<T> optional_at(const json& j, const char* key) {
    return j.at(key).is_null() ? std::nullopt : std::optional<T>(j.at(key).get<T>());
}

// Throws json::exception on any line of another shape.
std::pair<std::string, review_record> from_json(const json& j) {
    review_record r;
    r.stamp = {j.at("size").get<std::uint64_t>(), j.at("mtime_ns").get<std::int64_t>()};
    r.summary.id = j.at("id").get<std::string>();
    r.summary.name = j.at("name").get<std::string>();
    r.summary.category = j.at("category").get<std::string>();
    r.summary.tagline = j.at("tagline").get<std::string>();
    r.summary.updated = j.at("updated").get<std::string>();
    const json& v = j.at("verdict");
    r.verdict = {v.at("ship").get<int>(), v.at("skip").get<int>(), v.at("abstain").get<int>(), v.at("failed").get<int>(),
                 v.at("quorum").get<int>(), v.at("rule_set").get<std::string>(), optional_at<int>(v, "ship_pct"),
                 optional_at<double>(v, "mean_score"), v.at("missing").get<std::vector<std::string>>()};
    r.fingerprint = j.at("fingerprint").get<std::string>();
    return {j.at("file").get<std::string>(), std::move(r)};
}

}  // namespace

bool review_record::operator==(const review_record& o) const {
    return stamp == o.stamp && summary.id == o.summary.id && summary.name == o.summary.name && summary.category == o.summary.category &&
           summary.tagline == o.summary.tagline && summary.updated == o.summary.updated && verdict == o.verdict && fingerprint == o.fingerprint;
}

std::optional<review_records> read_review_records(const std::filesystem::path& dir) {
    problem_list ignored;   // a missing or damaged file only means every tool is reviewed again
    const auto text = read_text_file(dir / review_records_file_name, std::size_t{1} << 30, ignored);
    if (!text || !text->starts_with(header)) return std::nullopt;
    review_records records;
    std::string_view rest = *text;
    try {
        for (bool first = true; !rest.empty(); first = false) {
            const std::size_t end = rest.find('\n');
            const std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            if (first) records.environment = std::string(line.substr(header.size()));
            else records.by_file.insert(from_json(json::parse(line)));
        }
    } catch (const json::exception&) {
        return std::nullopt;
    }
    return records;
}

std::string review_records_text(const review_records& records) {
    std::string out(header);
    out += records.environment + "\n";
    for (const auto& [file, record] : records.by_file) out += to_json(file, record).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    return out;
}

}  // namespace verdict
