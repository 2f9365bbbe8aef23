// The panel at run time: each configured seat with its loaded persona and the
// settings in force, or the reason the seat failed.
#pragma once

#include "hosts/persona_backend.hpp"
#include "panel/panel_config.hpp"
#include "support/problem.hpp"
#include "verdict/tool.hpp"

#include <memory>
#include <string>
#include <vector>

namespace verdict {

struct seat {
    seat_config config;
    std::unique_ptr<persona_backend> backend;   ///< Null when the persona failed to load.
    std::string failure;                        ///< Non-empty when the seat cannot review: why, naming the file at fault.
    settings effective;                         ///< The persona's defaults with the panel's overrides applied.
};

class panel {
public:
    /// Loads every seat's persona. A persona that fails to load fails its seat only; an override of a
    /// rule the persona does not declare fails the seat and is also reported as a problem of the panel file.
    panel(panel_config config, problem_list& problems);

    const panel_config& config() const { return config_; }
    const std::vector<seat>& seats() const { return seats_; }
    /// The seats that review `t`, in panel order: its own seats, or the default ones, and every shadow seat.
    std::vector<const seat*> seats_for(const tool& t) const;

private:
    std::unique_ptr<persona_backend> load_persona(const seat_config& config);

    panel_config config_;
    std::vector<seat> seats_;
};

}  // namespace verdict
