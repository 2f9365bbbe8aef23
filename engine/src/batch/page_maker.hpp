// Making the pages a batch must make: render each, and write it when its
// bytes changed, on every core.
#pragma once

#include "batch/file_writer.hpp"
#include "batch/manifest.hpp"
#include "batch/output_folder.hpp"
#include "batch/page_plan.hpp"
#include "batch/progress.hpp"
#include "batch/site_tools.hpp"
#include "compare/site_index.hpp"
#include "reports/site_context.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace verdict {

enum class page_result { pending, unchanged, written, failed };

/// One page of the plan, and what became of it; small, since a large site has hundreds of thousands.
struct page_work {
    const planned_page* page = nullptr;            ///< In the plan, which outlives the work.
    const manifest_entry* old = nullptr;           ///< In the old manifest, which outlives the work.
    const std::filesystem::path* shard = nullptr;  ///< When merging: the shard's folder, whose copy of the page is taken as it is.
    manifest_entry entry;
    page_result result = page_result::pending;
    std::unique_ptr<std::string> failure;          ///< Why the page failed; null unless it did.

    void fail(std::string why) {
        result = page_result::failed;
        failure = std::make_unique<std::string>(std::move(why));
    }
};

/// What pages are made from and where they go.
struct page_making {
    const page_plan& plan;
    const panel_config& config;
    const site_tools& tools;
    const site_index& index;
    const site_context& site;
    const output_folder& folder;
    file_writer& writer;
    std::size_t jobs = 1;
    bool force = false;
};

/// Makes every page of `todo`, reporting progress as `done` of `total`. Pages are made in waves, a tool's pages
/// next to each other, and a tool's full review is held only while a wave needs it.
void make_pages(std::vector<page_work*> todo, const page_making& how, progress& report, std::size_t total, std::size_t done);

}  // namespace verdict
