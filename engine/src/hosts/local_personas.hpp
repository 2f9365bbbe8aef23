// Personas loaded into this process: the one place where a persona's own code
// runs, whether this process is the engine (isolation none) or a worker. It
// loads each seat's persona, reviews with it, and holds every review to the
// host's checks before it leaves.
#pragma once

#include "hosts/persona_backend.hpp"
#include "hosts/persona_host.hpp"
#include "panel/panel_config.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace verdict {

class local_personas {
public:
    /// Loads the persona of `seat` as the next seat. A failure is reported, never thrown.
    persona_load load(const seat_config& seat);
    /// Takes `seat` as the next seat without loading it, running nothing of it: `why` is its failure.
    void skip(const seat_config& seat, std::string why);
    void configure(const std::vector<std::optional<settings>>& effective) { effective_ = effective; }

    /// Seat `seat` reviews `t`: its review, checked, or why there is none.
    hosted_review review(std::size_t seat, const tool& t) const;
    /// The file seat `seat`'s persona came from, as messages show it.
    const std::string& source(std::size_t seat) const { return sources_.at(seat); }

private:
    std::vector<std::unique_ptr<persona_backend>> backends_;   ///< Null where the persona did not load.
    std::vector<std::string> failures_;
    std::vector<std::string> sources_;
    std::vector<std::optional<settings>> effective_;
};

/// The host that runs personas in this process: for debugging a persona under a debugger. A persona that crashes,
/// hangs or exits takes the run with it.
std::unique_ptr<persona_host> make_in_process_host();

}  // namespace verdict
