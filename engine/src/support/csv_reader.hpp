// Comma-separated values as RFC 4180 writes them: quoted fields may hold
// commas, doubled quotes and line breaks; records end with LF or CRLF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// One record, or the reason it could not be read.
struct csv_record {
    std::size_t line = 0;               ///< Line the record starts on, from 1.
    std::vector<std::string> fields;    ///< Empty when malformed.
    std::string malformed;              ///< Non-empty when the record breaks the quoting rules: what was found.
};

/// Every non-blank record of `text`, a leading byte-order mark skipped. A malformed record is returned with its
/// reason and reading goes on at the next line.
std::vector<csv_record> read_csv(std::string_view text);

}  // namespace verdict
