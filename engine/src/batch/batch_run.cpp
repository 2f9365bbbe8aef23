// The order of work follows what the file system costs (creating a file costs
// ten times more than rendering it): decide from the manifest which pages can
// be skipped without rendering; render the rest on every core; write only the
// pages whose bytes changed; delete only what the manifest says the engine
// wrote and the plan no longer has. The manifest is written last, so a run
// that is killed leaves the old one, and the next run redoes what it must.
#include "batch/batch_run.hpp"

#include "batch/content_hash.hpp"
#include "batch/in_parallel.hpp"
#include "batch/manifest.hpp"
#include "batch/output_folder.hpp"
#include "batch/page_inputs.hpp"
#include "batch/page_maker.hpp"
#include "compare/site_index.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace verdict {
namespace {

std::string refusal_of(const output_folder& folder, const problem_list& problems, bool force) {
    if (!folder.error().empty()) return folder.error();
    if (!force && !problems.empty()) return to_string(problems.front());
    return "";
}

// Pages the manifest says the engine wrote and this run no longer makes, deleted in path order so that any
// failures are reported in the same order on every run. A page that cannot be deleted stays in the manifest.
void delete_stale(const manifest& old, const std::vector<page_work>& work, const output_folder& folder, file_writer& writer,
                  std::vector<manifest_line>& next, batch_summary& summary) {
    // Each planned page found its own old entry, if any: when they account for every entry, none is stale.
    const auto found_old = std::count_if(work.begin(), work.end(), [](const page_work& w) { return w.old != nullptr; });
    if (static_cast<std::size_t>(found_old) == old.files.size()) return;
    std::unordered_set<std::string_view> planned;
    planned.reserve(work.size());
    for (const page_work& w : work) planned.insert(w.page->path);
    std::vector<const std::pair<const std::string, manifest_entry>*> stale;
    for (const auto& file : old.files)
        if (!planned.count(file.first)) stale.push_back(&file);
    std::sort(stale.begin(), stale.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    for (const auto* file : stale) {
        const std::string failure = writer.remove(folder.dir() / file->first);
        if (failure.empty()) ++summary.deleted;
        else {
            summary.failures.push_back(failure);
            next.emplace_back(file->first, file->second);   // still ours: the next run tries again
        }
    }
}

// Points every page but the index and the category pages at a shard's copy. Each page must come from exactly one shard, made from the same
// inputs as this run plans; false (with a refusal) when a shard's folder has no usable manifest.
bool take_from_shards(const std::vector<std::filesystem::path>& shards, std::vector<page_work>& work, batch_summary& summary) {
    std::map<std::string, std::pair<std::filesystem::path, manifest_entry>> pages;
    for (const std::filesystem::path& dir : shards) {
        problem_list problems;
        const std::optional<manifest> m = read_manifest(dir, problems);
        if (!m) {
            summary.refusal = problems.empty() ? dir.generic_string() + " has no " + manifest_file_name + ": it is not a shard's output"
                                               : to_string(problems.front());
            return false;
        }
        for (const auto& [path, entry] : m->files)
            if (!pages.emplace(path, std::make_pair(dir, entry)).second) summary.failures.push_back(path + ": made by more than one shard");
    }
    for (page_work& w : work) {
        if (w.page->kind == page_kind::index || w.page->kind == page_kind::category) continue;
        const auto found = pages.find(w.page->path);
        if (found == pages.end() || found->second.second.key != w.page->key) {
            w.result = page_result::failed;
            w.failure = w.page->path + ": " + (found == pages.end() ? "no shard made it" : "its shard was made from other inputs than this run's") +
                        " (run every shard K/N on the same catalog, then merge)";
            continue;
        }
        w.source = found->second.first / w.page->path;
        w.entry = found->second.second;
    }
    return true;
}

// Before any page is written, the claims list every page about to be written as owned but unknown, so a run
// killed part-way leaves a manifest that trusts none of them: the next run makes each again, whatever the killed
// run had written, and still knows the files are the engine's to replace or delete. A folder without a manifest
// gets an empty one first, so that the claims are read.
std::string claim_pages(const std::optional<manifest>& old, const std::vector<page_work*>& todo, const output_folder& folder, file_writer& writer) {
    std::string failure = writer.remove(folder.dir() / input_stamps_file_name);
    if (failure.empty() && !old) failure = writer.write(folder.dir() / manifest_file_name, manifest_text({}));
    if (!failure.empty()) return failure;
    std::vector<std::string_view> paths;
    for (const page_work* w : todo) paths.push_back(w->page->path);
    return writer.write(folder.dir() / claims_file_name, claims_text(paths));
}

// The inputs of a run with no failure, for the next run's no-op check; a run with failures leaves none, so the
// next run reads everything again. The review records hold only tools reviewed without a failure, so they are kept
// either way.
void record_inputs(const batch_request& request, const output_folder& folder, file_writer& writer, batch_summary& summary) {
    const std::string records_failure = request.reviews ? writer.write(folder.dir() / review_records_file_name, review_records_text(*request.reviews)) : "";
    if (!records_failure.empty()) summary.failures.push_back(records_failure);
    const std::filesystem::path file = folder.dir() / input_stamps_file_name;
    if (!summary.failures.empty() || !request.inputs) {
        if (std::string failure = writer.remove(file); !failure.empty()) summary.failures.push_back(failure);
        return;
    }
    if (read_input_stamps(folder.dir()) == request.inputs) return;
    if (std::string failure = writer.write(file, input_stamps_text(*request.inputs)); !failure.empty()) summary.failures.push_back(failure);
}

// Finds each page's old entry and returns the pages that must be made: those whose key changed, whose file is
// missing or of another size, or every one with --force. The others are unchanged without being rendered. Checking
// every file's size is most of a small change's cost, so it runs on every thread.
std::vector<page_work*> pages_to_make(std::vector<page_work>& work, const std::optional<manifest>& old, const output_folder& folder, bool force,
                                      std::size_t jobs) {
    in_parallel(work.size(), jobs, [&](std::size_t i) {
        page_work& w = work[i];
        if (old) {
            const auto found = old->files.find(w.page->path);
            if (found != old->files.end()) w.old = &found->second;
        }
        if (w.result == page_result::failed || force || !w.old || w.old->key != w.page->key || folder.size_of(w.page->path) != w.old->size) return;
        w.result = page_result::unchanged;
        w.entry = *w.old;
    });
    std::vector<page_work*> todo;
    for (page_work& w : work)
        if (w.result == page_result::pending) todo.push_back(&w);
    return todo;
}

// The manifest after the run: each page as made, a page that failed as it was before, stale pages deleted. Its lines
// point at the paths of `work` and `old`, so the manifest is not copied.
void finish_manifest(std::vector<page_work>& work, const std::optional<manifest>& old, bool nothing_made, const output_folder& folder,
                     file_writer& writer, batch_summary& summary) {
    std::vector<manifest_line> next;
    next.reserve(work.size());
    for (page_work& w : work) {
        if (w.result == page_result::failed) summary.failures.push_back(w.failure);
        if (w.result == page_result::written) ++summary.written;
        if (w.result == page_result::unchanged) ++summary.unchanged;
        if (w.result != page_result::failed) next.emplace_back(w.page->path, w.entry);
        else if (w.old) next.emplace_back(w.page->path, *w.old);   // the old file is still there, and still ours
    }
    if (old) delete_stale(*old, work, folder, writer, next, summary);
    // With no page made, every entry is the old one and none was added: the manifest on disk is already right, and
    // a run that changed nothing writes nothing. Otherwise it replaces the claimed one written before the pages.
    if (old && nothing_made && next.size() == old->files.size()) return;
    std::string failure = writer.write(folder.dir() / manifest_file_name, manifest_text(std::move(next)));
    if (failure.empty() && !nothing_made) failure = writer.remove(folder.dir() / claims_file_name);
    if (!failure.empty()) summary.failures.push_back(failure);
}

}  // namespace

batch_summary run_batch(const batch_inputs& inputs, const batch_request& request, file_writer& writer, progress& report) {
    batch_summary summary;
    output_folder folder(request.out_dir, !request.force);
    problem_list problems;
    const std::optional<manifest> old = folder.error().empty() ? read_manifest(folder.dir(), problems) : std::nullopt;
    summary.refusal = refusal_of(folder, problems, request.force);
    if (summary.refusal.empty()) summary.refusal = folder.make_page_folders();
    if (!summary.refusal.empty()) return summary;
    summary.temporaries_cleared = folder.clear_temporaries();

    summary.tools = inputs.tools.summaries().tools.size();
    summary.tools_reviewed = inputs.tools.reviewed();
    summary.failures = inputs.tools.seat_failures();
    const std::vector<page_tool>& tools = inputs.tools.pages();
    const site_index index = make_index(tools, inputs.pairs, inputs.config);
    const std::vector<planned_page> plan = plan_pages(tools, inputs.tools.fingerprints(), index, request.formats, site_fingerprint(inputs.config), request.shard);
    std::vector<page_work> work(plan.size());
    for (std::size_t i = 0; i < plan.size(); ++i) work[i].page = &plan[i];
    if (!request.merge_from.empty() && !take_from_shards(request.merge_from, work, summary)) return summary;
    summary.pages = work.size();
    std::vector<page_work*> todo = pages_to_make(work, old, folder, request.force, request.jobs);
    if (!todo.empty()) {
        summary.refusal = claim_pages(old, todo, folder, writer);
        if (!summary.refusal.empty()) return summary;
    }
    make_pages(todo, {inputs.config, inputs.tools, index, folder, writer, request.jobs, request.force}, report, work.size(), work.size() - todo.size());
    report.finish();

    finish_manifest(work, old, todo.empty(), folder, writer, summary);
    record_inputs(request, folder, writer, summary);
    return summary;
}

}  // namespace verdict
