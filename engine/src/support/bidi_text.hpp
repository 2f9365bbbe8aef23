// Catalog text may carry Unicode bidirectional controls. An unclosed override
// (U+202E) in a tool's name would reverse everything printed after it on the
// page, so every format passes catalog text through balance_bidi() first.
#pragma once

#include <string>
#include <string_view>

namespace verdict {

/// `text` with every bidi embedding, override or isolate it opens closed at its end, and every closer that has
/// nothing to close removed, so its direction changes cannot reach the text around it. Other text is unchanged.
std::string balance_bidi(std::string_view text);

}  // namespace verdict
