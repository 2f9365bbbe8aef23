// Work spread over a batch's threads: items are handed out one at a time, so a
// slow item (a big page, a cold file) does not hold up a fixed share of them.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace verdict {

/// Runs `job(i)` for every i below `count` on `jobs` threads, the calling one among them.
template <class Job> void in_parallel(std::size_t count, std::size_t jobs, Job job) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++) job(i);
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < std::min(std::max<std::size_t>(jobs, 1), count); ++t) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
}

}  // namespace verdict
