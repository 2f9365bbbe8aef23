// The bytes the engine and its workers exchange: a compact binary encoding
// of numbers and text, written to a growing buffer and read back with every
// length checked, so a damaged or hostile message is an error, never a read
// past the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace verdict {

/// A message that does not decode: too short, a length past its end, a value out of range.
struct wire_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class wire_writer {
public:
    /// Unsigned LEB128: small numbers (most lengths, counts and enums) take one byte.
    void varint(std::uint64_t value);
    void signed_varint(std::int64_t value);
    void number(double value);   ///< The eight bytes of the double, exactly.
    void boolean(bool value) { varint(value ? 1 : 0); }
    void text(std::string_view value);

    const std::string& bytes() const { return bytes_; }
    std::string take() { return std::move(bytes_); }
    void clear() { bytes_.clear(); }

private:
    std::string bytes_;
};

class wire_reader {
public:
    explicit wire_reader(std::string_view bytes) : rest_(bytes) {}

    std::uint64_t varint();
    std::int64_t signed_varint();
    double number();
    bool boolean();
    std::string text();
    /// A count of items that each take at least one byte: never more than the bytes left, so a damaged count cannot
    /// make a reader reserve memory for items that are not there.
    std::size_t count();
    /// A value below `limit` (an enum's number of values, a seat index).
    std::size_t below(std::size_t limit, const char* what);

    bool done() const { return rest_.empty(); }

private:
    std::string_view rest_;
};

}  // namespace verdict
