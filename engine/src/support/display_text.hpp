// Catalog text as pages may show it. Text may carry Unicode bidirectional
// controls: an unclosed override (U+202E) in a tool's name would reverse
// everything printed after it, so every format balances them. It may carry
// control characters too: an escape sequence would retitle or recolour a
// terminal, a carriage return would fake a line, so text and HTML pages show
// each as a space.
#pragma once

#include <string>
#include <string_view>

namespace verdict {

/// `text` with every bidi embedding, override or isolate it opens closed at its end, and every closer that has
/// nothing to close removed, so its direction changes cannot reach the text around it. Other text is unchanged.
std::string balance_bidi(std::string_view text);

/// True when `text` holds any bidi embedding, override, isolate or closer.
bool has_bidi_controls(std::string_view text);

/// True when `text` holds no control character (C0, C1 or DEL) and no bidi control: printable_text() would
/// return it unchanged, so a caller can skip the copy.
bool is_printable(std::string_view text);

/// `text` with every C0 and C1 control character and DEL shown as a space, then balance_bidi().
std::string printable_text(std::string_view text);

}  // namespace verdict
