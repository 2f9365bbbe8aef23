// Each 64-bit word is folded in with a multiply and a rotate (the mixing step
// of well-known fast hashes such as wyhash and xxHash), and the value is
// finished with the murmur3 avalanche so every input bit reaches every
// output bit.
#include "batch/content_hash.hpp"

#include <cstring>

namespace verdict {
namespace {

constexpr std::uint64_t prime_1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t prime_2 = 0xC2B2AE3D27D4EB4Full;

std::uint64_t rotate(std::uint64_t x, int bits) { return (x << bits) | (x >> (64 - bits)); }

std::uint64_t avalanche(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ull;
    x ^= x >> 33;
    return x;
}

}  // namespace

void content_hash::mix(std::uint64_t word) { state_ = rotate(state_ ^ (word * prime_2), 31) * prime_1; }

content_hash& content_hash::add(std::string_view bytes) {
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data() + at, 8);
        mix(word);
    }
    std::uint64_t tail = 0;
    if (at < bytes.size()) std::memcpy(&tail, bytes.data() + at, bytes.size() - at);
    mix(tail ^ (static_cast<std::uint64_t>(bytes.size() - at) << 59));
    length_ += bytes.size();
    mix(length_);   // the separator
    return *this;
}

content_hash& content_hash::add(std::uint64_t number) {
    mix(number);
    mix(++length_);
    return *this;
}

content_hash& content_hash::add(double number) {
    std::uint64_t bits;
    std::memcpy(&bits, &number, sizeof bits);
    return add(bits);
}

std::uint64_t content_hash::value() const { return avalanche(state_ ^ length_); }

std::string content_hash::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    std::uint64_t v = value();
    for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xF];
    return out;
}

std::uint64_t hash_of(std::string_view bytes) { return content_hash().add(bytes).value(); }

}  // namespace verdict
