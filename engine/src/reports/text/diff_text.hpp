// A catalog diff as plain text: the counts first, then each change.
#pragma once

#include "diff/catalog_diff.hpp"

#include <ostream>
#include <string>

namespace verdict {

/// `before` and `after` name the two sides, e.g. the two panel files.
void write_diff_text(std::ostream& out, const catalog_diff& d, const std::string& before, const std::string& after);

}  // namespace verdict
