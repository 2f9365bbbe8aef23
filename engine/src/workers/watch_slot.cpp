#include "workers/watch_slot.hpp"

#include <ctime>

namespace verdict {

void watch_slot::begin(worker_phase p, std::uint64_t job_index, std::uint32_t seat_index, std::uint64_t now_ns) {
    sequence.fetch_add(1, std::memory_order_acq_rel);   // odd: being written
    phase.store(static_cast<std::uint32_t>(p), std::memory_order_relaxed);
    job.store(job_index, std::memory_order_relaxed);
    seat.store(seat_index, std::memory_order_relaxed);
    memory_refused.store(0, std::memory_order_relaxed);
    started_ns.store(now_ns, std::memory_order_relaxed);
    sequence.fetch_add(1, std::memory_order_release);   // even: whole
}

watch_reading watch_slot::read() const {
    // A worker killed between its two increments leaves the count odd for good: after enough tries the last
    // reading is the best there is.
    for (int attempt = 0;; ++attempt) {
        const std::uint32_t before = sequence.load(std::memory_order_acquire);
        watch_reading r;
        r.phase = static_cast<worker_phase>(phase.load(std::memory_order_relaxed));
        r.job = job.load(std::memory_order_relaxed);
        r.seat = seat.load(std::memory_order_relaxed);
        r.started_ns = started_ns.load(std::memory_order_relaxed);
        r.memory_refused = memory_refused.load(std::memory_order_relaxed) != 0;
        std::atomic_thread_fence(std::memory_order_acquire);
        if (((before & 1) == 0 && sequence.load(std::memory_order_relaxed) == before) || attempt == 1000) return r;
    }
}

std::uint64_t monotonic_ns() {
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<std::uint64_t>(now.tv_sec) * 1000000000u + static_cast<std::uint64_t>(now.tv_nsec);
}

}  // namespace verdict
