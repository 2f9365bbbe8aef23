// The catalog as `verdict serve` holds it: loaded and reviewed once, then kept
// current as files change, re-reviewing only what a change reaches. Requests
// read the current snapshot while a reload makes the next one; a reload that
// breaks something (a file that does not parse, a persona that does not load)
// keeps the last good snapshot and reports its problems instead.
#pragma once

#include "serve/catalog_change.hpp"
#include "serve/live_problem.hpp"
#include "serve/site_state.hpp"
#include "workers/supervised_host.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace verdict::serve {

/// What one reload did, for the terminal's line.
struct reload_report {
    std::string what;            ///< What it re-reviewed: "claw-code (4 seats)", "seat skeptic on 1204 tools"...
    double seconds = 0;
    std::size_t problems = 0;    ///< Problems standing after it, of every file.
    bool kept_last_good = false; ///< It broke something, so the pages stay as they were.
};

class live_catalog {
public:
    live_catalog(std::filesystem::path catalog_dir, std::filesystem::path persona_dir, host_options host);

    /// Loads and reviews everything.
    reload_report load();
    /// Reads and reviews again what `change` reaches.
    reload_report apply(const catalog_change& change);

    /// The pages' current snapshot; null when nothing could be loaded yet.
    std::shared_ptr<const site_state> current() const;
    /// Every problem standing, of every file read.
    std::vector<live_problem> problems() const;

    /// What the files `changed` reach: those the catalog does not read reach nothing.
    catalog_change classify(const std::vector<std::filesystem::path>& changed) const;
    /// The folders whose files the catalog reads: the catalog's, tools/, votes/, and each seat's persona's.
    std::vector<std::filesystem::path> folders() const;

    const std::filesystem::path& catalog_dir() const { return catalog_dir_; }
    const host_options& host() const { return host_; }

private:
    // The next snapshot for `change`, from `base` (null: from nothing); its problems are set by source as it goes.
    std::unique_ptr<site_state> rebuild(const site_state* base, const catalog_change& change, std::string& what);
    std::unique_ptr<site_state> load_everything(std::string& what);
    bool read_tool_files(site_state& state, const catalog_change& change, std::string& what);
    void set_problems(const std::string& source, std::vector<live_problem> problems);
    // Whether a problem stands for a source `change` reaches (other than a tool file, which keeps its last good tool).
    bool broke(const catalog_change& change) const;

    std::filesystem::path catalog_dir_;
    std::filesystem::path persona_dir_;
    host_options host_;

    mutable std::mutex mutex_;                                   // guards current_ and problems_
    std::shared_ptr<const site_state> current_;
    std::map<std::string, std::vector<live_problem>> problems_;  // by source: "panel", "comparisons", a tool file...
    catalog_change pending_;                                     // what reloads that kept the last good pages left out
};

}  // namespace verdict::serve
