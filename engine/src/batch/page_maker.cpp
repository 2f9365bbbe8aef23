// Full reviews are the bulk of a batch's memory (every seat's quote, reasons
// and log, and every fact of the tool), so none is held longer than the
// pages that show it take: the pages are ordered so that a tool's pages come
// together, comparisons in the catalog's order (which keeps a category's
// tools near each other) and each tool's own page right after its last
// comparison; each wave takes the full reviews of the tools it needs that the
// last left (read back from where they were set aside, or made when they were
// not: site_tools::review_in_full), and drops the tools no later page needs.
#include "batch/page_maker.hpp"

#include "batch/content_hash.hpp"
#include "batch/in_parallel.hpp"
#include "reports/page_renderers.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <tuple>

namespace verdict {
namespace {

constexpr std::size_t wave_size = 512;
constexpr std::size_t most_kept = 4096;   ///< Tools kept between waves, however the comparisons are spread.

using reviewed_tools = std::map<std::size_t, std::unique_ptr<reviewed_tool>>;

std::string render(const planned_page& page, const page_making& how, const reviewed_tools& tools) {
    const std::string& format = how.plan.format_of(page);
    switch (page.kind) {
    case page_kind::comparison: return render_comparison(compose(tools.at(page.left)->page, tools.at(page.right)->page, how.config), how.site, format);
    case page_kind::tool: return render_tool_page(tools.at(page.left)->page, how.site, format);
    case page_kind::category: return render_category_page(how.index, how.index.categories[page.left], how.site, format);
    case page_kind::index: return render_index(how.index, how.site, format);
    case page_kind::site_file: return render_site_file(how.plan.site_file_of(page), how.index, how.site);
    }
    return {};
}

// A shard's page, checked against what the shard's manifest says it holds.
std::optional<std::string> shard_copy(const page_work& work, const std::string& path, std::string& failure) {
    problem_list problems;
    const std::filesystem::path source = *work.shard / path;
    auto bytes = read_text_file(source, std::size_t{1} << 30, problems);
    if (!bytes) failure = to_string(problems.front());
    else if (hash_of(*bytes) != work.entry.content) failure = source.generic_string() + ": its bytes do not match its shard's manifest";
    return failure.empty() ? bytes : std::nullopt;
}

void make_page(page_work& work, const page_making& how, const reviewed_tools& tools) {
    const std::string path = how.plan.path_of(*work.page);
    std::string bytes;
    std::string failure;
    if (!work.shard) {
        // A page that cannot be rendered fails alone: an exception must not end the run from a worker thread.
        try {
            bytes = render(*work.page, how, tools);
        } catch (const std::exception& e) {
            return work.fail(path + ": could not be rendered: " + e.what());
        }
    } else if (auto copy = shard_copy(work, path, failure)) bytes = std::move(*copy);
    else return work.fail(std::move(failure));
    work.entry = {work.page->key, hash_of(bytes), bytes.size()};
    const bool same_bytes = work.old && work.old->content == work.entry.content && how.folder.size_of(path) == bytes.size();
    if (same_bytes && !how.force) {
        work.result = page_result::unchanged;
        return;
    }
    failure = how.writer.write(how.folder.dir() / path, bytes);
    if (failure.empty()) work.result = page_result::written;
    else work.fail(std::move(failure));
}

// The tools a page shows, reviewed in full; none for the index and for a shard's copy.
std::vector<std::size_t> tools_of(const page_work& w) {
    if (w.shard || w.page->kind == page_kind::index || w.page->kind == page_kind::category || w.page->kind == page_kind::site_file) return {};
    if (w.page->kind == page_kind::tool) return {w.page->left};
    return {w.page->left, w.page->right};
}

// Comparisons in plan order; a tool's own pages right after its last comparison, or after every comparison when it
// has none; the category pages and the index last.
void order_for_locality(std::vector<page_work*>& todo, std::size_t tools) {
    // The pages to make are in plan order, and so in the order of their addresses in the work list.
    std::vector<const page_work*> last_comparison(tools, nullptr);
    for (const page_work* w : todo)
        if (w->page->kind == page_kind::comparison)
            for (std::size_t t : tools_of(*w)) last_comparison[t] = w;
    auto place = [&](const page_work* w) {
        const std::uintptr_t last = std::numeric_limits<std::uintptr_t>::max();
        if (w->page->kind == page_kind::index || w->page->kind == page_kind::category || w->page->kind == page_kind::site_file)
            return std::tuple(last, std::size_t{0}, w);
        if (w->page->kind == page_kind::comparison) return std::tuple(reinterpret_cast<std::uintptr_t>(w), std::size_t{0}, w);
        const page_work* after = last_comparison[w->page->left];
        return std::tuple(after == nullptr ? last - 1 : reinterpret_cast<std::uintptr_t>(after), std::size_t{1} + w->page->left, w);
    };
    std::sort(todo.begin(), todo.end(), [&](const page_work* a, const page_work* b) { return place(a) < place(b); });
}

}  // namespace

void make_pages(std::vector<page_work*> todo, const page_making& how, progress& report, std::size_t total, std::size_t done) {
    order_for_locality(todo, how.tools.pages().size());
    std::vector<std::uint32_t> uses_left(how.tools.pages().size(), 0);
    for (const page_work* w : todo)
        for (std::size_t t : tools_of(*w)) ++uses_left[t];
    reviewed_tools kept;
    std::atomic<std::size_t> made{done};
    for (std::size_t start = 0; start < todo.size(); start += wave_size) {
        const std::vector<page_work*> wave(todo.begin() + static_cast<std::ptrdiff_t>(start),
                                           todo.begin() + static_cast<std::ptrdiff_t>(std::min(start + wave_size, todo.size())));
        std::vector<std::size_t> missing;
        for (const page_work* w : wave)
            for (std::size_t t : tools_of(*w))
                if (!kept.count(t) && std::find(missing.begin(), missing.end(), t) == missing.end()) missing.push_back(t);
        std::vector<std::unique_ptr<reviewed_tool>> reviewed = how.tools.review_in_full(missing);
        for (std::size_t i = 0; i < missing.size(); ++i) kept.emplace(missing[i], std::move(reviewed[i]));

        in_parallel(wave.size(), how.jobs, [&](std::size_t i) {
            make_page(*wave[i], how, kept);
            report.update(++made, total);
        });

        for (const page_work* w : wave)
            for (std::size_t t : tools_of(*w))
                if (--uses_left[t] == 0) kept.erase(t);
        if (kept.size() > most_kept) kept.clear();   // a scattered comparison list: take them again rather than hold them all
    }
}

}  // namespace verdict
