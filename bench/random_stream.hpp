// A tiny deterministic random source for the catalog generator: splitmix64.
//
// std::random distributions are not used because their output is left to each
// standard library; here every draw is plain 64-bit integer arithmetic, so a
// seed gives the same catalog, byte for byte, on any compiler and platform.
#pragma once

#include <cstdint>
#include <numeric>
#include <vector>

namespace verdict::bench {

class random_stream {
public:
    explicit random_stream(std::uint64_t seed) : state_(seed) {}

    /// The next 64 random bits (splitmix64, Steele, Lea and Flood 2014).
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    /// A number in [0, n); the modulo bias is below 2^-40 for the small n used here, and it is deterministic.
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }

    /// A whole number in [low, high], both ends included.
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    /// True with the given probability in percent.
    bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

    /// `count` distinct indices of [0, pool) in random order (a partial Fisher-Yates shuffle).
    std::vector<std::size_t> distinct(std::size_t pool, std::size_t count) {
        std::vector<std::size_t> order(pool);
        std::iota(order.begin(), order.end(), std::size_t{0});
        if (count > pool) count = pool;
        for (std::size_t i = 0; i < count; ++i) std::swap(order[i], order[i + below(pool - i)]);
        order.resize(count);
        return order;
    }

private:
    std::uint64_t state_;
};

/// splitmix64's output function on its own: a bijection that scatters nearby inputs far apart.
inline std::uint64_t mix64(std::uint64_t x) { return random_stream(x).next(); }

/// The seed of one independent stream: the run's seed, what the stream is for, and which item (a tool's index).
/// Each tool draws from its own stream, so tool i is the same whatever --tools says; each mix is a bijection,
/// so distinct items get distinct seeds.
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t purpose, std::uint64_t item) {
    return mix64(mix64(mix64(seed) ^ purpose) ^ item);
}

}  // namespace verdict::bench
