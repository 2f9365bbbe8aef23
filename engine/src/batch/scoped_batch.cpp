#include "batch/scoped_batch.hpp"

#include "batch/folder_stamps.hpp"
#include "batch/input_stamps.hpp"
#include "batch/site_tools.hpp"

#include <algorithm>

namespace verdict {
namespace {

// True when the records outlined hold every tool file `stamps` list, and nothing else.
bool records_cover(const std::vector<tool_outline>& outlines, const input_stamps& stamps, const std::filesystem::path& catalog_dir) {
    if (tool_file_count(stamps, catalog_dir) != outlines.size()) return false;
    return std::all_of(outlines.begin(), outlines.end(), [&stamps](const tool_outline& t) { return stamps.files.count(t.file) > 0; });
}

// True when each changed tool was read and reviewed without a failure, and kept its id, name, category, date and
// panel verdict: what the site's pages outside the scope show of it (the index, the search data, the sitemap and
// feed, the other tools' lists of comparisons) is then as it was.
bool keeps_the_site_shape(const site_tools& tools, const review_records& now, const tool_scope& scope, const review_records& old) {
    if (!tools.problems().empty() || !tools.seat_failures().empty() || tools.reviewed() != scope.changed.size()) return false;
    for (const std::size_t i : scope.changed) {
        const auto made = now.by_file.find(scope.files[i]);
        if (made == now.by_file.end()) return false;
        const tool_summary& before = old.by_file.at(scope.files[i]).summary;
        const tool_summary& after = made->second.summary;
        if (after.id != before.id || after.name != before.name || after.category != before.category || after.updated != before.updated) return false;
        const panel_verdict& was = old.by_file.at(scope.files[i]).verdict;
        const panel_verdict& is = made->second.verdict;
        if (was.ship_pct != is.ship_pct || was.mean_score != is.mean_score) return false;
    }
    return true;
}

}  // namespace

std::optional<batch_summary> run_scoped_batch(const panel& seats, const site_settings& site, const std::filesystem::path& catalog_dir,
                                              const std::vector<std::string>& changed, batch_request request, batch_output& out, file_writer& writer,
                                              progress& report) {
    if (request.force || request.shard || !request.merge_from.empty() || !request.inputs) return std::nullopt;
    state_database& state = *out.state;
    const std::optional<std::vector<tool_outline>> outlines = read_tool_outlines(state);
    if (!outlines || !records_cover(*outlines, *request.inputs, catalog_dir) || !intact_pages(state, out.folder, request.jobs)) return std::nullopt;
    std::vector<paired_tool> paired;
    paired.reserve(outlines->size());
    for (const tool_outline& t : *outlines) paired.push_back({t.id, t.category});
    const std::optional<std::string> key = comparisons_key(catalog_dir, paired);
    const std::optional<pair_record> all_pairs = key ? read_pair_record(state, *key, outlines->size()) : std::nullopt;
    const std::optional<tool_scope> scope = all_pairs ? scope_of(*outlines, *all_pairs, changed) : std::nullopt;
    if (!scope) return std::nullopt;
    // The records of the scope's tools alone: the rest of the site is as the last run left it.
    const std::optional<review_records> records = read_review_records(state, scope->files);
    if (!records || records->by_file.size() != scope->files.size()) return std::nullopt;

    site_tools tools(seats, catalog_dir, scope->files, &*records, request.inputs->files, request.jobs, request.history);
    review_records made = tools.records();
    // A change of a verdict also goes into the site's feed of changes, which the scope leaves as it was.
    if (!keeps_the_site_shape(tools, made, *scope, *records) || (request.history && request.history->changes_staged())) return std::nullopt;
    // The votes are as the last run read them, without a problem: what they say of tools out of the scope is not
    // needed, and would only read as votes on unknown tools. A vote file that cannot be read at all is another matter.
    problem_list out_of_scope;
    const community_votes votes = load_votes(catalog_dir, tools.summaries(), out_of_scope);
    if (any_fatal(out_of_scope)) return std::nullopt;   // the whole run reports it, and refuses
    tools.attach_votes(votes);
    const std::vector<comparison_pair> pairs = pairs_in({*key, scope->pairs}, tools.summaries());

    const std::size_t tool_count = outlines->size();
    // The records of the scope's other tools are the state's own, taken from it: only the changed tools' are written.
    review_records changed_records{made.environment, {}};
    for (const std::size_t i : scope->changed)
        if (auto record = made.by_file.extract(scope->files[i])) changed_records.by_file.insert(std::move(record));
    request.reviews = std::move(changed_records);
    request.reviews_partial = true;
    batch_summary summary = run_batch({seats.config(), site, tools, pairs, &*scope}, request, out, writer, report);
    summary.tools = tool_count;
    return summary;
}

}  // namespace verdict
