// The catalog reviewed as it is at git's HEAD, for the persona lab's column
// of what a seat said before the edits in the working tree: the same sides
// `verdict diff --against HEAD` compares. HEAD's review costs as much as the
// first load, so it is made once per commit, away from the requests: until it
// is ready the lab says so, and the lab reloads when it is.
#pragma once

#include "diff/catalog_diff.hpp"
#include "serve/site_state.hpp"
#include "workers/supervised_host.hpp"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace verdict::serve {

class head_baseline {
public:
    head_baseline(std::filesystem::path catalog_dir, std::filesystem::path persona_dir, host_options host);
    ~head_baseline();
    head_baseline(const head_baseline&) = delete;
    head_baseline& operator=(const head_baseline&) = delete;

    /// Called, from another thread, each time a review of HEAD is ready.
    void on_ready(std::function<void()> ready);
    /// Calls on_ready no more, and waits for a review under way: before what on_ready reaches goes away.
    void stop();

    /// What changes between HEAD and `now`, with `label` set to HEAD's commit; nullopt with `why_none` set while HEAD
    /// is being reviewed, or when the catalog is in no git repository or HEAD's catalog cannot be reviewed.
    std::optional<catalog_diff> diff_against(const site_state& now, std::string& label, std::string& why_none);

private:
    struct reviewed;   // the revision's catalog, panel and reviews

    void review(std::string commit, std::vector<std::string> seat_ids);

    std::filesystem::path catalog_dir_;
    std::filesystem::path persona_dir_;
    host_options host_;
    std::mutex mutex_;   // guards everything below
    std::optional<std::chrono::steady_clock::time_point> checked_;   // when HEAD's commit was last asked of git
    std::optional<std::string> head_commit_;                         // what git said then
    std::string reviewed_commit_;                                    // the commit reviewed, or being reviewed
    std::shared_ptr<const reviewed> head_;
    std::string failure_;
    bool busy_ = false;
    std::vector<std::thread> reviewing_;   // one a commit, joined by stop(): never joined while a lab page waits on mutex_
    std::function<void()> ready_;
};

}  // namespace verdict::serve
