// FNV-1a, 64 bits: a small, stable hash for names and seeds that must come out
// the same on every machine and in every run (not for anything an adversary
// picks to collide).
#pragma once

#include <cstdint>
#include <string_view>

namespace verdict {

inline constexpr std::uint64_t fnv1a_basis = 14695981039346656037ull;

/// `text` hashed on from `hash`: fnv1a(b, fnv1a(a)) is the hash of a followed by b.
constexpr std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = fnv1a_basis) {
    for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return hash;
}

}  // namespace verdict
