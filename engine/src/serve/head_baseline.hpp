// The catalog reviewed as it is at git's HEAD, for the persona lab's column
// of what a seat said before the edits in the working tree: the same sides
// `verdict diff --against HEAD` compares. Made once per commit, since a
// review of the whole catalog at HEAD costs as much as the first load.
#pragma once

#include "catalog/catalog.hpp"
#include "catalog/comparisons.hpp"
#include "community/community_votes.hpp"
#include "diff/catalog_diff.hpp"
#include "diff/revision_catalog.hpp"
#include "panel/panel.hpp"
#include "panel/tool_review.hpp"
#include "serve/site_state.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace verdict::serve {

class head_baseline {
public:
    head_baseline(std::filesystem::path catalog_dir, std::filesystem::path persona_dir, host_options host);

    /// What changes between HEAD and `now`, labelled with HEAD's commit; nullopt with `why_none` set when the catalog
    /// is in no git repository or HEAD's catalog cannot be reviewed.
    std::optional<catalog_diff> diff_against(const site_state& now, std::string& label, std::string& why_none);

private:
    struct reviewed;   // the revision's catalog, panel and reviews

    std::filesystem::path catalog_dir_;
    std::filesystem::path persona_dir_;
    host_options host_;
    std::mutex mutex_;   // one review of HEAD at a time; the others wait for it
    std::string commit_;
    std::shared_ptr<const reviewed> head_;
    std::string failure_;
};

}  // namespace verdict::serve
