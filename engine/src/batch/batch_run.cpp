// The order of work follows what the file system costs (creating a file costs
// ten times more than rendering it): decide from the manifest which pages can
// be skipped without rendering; render the rest on every core; write only the
// pages whose bytes changed; delete only what the manifest says the engine
// wrote and the plan no longer has. The state changes in two transactions:
// the claims before the first page is written, and everything the run
// learnt after the last, so a run that is killed leaves the pages it claimed
// listed as made from nothing known, and the next run makes them again.
#include "batch/batch_run.hpp"

#include "batch/content_hash.hpp"
#include "batch/folder_stamps.hpp"
#include "batch/in_parallel.hpp"
#include "batch/manifest.hpp"
#include "batch/batch_output.hpp"
#include "batch/output_folder.hpp"
#include "batch/page_inputs.hpp"
#include "batch/page_maker.hpp"
#include "compare/site_index.hpp"
#include "support/text_file.hpp"

#include <algorithm>

namespace verdict {
namespace {

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
// failures are reported in the same order on every run; returns those deleted. A page that cannot be deleted stays
// in the manifest.
std::vector<std::string> delete_stale(const manifest& old, const std::vector<page_work>& work, const output_folder& folder, file_writer& writer,
                                      batch_summary& summary) {
    std::vector<bool> accounted;
    std::vector<std::string> deleted;
    if (mark_accounted(old, work, accounted) == old.size()) return deleted;
    for (std::string& path : old.paths_not_in(accounted)) {
        const std::string failure = writer.remove(folder.dir() / path);
        if (!failure.empty()) summary.failures.push_back(failure);   // still ours: the next run tries again
        else deleted.push_back(std::move(path));
    }
    summary.deleted = deleted.size();
    return deleted;
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
// shard, made from the same inputs as this run plans; false (with a refusal) when a shard's folder has no state this
// engine reads.
bool take_from_shards(const std::vector<std::filesystem::path>& shards, const page_plan& plan, std::vector<page_work>& work, batch_summary& summary) {
    std::vector<std::unique_ptr<state_database>> states;
    std::vector<manifest> made;
    for (const std::filesystem::path& dir : shards) {
        states.push_back(state_database::open_to_read(dir, summary.refusal));
        if (!states.back()) return false;
        made.push_back(read_manifest(*states.back()));
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

// Before any page is written, the claims list every page about to be written as owned but made from nothing known,
// so a run killed part-way leaves a manifest that trusts none of them: the next run makes each again, whatever the
// killed run had written, and still knows the files are the engine's to replace or delete. The run's row, unfinished
// until the run ends, tells the next run to look for the temporaries a killed write leaves; and the inputs are no
// longer a complete run's until the run ends with no failure.
void claim_pages(const page_plan& plan, const std::vector<page_work*>& todo, state_database& state, std::string_view rule_set, std::int64_t& run) {
    sqlite_transaction t(state.db());
    run = state.begin_run(rule_set);
    state.set_meta("inputs_environment", std::nullopt);
    page_rows rows(state);
    for (const page_work* w : todo) rows.set(plan.path_of(*w->page), unknown_entry);
    t.commit();
}

// Finds each page's old entry and returns the pages that must be made: those whose key changed, whose file is
// missing or of another size, or every one with --force. The others are unchanged without being rendered. Checking
// every file's size is most of a small change's cost, so it runs on every thread.
std::vector<page_work*> pages_to_make(const page_plan& plan, std::vector<page_work>& work, const manifest& old, const output_folder& folder, bool force,
                                      std::size_t jobs) {
    in_parallel(work.size(), jobs, [&](std::size_t i) {
        page_work& w = work[i];
        const std::string path = plan.path_of(*w.page);
        w.old = old.find(path, i);
        if (w.result == page_result::failed || force || !w.old || w.old->key != w.page->key || folder.size_of(path) != w.old->size) return;
        w.result = page_result::unchanged;
        w.entry = *w.old;
    });
    std::vector<page_work*> todo;
    for (page_work& w : work)
        if (w.result == page_result::pending) todo.push_back(&w);
    return todo;
}

std::vector<std::string> paths_of(const page_plan& plan) {
    std::vector<std::string> paths;
    paths.reserve(plan.pages().size());
    for (const planned_page& page : plan.pages()) paths.push_back(plan.path_of(page));
    return paths;
}

// Counts what became of the pages, and lists the pages that failed.
void count_pages(const std::vector<page_work>& work, batch_summary& summary) {
    for (const page_work& w : work) {
        if (w.result == page_result::failed) summary.failures.push_back(*w.failure);
        if (w.result == page_result::written) ++summary.written;
        if (w.result == page_result::unchanged) ++summary.unchanged;
    }
}

// The manifest's rows for the pages of `work` whose entry changed: each page as made; a page that failed as it was
// before (its old file is still there, and still ours), or not at all when it had none; and none of `deleted`.
void record_pages(const page_plan& plan, const std::vector<page_work>& work, const std::vector<std::string>& deleted, state_database& state) {
    page_rows rows(state);
    for (const page_work& w : work) {
        if (w.result == page_result::failed) {
            if (w.old) rows.set(plan.path_of(*w.page), *w.old);
            else rows.remove(plan.path_of(*w.page));
        } else if (!w.old || !(*w.old == w.entry)) rows.set(plan.path_of(*w.page), w.entry);
    }
    for (const std::string& path : deleted) rows.remove(path);
}

// The page folders, with the times the state holds and the times they had before any page of the run was checked.
struct page_folder_times {
    folder_stamps held;
    folder_set folders;
    folder_stamps before;
};

// The folders the pages are in: after a whole run, those of the pages it plans; after a scoped one, those already
// recorded, since its pages are in them.
folder_set page_folders_of(const page_plan& plan, const std::vector<page_work>& work, bool scoped, const folder_stamps& held) {
    folder_set folders;
    if (scoped)
        for (const auto& stamp : held) folders.insert(stamp.first);
    else
        for (const page_work& w : work)
            if (const std::string path = plan.path_of(*w.page); folders.find(folder_of(path)) == folders.end()) folders.emplace(folder_of(path));
    return folders;
}

// The folders this run created, renamed or deleted files in: those of the pages it wrote and deleted, and the folder
// above a Markdown category page's own folder when the run made that folder (it was not there when the run began) or
// removed it with its one page.
folder_set folders_written(const page_plan& plan, const std::vector<page_work>& work, const std::vector<std::string>& deleted,
                           const folder_stamps& before, const output_folder& folder) {
    folder_set written;
    auto add = [&](std::string_view path, bool folder_made) {
        const std::string_view holder = folder_of(path);
        written.emplace(holder);
        if (folder_made) written.emplace(folder_of(holder));
    };
    for (const page_work& w : work)
        if (w.result == page_result::written) {
            const std::string path = plan.path_of(*w.page);
            add(path, !before.count(std::string(folder_of(path))));
        }
    for (const std::string& path : deleted) add(path, !folder.folder_changed_ns(std::string(folder_of(path))));
    return written;
}

// The folders' stamps that spare the next run checking every page (folder_stamps.hpp), or none after a run with a
// failure, whose pages the state may not list as they are on disk. A folder the run wrote nothing in must end the
// run with the time it had `before` any page was checked: a different one means another program changed it
// meanwhile, and the next run checks every page.
std::optional<folder_stamps> stamps_after(const folder_set& folders, const folder_set& written, const folder_stamps& before, const folder_stamps& held,
                                          const output_folder& folder, const batch_summary& summary) {
    if (!summary.failures.empty() || folders.empty()) return std::nullopt;
    const bool same_folders =
        std::equal(folders.begin(), folders.end(), held.begin(), held.end(), [](const std::string& f, const auto& stamp) { return f == stamp.first; });
    if (same_folders && folders_unchanged(folder, held)) return held;   // nothing was written in them: no need to take the clock
    std::optional<folder_stamps> now = stamp_folders(folder, folders);
    if (!now) return std::nullopt;
    for (const auto& [path, changed_ns] : *now) {
        const auto was = before.find(path);
        if (!written.count(path) && (was == before.end() || was->second != changed_ns)) return std::nullopt;
    }
    return now;
}

// What the run learnt, in one transaction: the pages as made, the records for the next run, the verdicts' changes, the
// inputs of a run with no failure (a run with failures leaves none, so the next run reads everything again), the
// folders' stamps, and the run's row. A run that changed nothing writes nothing. The review records hold only tools
// reviewed without a failure, and the pair record only comparisons read without a problem, so they are kept either way.
void record_run(const page_plan& plan, const std::vector<page_work>& work, const std::vector<std::string>& deleted, const batch_request& request,
                const output_folder& folder, const page_folder_times& times, std::string_view rule_set, std::optional<std::int64_t> run,
                state_database& state, batch_summary& summary) {
    const std::optional<input_stamps> inputs = summary.failures.empty() ? request.inputs : std::nullopt;
    try {
        std::optional<input_stamps> read_now;
        const std::optional<input_stamps>& held = request.held_inputs ? *request.held_inputs : (read_now = read_input_stamps(state));
        const std::optional<folder_stamps> folders =
            stamps_after(times.folders, folders_written(plan, work, deleted, times.before, folder), times.before, times.held, folder, summary);
        const bool folders_changed = folders ? *folders != times.held : !times.held.empty();
        const bool history_staged = request.history && request.history->staged();
        if (!run && deleted.empty() && !request.reviews && !request.pairs && !history_staged && held == inputs && !folders_changed) return;
        sqlite_transaction t(state.db());
        if (!run) run = state.begin_run(rule_set);
        if (request.history) request.history->publish(*run);
        record_pages(plan, work, deleted, state);
        if (request.reviews) record_review_records(state, *request.reviews, !request.reviews_partial);
        if (request.pairs) record_pair_record(state, *request.pairs);
        record_input_stamps(state, inputs, held);
        if (folders_changed) record_folder_stamps(state, folders);
        state.end_run(*run, {summary.tools, summary.tools_reviewed, summary.pages, summary.written, summary.unchanged, summary.deleted, summary.failures.size()},
                      !summary.failures.empty());
        t.commit();
    } catch (const sqlite_error& e) {
        summary.failures.push_back(std::string("cannot record the run in ") + e.what() + "; the next run makes its pages again");
    }
}

}  // namespace

batch_summary run_batch(const batch_inputs& inputs, const batch_request& request, batch_output& out, file_writer& writer, progress& report) {
    batch_summary summary;
    summary.refusal = out.refusal;
    summary.cannot_write = out.cannot_write;
    if (summary.refusal.empty()) {
        summary.refusal = out.folder.make_page_folders();
        summary.cannot_write = !summary.refusal.empty();
    }
    if (!summary.refusal.empty()) return summary;
    state_database& state = *out.state;
    const output_folder& folder = out.folder;

    summary.tools = inputs.tools.summaries().tools.size();
    summary.tools_reviewed = inputs.tools.reviewed();
    summary.failures = inputs.tools.seat_failures();
    const std::vector<page_tool>& tools = inputs.tools.pages();
    site_index index = inputs.scope ? make_index(tools, inputs.pairs, inputs.config, inputs.scope->all_categories) : make_index(tools, inputs.pairs, inputs.config);
    if (request.history) index.changes = request.history->latest(feed_changes);
    const page_plan plan(tools, inputs.tools.fingerprints(), index, request.formats, site_fingerprint(inputs.config, inputs.site), request.shard,
                         scope_filter(inputs.scope, index, tools.size()), site_files_of(index, inputs.site));
    std::vector<page_work> work(plan.pages().size());
    for (std::size_t i = 0; i < work.size(); ++i) work[i].page = &plan.pages()[i];
    // A scope plans a few pages of a large site: their entries are looked up, not the whole table read.
    const manifest old = inputs.scope ? read_manifest(state, paths_of(plan)) : read_manifest(state);
    // Pages are written only after they are claimed, and a run's row stays unfinished until it ends: with every run
    // finished, no page write can have been cut short.
    summary.temporaries_cleared = folder.clear_temporaries(old.size() == 0 || old.has_claims() || request.force);
    if (!request.merge_from.empty() && !take_from_shards(request.merge_from, plan, work, summary)) return summary;
    summary.pages = work.size();
    // A scoped run's pages out of its scope were found in place by the recorded times themselves.
    page_folder_times times{read_folder_stamps(state), {}, {}};
    times.folders = page_folders_of(plan, work, inputs.scope != nullptr, times.held);
    times.before = inputs.scope ? times.held : folder_times(folder, times.folders);
    std::vector<page_work*> todo = pages_to_make(plan, work, old, folder, request.force, request.jobs);
    if (!inputs.scope) {
        std::vector<bool> accounted;
        const std::size_t stale = old.size() - mark_accounted(old, work, accounted);
        summary.refusal = deletion_refusal(old, accounted, stale, request);
        if (!summary.refusal.empty()) return summary;
    }
    std::optional<std::int64_t> run;
    if (!todo.empty()) {
        try {
            run.emplace();
            claim_pages(plan, todo, state, inputs.config.rule_set, *run);
        } catch (const sqlite_error& e) {
            summary.refusal = std::string("cannot claim the pages about to be written in ") + e.what();
            summary.cannot_write = true;
            return summary;
        }
    }
    const site_context site{inputs.site, site_links(index)};
    make_pages(todo, {plan, inputs.config, inputs.tools, index, site, folder, writer, request.jobs, request.force}, report, work.size(),
               work.size() - todo.size());
    report.finish();

    count_pages(work, summary);
    std::vector<std::string> deleted;
    if (inputs.scope) {
        // The pages out of the scope are as the last run made them, and stay listed.
        summary.pages = page_count(state);
        summary.unchanged += summary.pages - work.size();
    } else {
        deleted = delete_stale(old, work, folder, writer, summary);
    }
    record_run(plan, work, deleted, request, folder, times, inputs.config.rule_set, run, state, summary);
    return summary;
}

}  // namespace verdict
