// Whether text is well-formed UTF-8: what every text input must be, so that
// what a page shows is what the file said.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace verdict {

/// The offset of the first byte of `text` that is not part of well-formed UTF-8 (an overlong form, a surrogate, a
/// code point past U+10FFFF, a stray or missing continuation byte); nullopt when it is all well-formed.
std::optional<std::size_t> first_ill_formed_utf8(std::string_view text);

}  // namespace verdict
