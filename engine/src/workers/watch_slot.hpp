// What a worker is doing right now, in memory the engine shares with it: the
// persona being loaded, or the job and seat being reviewed, and since when.
// The engine reads it without asking the worker, which may be stuck in a C
// call or dead: it is how a deadline is enforced from outside, and how a
// crash is laid at the door of the seat that was running.
#pragma once

#include <atomic>
#include <cstdint>

namespace verdict {

enum class worker_phase : std::uint32_t { idle, loading, reviewing };

/// A consistent reading of a slot.
struct watch_reading {
    worker_phase phase = worker_phase::idle;
    std::uint64_t job = 0;              ///< The job being reviewed (reviewing).
    std::uint32_t seat = 0;             ///< The seat being loaded or reviewing.
    std::uint64_t started_ns = 0;       ///< CLOCK_MONOTONIC, the same clock in every process.
    bool memory_refused = false;        ///< An allocation was refused under the worker's memory cap since the phase began.
};

/// Lives in a shared mapping; written by one worker, read by the engine. A sequence number, odd while the worker
/// writes, lets the reader tell a torn reading from a whole one.
struct watch_slot {
    std::atomic<std::uint32_t> sequence{0};
    std::atomic<std::uint32_t> phase{0};
    std::atomic<std::uint32_t> seat{0};
    std::atomic<std::uint32_t> memory_refused{0};
    std::atomic<std::uint64_t> job{0};
    std::atomic<std::uint64_t> started_ns{0};

    /// The worker: a new phase begins now.
    void begin(worker_phase p, std::uint64_t job_index, std::uint32_t seat_index, std::uint64_t now_ns);
    /// The worker: an allocation was just refused (called from a new-handler, so it only stores).
    void note_memory_refused() { memory_refused.store(1, std::memory_order_relaxed); }
    /// The engine: what the worker is doing.
    watch_reading read() const;
};

static_assert(std::atomic<std::uint64_t>::is_always_lock_free, "the slot is shared between processes: its atomics must not take a lock");

/// CLOCK_MONOTONIC in nanoseconds.
std::uint64_t monotonic_ns();

}  // namespace verdict
