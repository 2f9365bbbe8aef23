#include "workers/wire.hpp"

#include <cstring>

namespace verdict {

void wire_writer::varint(std::uint64_t value) {
    while (value >= 0x80) {
        bytes_.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    bytes_.push_back(static_cast<char>(value));
}

// Zigzag: small negative numbers stay small.
void wire_writer::signed_varint(std::int64_t value) {
    varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
}

void wire_writer::number(double value) {
    char raw[sizeof value];
    std::memcpy(raw, &value, sizeof value);
    bytes_.append(raw, sizeof raw);
}

void wire_writer::text(std::string_view value) {
    varint(value.size());
    bytes_.append(value);
}

std::uint64_t wire_reader::varint() {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (rest_.empty()) throw wire_error("a number cut short");
        const auto byte = static_cast<unsigned char>(rest_.front());
        rest_.remove_prefix(1);
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return value;
    }
    throw wire_error("a number longer than 64 bits");
}

std::int64_t wire_reader::signed_varint() {
    const std::uint64_t raw = varint();
    return static_cast<std::int64_t>((raw >> 1) ^ (0 - (raw & 1)));
}

double wire_reader::number() {
    double value = 0;
    if (rest_.size() < sizeof value) throw wire_error("a number cut short");
    std::memcpy(&value, rest_.data(), sizeof value);
    rest_.remove_prefix(sizeof value);
    return value;
}

bool wire_reader::boolean() { return below(2, "a true or false") == 1; }

std::string wire_reader::text() {
    const std::uint64_t size = varint();
    if (size > rest_.size()) throw wire_error("a text longer than the message");
    std::string value(rest_.substr(0, static_cast<std::size_t>(size)));
    rest_.remove_prefix(static_cast<std::size_t>(size));
    return value;
}

std::size_t wire_reader::count() {
    const std::uint64_t n = varint();
    if (n > rest_.size()) throw wire_error("a count of more items than the message holds");
    return static_cast<std::size_t>(n);
}

std::size_t wire_reader::below(std::size_t limit, const char* what) {
    const std::uint64_t value = varint();
    if (value >= limit) throw wire_error(std::string("an out-of-range value for ") + what);
    return static_cast<std::size_t>(value);
}

}  // namespace verdict
