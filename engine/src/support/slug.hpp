// Catalog ids are the lowercase slug of a tool's name.
#pragma once

#include <string>
#include <string_view>

namespace verdict {

/// "Llama 4 Compact (12B)" -> "llama-4-compact-12b": ASCII letters and digits
/// lower-cased, every other run of characters one hyphen, none at either end.
std::string slug_of(std::string_view name);

}  // namespace verdict
