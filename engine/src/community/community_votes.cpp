// Exports are appended to over time and re-exported whole, so the same vote
// may appear in several files: counting one latest vote per voter and tool
// makes re-reading them harmless. Problems are collected per row, never per
// file, except for a file whose header says it is some other export.
#include "community/community_votes.hpp"

#include "support/utf8.hpp"

#include "aggregate/panel_verdict.hpp"
#include "support/csv_reader.hpp"
#include "support/file_access.hpp"
#include "support/suggest.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <utility>

namespace verdict {
namespace {

constexpr std::size_t max_vote_file_bytes = std::size_t{256} << 20;

struct counted_vote {
    utc_instant time;
    bool ship = false;
};

using latest_votes = std::map<std::pair<std::string, std::string>, counted_vote>;

std::string trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return std::string(text);
}

// Vote words and header names are matched whatever their case; ids are not, since a voter id is opaque.
std::string trimmed_lower(std::string_view text) {
    std::string out = trimmed(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string joined(const std::vector<std::string>& fields) {
    std::string out;
    for (const std::string& field : fields) out += (out.empty() ? "" : ",") + field;
    return out;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool header_matches(const csv_record& header) {
    std::vector<std::string> names;
    for (const std::string& field : header.fields) names.push_back(trimmed_lower(field));
    return header.malformed.empty() && joined(names) == vote_export_header;
}

// Checks one data row and counts it; a problem names the row's line.
void count_row(const csv_record& row, const std::string& shown, const catalog& tools, const std::filesystem::path& tools_dir, latest_votes& latest,
               problem_list& problems) {
    const std::string where = "line " + std::to_string(row.line);
    auto bad = [&](std::string expected, std::string found, std::string hint = "") {
        problems.push_back({shown, where, std::move(expected), std::move(found), std::move(hint)});
    };
    if (!row.malformed.empty()) return bad("a CSV row", row.malformed);
    for (std::size_t column = 0; column < row.fields.size(); ++column) {
        const std::string& field = row.fields[column];
        const std::string place = " in column " + std::to_string(column + 1);
        if (field.find('\0') != std::string::npos) return bad("UTF-8 text without NUL bytes", "a NUL byte" + place);
        if (first_ill_formed_utf8(field)) return bad("UTF-8 text", "an ill-formed UTF-8 byte" + place, "export the votes as UTF-8");
    }
    if (row.fields.size() != 4) return bad("4 columns (" + std::string(vote_export_header) + ")", std::to_string(row.fields.size()) + " columns");
    const std::string tool_id = trimmed(row.fields[0]);
    const std::string voter = trimmed(row.fields[1]);
    const std::string vote = trimmed_lower(row.fields[2]);
    std::error_code ec;
    if (!tools.find(tool_id) && std::filesystem::exists(tools_dir / (tool_id + ".json"), ec))
        return bad("the id of a catalog tool", "tool " + in_quotes(tool_id) + ", left out for the problems of its file");
    if (!tools.find(tool_id)) return bad("the id of a catalog tool", "unknown tool " + in_quotes(tool_id), did_you_mean(tool_id, tools.ids()));
    if (voter.empty()) return bad("a voter id", "an empty field");
    if (vote != "ship" && vote != "skip") return bad("a vote of \"ship\" or \"skip\"", in_quotes(row.fields[2]));
    const auto time = parse_iso_timestamp(row.fields[3]);
    if (!time) return bad("an ISO-8601 timestamp with a time zone, e.g. \"2026-04-02T14:05:00Z\"", in_quotes(row.fields[3]));
    // No vote was cast before 1970: an earlier time is a placeholder or a broken export, not a vote to count.
    if (time->seconds < 0) return bad("a time from 1970 on", in_quotes(row.fields[3]));
    const counted_vote candidate{*time, vote == "ship"};
    auto [slot, inserted] = latest.try_emplace({tool_id, voter}, candidate);
    if (!inserted && !(candidate.time < slot->second.time)) slot->second = candidate;
}

void read_vote_file(const std::filesystem::path& file, const catalog& tools, const std::filesystem::path& tools_dir, latest_votes& latest,
                    problem_list& problems) {
    const auto text = read_text_file(file, max_vote_file_bytes, problems);
    if (!text) return;
    const std::string shown = display_path(file);
    const std::vector<csv_record> records = read_csv(*text);
    if (records.empty() || !header_matches(records.front())) {
        const std::string found = records.empty() ? "an empty file" : in_quotes(joined(records.front().fields));
        problems.push_back({shown, "line 1", "the header " + in_quotes(vote_export_header), found, ""});
        return;
    }
    for (std::size_t i = 1; i < records.size(); ++i) count_row(records[i], shown, tools, tools_dir, latest, problems);
}

}  // namespace

std::vector<std::filesystem::path> vote_file_paths(const std::filesystem::path& catalog_dir, problem_list& problems) {
    std::vector<std::filesystem::path> files;
    for (std::filesystem::path& entry : list_optional_folder(catalog_dir / "votes", "a readable folder of vote exports (*.csv)", problems))
        if (trimmed_lower(entry.extension().string()) == ".csv") files.push_back(std::move(entry));
    return files;
}

const community_tally* community_votes::find(std::string_view id) const {
    const auto found = by_tool.find(id);
    return found == by_tool.end() ? nullptr : &found->second;
}

community_votes load_votes(const std::filesystem::path& catalog_dir, const catalog& tools, problem_list& problems) {
    latest_votes latest;
    for (const auto& file : vote_file_paths(catalog_dir, problems)) read_vote_file(file, tools, catalog_dir / "tools", latest, problems);
    community_votes out;
    for (const auto& [key, vote] : latest) {
        community_tally& tally = out.by_tool[key.first];
        ++tally.voters;
        if (vote.ship) ++tally.ship;
        if (!tally.latest || *tally.latest < vote.time) tally.latest = vote.time;
    }
    return out;
}

community_score score_community(const community_tally* tally, const community_rules& rules) {
    community_score score;
    score.min_voters = rules.min_voters;
    if (!tally) return score;
    score.voters = tally->voters;
    score.ship = tally->ship;
    if (tally->voters >= rules.min_voters) score.ship_pct = percent_half_up(tally->ship, tally->voters);
    if (tally->latest) score.latest_date = iso_date_of(*tally->latest);
    return score;
}

}  // namespace verdict
