// How a batch reports progress: a line that overwrites itself on a terminal,
// whole lines now and then when the output is a log, or nothing.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>

namespace verdict {

class progress {
public:
    virtual ~progress() = default;
    /// `done` of `total` pages dealt with so far; called from any thread, as often as pages finish.
    virtual void update(std::size_t done, std::size_t total) = 0;
    /// The run is over: ends the progress line, if any.
    virtual void finish() = 0;
};

/// Seconds since some fixed point; injected so tests control time.
using clock_function = std::function<double()>;

/// "[done/total] rate pages/s, ETA" on `out`: overwriting one line when `terminal`, else a whole line at most
/// every `interval` seconds. Nothing at all when `quiet`.
std::unique_ptr<progress> make_progress(std::ostream& out, bool terminal, bool quiet, clock_function now, double interval = 2.0);

}  // namespace verdict
