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
#include "support/text_file.hpp"

#include <algorithm>
#include <unordered_map>

namespace verdict {
namespace {

std::string refusal_of(const output_folder& folder, const problem_list& problems, bool force) {
    if (!folder.error().empty()) return folder.error();
    if (!force && !problems.empty()) return to_string(problems.front());
    return "";
}

// Marks the old entries that planned pages found (each page found its own, if any), and returns how many were found:
// when they account for every entry, none is stale.
std::size_t mark_accounted(const manifest& old, const std::vector<page_work>& work, std::vector<bool>& accounted) {
    accounted.assign(old.size(), false);
    std::size_t found = 0;
    for (const page_work& w : work)
        if (w.old && !accounted[old.position(w.old)]) {
            accounted[old.position(w.old)] = true;
            ++found;
        }
    return found;
}

// A run that would delete many of the site's pages is more likely a damaged catalog, a wrong --catalog or a --shard
// into a whole site's folder than an edit: it stops before changing anything, naming what it would delete, unless
// told that this is meant. Empty when the run may go on.
std::string deletion_refusal(const manifest& old, const std::vector<bool>& accounted, std::size_t stale, const batch_request& request) {
    if (request.allow_deletions || (stale <= max_unasked_deletions && stale * 4 <= old.size())) return "";
    std::string out = "stopped before changing anything: this run would delete " + std::to_string(stale) + " of the " + std::to_string(old.size()) +
                      " files in " + display_path(request.out_dir) + ", as pages this run no longer makes (more than " +
                      (stale > max_unasked_deletions ? std::to_string(max_unasked_deletions) : std::string("a quarter of them")) + ")";
    if (request.shard) out += "; a --shard run makes only its slice of the site, so give each shard a folder of its own";
    out += ". If the catalog and the options are as they should be, run again with --allow-deletions. They begin:";
    const std::vector<std::string> paths = old.paths_not_in(accounted);
    constexpr std::size_t shown = 10;
    for (std::size_t i = 0; i < paths.size() && i < shown; ++i) out += "\n  " + display_path(request.out_dir / paths[i]);
    if (paths.size() > shown) out += "\n  and " + std::to_string(paths.size() - shown) + " more";
    return out;
}

// Pages the manifest says the engine wrote and this run no longer makes, deleted in path order so that any
// failures are reported in the same order on every run. A page that cannot be deleted stays in the manifest: it is
// returned, with its entry.
std::vector<std::pair<std::string, manifest_entry>> delete_stale(const manifest& old, const std::vector<page_work>& work, const output_folder& folder,
                                                                 file_writer& writer, batch_summary& summary) {
    std::vector<bool> accounted;
    std::vector<std::pair<std::string, manifest_entry>> kept;
    if (mark_accounted(old, work, accounted) == old.size()) return kept;
    for (std::string& path : old.paths_not_in(accounted)) {
        const std::string failure = writer.remove(folder.dir() / path);
        if (failure.empty()) ++summary.deleted;
        else {
            summary.failures.push_back(failure);
            const manifest_entry entry = *old.find(path);
            kept.emplace_back(std::move(path), entry);   // still ours: the next run tries again
        }
    }
    return kept;
}

// A scope's pages: those of its tools, their comparisons, and its categories'. The index shows only the
// categories' names and sizes, and the latest date of their data, which a scope leaves as they were.
page_plan::page_filter scope_filter(const tool_scope* scope, const site_index& index, std::size_t tool_count) {
    if (!scope) return {};
    std::vector<bool> reached(tool_count, false);
    for (const std::size_t i : scope->changed) reached[i] = true;
    return [reached = std::move(reached), scope, &index](const planned_page& page) {
        switch (page.kind) {
        case page_kind::comparison: return reached[page.left] || reached[page.right];
        case page_kind::tool: return static_cast<bool>(reached[page.left]);
        case page_kind::category: return scope->categories.count(index.categories[page.left].name) > 0;
        case page_kind::index:
        case page_kind::site_file: return false;
        }
        return false;
    };
}

// Points every page but the index and the category pages at a shard's copy. Each page must come from exactly one
// shard, made from the same inputs as this run plans; false (with a refusal) when a shard's folder has no usable
// manifest.
bool take_from_shards(const std::vector<std::filesystem::path>& shards, const page_plan& plan, std::vector<page_work>& work, batch_summary& summary) {
    std::vector<manifest> made;
    for (const std::filesystem::path& dir : shards) {
        problem_list problems;
        std::optional<manifest> m = read_manifest(dir, problems);
        if (!m) {
            summary.refusal = problems.empty() ? dir.generic_string() + " has no " + manifest_file_name + ": it is not a shard's output"
                                               : to_string(problems.front());
            return false;
        }
        made.push_back(std::move(*m));
    }
    for (page_work& w : work) {
        if (w.page->kind == page_kind::index || w.page->kind == page_kind::category || w.page->kind == page_kind::site_file) continue;
        const std::string path = plan.path_of(*w.page);
        for (std::size_t i = 0; i < made.size(); ++i) {
            const manifest_entry* entry = made[i].find(path);
            if (!entry) continue;
            if (w.shard) {
                summary.failures.push_back(path + ": made by more than one shard");
                continue;
            }
            w.shard = &shards[i];
            w.entry = *entry;
        }
        if (!w.shard || w.entry.key != w.page->key)
            w.fail(path + ": " + (!w.shard ? "no shard made it" : "its shard was made from other inputs than this run's") +
                   " (run every shard K/N on the same catalog, then merge)");
    }
    return true;
}

// Before any page is written, the claims list every page about to be written as owned but unknown, so a run
// killed part-way leaves a manifest that trusts none of them: the next run makes each again, whatever the killed
// run had written, and still knows the files are the engine's to replace or delete. A folder without a manifest
// gets an empty one first, so that the claims are read.
std::string claim_pages(const std::optional<manifest>& old, const page_plan& plan, const std::vector<page_work*>& todo, const output_folder& folder,
                        file_writer& writer) {
    std::string failure = writer.remove(folder.dir() / input_stamps_file_name);
    if (failure.empty() && !old) failure = write_manifest(writer, folder.dir(), [](std::string&, manifest_entry&) { return false; });
    if (!failure.empty()) return failure;
    std::size_t next = 0;
    return write_claims(writer, folder.dir(), [&](std::string& path) {
        if (next == todo.size()) return false;
        path = plan.path_of(*todo[next++]->page);
        return true;
    });
}

// The inputs of a run with no failure, for the next run's no-op check; a run with failures leaves none, so the
// next run reads everything again. The review records hold only tools reviewed without a failure, and the pair
// record only comparisons read without a problem, so they are kept either way.
void record_inputs(const batch_request& request, const output_folder& folder, file_writer& writer, batch_summary& summary) {
    for (const std::string& failure : {request.reviews ? write_review_records(writer, folder.dir(), *request.reviews) : std::string(),
                                       request.pairs ? write_pair_record(writer, folder.dir(), *request.pairs) : std::string()})
        if (!failure.empty()) summary.failures.push_back(failure);
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
std::vector<page_work*> pages_to_make(const page_plan& plan, std::vector<page_work>& work, const std::optional<manifest>& old,
                                      const output_folder& folder, bool force, std::size_t jobs) {
    in_parallel(work.size(), jobs, [&](std::size_t i) {
        page_work& w = work[i];
        if (!old) return;
        const std::string path = plan.path_of(*w.page);
        w.old = old->find(path, i);
        if (w.result == page_result::failed || force || !w.old || w.old->key != w.page->key || folder.size_of(path) != w.old->size) return;
        w.result = page_result::unchanged;
        w.entry = *w.old;
    });
    std::vector<page_work*> todo;
    for (page_work& w : work)
        if (w.result == page_result::pending) todo.push_back(&w);
    return todo;
}

// A scoped run's manifest: the old one, in its order, with each page made as made and each page new to it (a
// scope plans none when the site's pages are the same) added after. A page that failed is listed as it was.
std::string rewrite_scoped_manifest(const page_plan& plan, const std::vector<page_work>& work, const output_folder& folder, file_writer& writer) {
    std::unordered_map<std::string, manifest_entry> made;
    std::vector<std::pair<std::string, manifest_entry>> added;
    for (const page_work& w : work) {
        if (w.result == page_result::failed) continue;
        if (w.old) made.emplace(plan.path_of(*w.page), w.entry);
        else added.emplace_back(plan.path_of(*w.page), w.entry);
    }
    return rewrite_manifest(writer, folder.dir(), [&](std::string_view path) {
        const auto found = made.find(std::string(path));
        return found == made.end() ? nullptr : &found->second;
    }, added);
}

// The manifest after the run, in the plan's order: each page as made, a page that failed as it was before, then the
// stale pages that could not be deleted. Its lines are made as they are written, so it is never held whole. A scoped
// run lists the pages out of its scope as they were, and deletes none.
void finish_manifest(const page_plan& plan, const std::vector<page_work>& work, const std::optional<manifest>& old, bool nothing_made, bool scoped,
                     const output_folder& folder, file_writer& writer, batch_summary& summary) {
    std::size_t lines = 0;
    for (const page_work& w : work) {
        if (w.result == page_result::failed) summary.failures.push_back(*w.failure);
        if (w.result == page_result::written) ++summary.written;
        if (w.result == page_result::unchanged) ++summary.unchanged;
        lines += w.result != page_result::failed || w.old;   // a failed page's old file is still there, and still ours
    }
    if (scoped) {
        summary.pages = old->size();
        summary.unchanged += old->size() - work.size();
        std::string failure = nothing_made ? "" : rewrite_scoped_manifest(plan, work, folder, writer);
        if (failure.empty() && !nothing_made) failure = writer.remove(folder.dir() / claims_file_name);
        if (!failure.empty()) summary.failures.push_back(failure);
        return;
    }
    std::vector<std::pair<std::string, manifest_entry>> kept;
    if (old) kept = delete_stale(*old, work, folder, writer, summary);
    // With no page made, every entry is the old one and none was added: the manifest on disk is already right, and
    // a run that changed nothing writes nothing. Otherwise it replaces the claimed one written before the pages.
    if (old && nothing_made && lines + kept.size() == old->size()) return;
    std::size_t next = 0;
    std::size_t next_kept = 0;
    std::string failure = write_manifest(writer, folder.dir(), [&](std::string& path, manifest_entry& entry) {
        for (; next < work.size(); ++next) {
            const page_work& w = work[next];
            if (w.result == page_result::failed && !w.old) continue;
            path = plan.path_of(*w.page);
            entry = w.result == page_result::failed ? *w.old : w.entry;
            ++next;
            return true;
        }
        if (next_kept == kept.size()) return false;
        path = kept[next_kept].first;
        entry = kept[next_kept++].second;
        return true;
    });
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
    summary.cannot_write = folder.cannot_write();
    if (summary.refusal.empty()) {
        summary.refusal = folder.make_page_folders();
        summary.cannot_write = !summary.refusal.empty();
    }
    if (!summary.refusal.empty()) return summary;
    // Pages are written only after they are claimed, and the claims stay until the manifest is written: without
    // them (and with a manifest) no page write can have been cut short.
    summary.temporaries_cleared = folder.clear_temporaries(!old || old->has_claims() || request.force);

    summary.tools = inputs.tools.summaries().tools.size();
    summary.tools_reviewed = inputs.tools.reviewed();
    summary.failures = inputs.tools.seat_failures();
    const std::vector<page_tool>& tools = inputs.tools.pages();
    const site_index index = inputs.scope ? make_index(tools, inputs.pairs, inputs.config, inputs.scope->all_categories) : make_index(tools, inputs.pairs, inputs.config);
    const page_plan plan(tools, inputs.tools.fingerprints(), index, request.formats, site_fingerprint(inputs.config, inputs.site), request.shard,
                         scope_filter(inputs.scope, index, tools.size()), site_files_of(index, inputs.site));
    std::vector<page_work> work(plan.pages().size());
    for (std::size_t i = 0; i < work.size(); ++i) work[i].page = &plan.pages()[i];
    if (!request.merge_from.empty() && !take_from_shards(request.merge_from, plan, work, summary)) return summary;
    summary.pages = work.size();
    std::vector<page_work*> todo = pages_to_make(plan, work, old, folder, request.force, request.jobs);
    if (old && !inputs.scope) {
        std::vector<bool> accounted;
        const std::size_t stale = old->size() - mark_accounted(*old, work, accounted);
        summary.refusal = deletion_refusal(*old, accounted, stale, request);
        if (!summary.refusal.empty()) return summary;
    }
    if (!todo.empty()) {
        summary.refusal = claim_pages(old, plan, todo, folder, writer);
        if (!summary.refusal.empty()) return summary;
    }
    const site_context site{inputs.site, site_links(index)};
    make_pages(todo, {plan, inputs.config, inputs.tools, index, site, folder, writer, request.jobs, request.force}, report, work.size(),
               work.size() - todo.size());
    report.finish();

    finish_manifest(plan, work, old, todo.empty(), inputs.scope && old, folder, writer, summary);
    record_inputs(request, folder, writer, summary);
    return summary;
}

}  // namespace verdict
