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
    std::string what;              ///< What it re-reviewed: "claw-code (4 seats)", "seat skeptic on 1204 tools"... or "nothing".
    double seconds = 0;
    std::size_t failed_reviews = 0;   ///< Of the reviews it made, those whose seat failed: they show as failed seats.
    std::size_t problems = 0;      ///< Problems standing after it, of every file.
    std::string held_back;         ///< What it could not take because it broke (its pages stay as they were); or empty.
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

    /// `r` of `state` with how seat `seat_id` would review its tool if it does not sit there (add_unseated_review),
    /// reviewed one at a time with the reloads.
    tool_review with_unseated_review(const site_state& state, const tool_review& r, const std::string& seat_id);

    /// What the files `changed` reach: those the catalog does not read reach nothing.
    catalog_change classify(const std::vector<std::filesystem::path>& changed) const;
    /// The folders whose files the catalog reads: the catalog's, tools/, votes/, and each seat's persona's.
    std::vector<std::filesystem::path> folders() const;

private:
    // What a rebuild made: the next snapshot (null when nothing could be made), and what it held back.
    struct rebuilt {
        std::unique_ptr<site_state> state;
        catalog_change held;
    };

    rebuilt rebuild(const site_state* base, const catalog_change& change, reload_report& report);
    std::unique_ptr<site_state> load_everything(const site_state* base, reload_report& report);
    enum class seats_reloaded { applied, held, panel_changed };
    // Loads the panel again and reviews `change`'s seats again: held when it lost a seat `base` had, panel_changed
    // when its seats are not `base`'s (a change of panel.json read with the script's).
    seats_reloaded reload_seats(site_state& state, const site_state& base, const catalog_change& change, reload_report& report);
    // Reads `change`'s tool files; true when the set of tools changed.
    bool read_tool_files(site_state& state, const catalog_change& change, reload_report& report);
    // The panel of the catalog, its file's and its seats' problems set; null when the file cannot be used.
    std::shared_ptr<const panel> load_seats();
    void set_problems(const std::string& source, std::vector<live_problem> problems);
    // Each seat's id and persona file: those of the snapshot and of the panel file as last read.
    std::vector<std::pair<std::string, std::filesystem::path>> seat_sources() const;

    std::filesystem::path catalog_dir_;
    std::filesystem::path persona_dir_;
    host_options host_;

    std::mutex reviewing_;                                       // one review at a time: a reload's, or a request's
    mutable std::mutex mutex_;                                   // guards current_, problems_ and read_sources_
    std::shared_ptr<const site_state> current_;
    std::map<std::string, std::vector<live_problem>> problems_;  // by source: "panel", "comparisons", a tool file...
    std::vector<std::pair<std::string, std::filesystem::path>> read_sources_;   // the seats of panel.json as last read
    catalog_change pending_;                                     // what earlier reloads held back, tried again with each
};

}  // namespace verdict::serve
