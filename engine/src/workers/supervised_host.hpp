// The persona host the command line uses: every persona runs in worker
// processes the engine starts and supervises, modelled on servers that have
// long lived with extensions they cannot trust (PostgreSQL's postmaster and
// its backends, nginx's master and workers, Chromium's renderers). A worker
// that crashes, hangs, exits or runs out of memory is replaced; the seat it
// was running fails on that tool, with the cause in words, and every other
// review goes on.
#pragma once

#include "hosts/persona_host.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>

namespace verdict {

/// Where personas run, as the command line chooses: supervised workers, or (for a debugger) this process.
enum class isolation { process, none };

struct host_options {
    isolation mode = isolation::none;
    std::size_t jobs = 1;                  ///< Workers at most.
    std::filesystem::path program;         ///< The verdict program, which runs as a worker (`verdict __worker`).
};

/// What a worker may hold besides its seats' memory: the program, its libraries and the hosts' own data.
inline constexpr std::size_t worker_program_memory = std::size_t{256} << 20;

/// How long past a seat's time limit its worker is given before it is killed, in seconds.
inline constexpr double deadline_grace_seconds = 0.5;

/// A seat whose reviews take their worker down this many times in a run (a crash, an exit, its time limit, its memory
/// cap) is stopped for the rest of the run: a persona that hangs on every tool would otherwise cost its time limit
/// per tool. It then fails on every tool of the run, whatever the order the tools were reviewed in.
inline constexpr std::size_t seat_worker_failures = 3;

/// The host `options` ask for.
std::unique_ptr<persona_host> make_persona_host(const host_options& options);

}  // namespace verdict
