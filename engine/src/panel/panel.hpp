// The panel at run time: each configured seat with who its persona is, the
// settings in force, or the reason the seat failed; and the host its
// personas run in, which the panel asks for every review.
#pragma once

#include "hosts/persona_host.hpp"
#include "panel/panel_config.hpp"
#include "support/problem.hpp"
#include "verdict/tool.hpp"
#include "workers/supervised_host.hpp"

#include <memory>
#include <string>
#include <vector>

namespace verdict {

struct seat {
    seat_config config;
    bool loaded = false;          ///< The persona loaded (the seat may still fail for a bad override).
    persona_identity identity;    ///< Who the persona says it is, once loaded.
    std::string source;           ///< The persona's file, as messages show it.
    settings defaults;            ///< The persona's own settings, once loaded.
    std::string failure;          ///< Non-empty when the seat cannot review: why, naming the file at fault.
    settings effective;           ///< The persona's defaults with the panel's overrides applied.
};

class panel {
public:
    /// Loads every seat's persona in the host `options` choose. A persona that fails to load fails its seat only;
    /// an override of a rule the persona does not declare fails the seat and is also reported as a problem of the
    /// panel file.
    panel(panel_config config, problem_list& problems, const host_options& options = {});

    const panel_config& config() const { return config_; }
    const std::vector<seat>& seats() const { return seats_; }
    /// The seats that review `t`, in panel order: its own seats, or the default ones, and every shadow seat.
    std::vector<const seat*> seats_for(const tool& t) const;
    /// Position of `s` among seats().
    std::size_t index_of(const seat& s) const { return static_cast<std::size_t>(&s - seats_.data()); }

    /// Runs `jobs` in the panel's host: each job's seats must be seats that can review (failure empty).
    std::vector<std::vector<hosted_review>> run(const std::vector<review_job>& jobs) const;
    /// How many seats the host has stopped for the rest of the run (persona_host::seats_stopped()).
    std::size_t seats_stopped() const { return host_->seats_stopped(); }
    /// Why each stopped seat was stopped (persona_host::stop_notices()).
    std::vector<std::string> stop_notices() const { return host_->stop_notices(); }

private:
    panel_config config_;
    std::unique_ptr<persona_host> host_;
    std::vector<seat> seats_;
};

}  // namespace verdict
