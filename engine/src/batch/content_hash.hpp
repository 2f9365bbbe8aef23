// A fast 64-bit hash of bytes, for deciding whether a page must be made again.
//
// Not cryptographic: it guards against accidental change, not an adversary.
// It reads eight bytes at a time, so hashing a page costs far less than
// rendering it, and its value is the same on every run (and on every
// machine of the same byte order).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace verdict {

class content_hash {
public:
    /// Adds `bytes`, then a separator, so ("ab", "c") and ("a", "bc") hash apart.
    content_hash& add(std::string_view bytes);
    content_hash& add(std::uint64_t number);
    content_hash& add(double number);

    std::uint64_t value() const;
    /// The value as 16 lower-case hex digits.
    std::string hex() const;

private:
    void mix(std::uint64_t word);

    std::uint64_t state_ = 0x9E3779B97F4A7C15ull;
    std::uint64_t length_ = 0;
};

/// The hash of `bytes` alone.
std::uint64_t hash_of(std::string_view bytes);

}  // namespace verdict
