// Where a panel's personas run. The panel asks a host to load its seats'
// personas and to review tools with them; it never touches a persona itself.
// In process is for debugging a persona under a debugger; every command runs
// its personas in supervised worker processes (workers/), where a persona
// that crashes, hangs, exits or floods memory fails its own seat and nothing
// else.
#pragma once

#include "hosts/persona_backend.hpp"
#include "panel/panel_config.hpp"
#include "verdict/review.hpp"
#include "verdict/tool.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// How a seat's persona loaded: who it is and its defaults, or why it did not.
struct persona_load {
    bool loaded = false;
    persona_identity identity;
    settings defaults;
    std::string source;    ///< The persona's file, as messages show it.
    std::string failure;   ///< Why it did not load, naming the file.
};

/// One tool to review, with the seats (positions in the panel's seats) that review it.
struct review_job {
    const tool* subject = nullptr;
    std::vector<std::size_t> seats;
};

/// One seat's review of one tool, or why there is none.
struct hosted_review {
    std::optional<review> result;
    std::string failure;              ///< Why the seat failed, naming the file at fault.
    std::vector<std::string> log;     ///< What the persona logged (a script's ctx.log).
    std::string output;               ///< What the persona printed to standard output or error, captured and cut short.
    bool spent_limit = false;         ///< It failed after running for its whole time limit: as costly as a hang.
};

/// The most text a review may hold (quote, and every reason's and rule check's text), in bytes: a persona that
/// returns more fails its seat, so the host never holds or writes more than this per review.
inline constexpr std::size_t max_review_text_bytes = std::size_t{64} << 10;

class persona_host {
public:
    virtual ~persona_host() = default;

    /// Loads the persona of every seat, in order.
    virtual std::vector<persona_load> load(const std::vector<seat_config>& seats) = 0;
    /// The settings each seat reviews under (its defaults with the panel's overrides), by seat; nullopt for a seat
    /// that does not review.
    virtual void configure(const std::vector<std::optional<settings>>& effective) = 0;
    /// Reviews every job; the result for `jobs[j].seats[k]` is at [j][k]. The same jobs give the same results,
    /// whatever the order or the number of workers.
    virtual std::vector<std::vector<hosted_review>> review(const std::vector<review_job>& jobs) = 0;
    /// How many seats have been stopped for the rest of the run. A caller that reviews in several calls and finds
    /// this grown must review again what it reviewed before: a stopped seat fails on every tool.
    virtual std::size_t seats_stopped() const { return 0; }
    /// For each seat stopped for the rest of the run, one line saying so with the failures that stopped it, in the order
    /// they came: for a person to read, since which of them came first depends on the workers.
    virtual std::vector<std::string> stop_notices() const { return {}; }
};

/// Checks `r` as the host does before it counts, whatever persona built it: check_review() under `s`, and at most
/// max_review_text_bytes of text. Throws invalid_review naming what is wrong.
void check_hosted_review(const review& r, const settings& s);

}  // namespace verdict
