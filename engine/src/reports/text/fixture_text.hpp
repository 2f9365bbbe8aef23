// A `verdict test` run as plain text: file by file, one line per expectation,
// and under each miss the receipt it is read by.
#pragma once

#include "fixtures/fixture_check.hpp"

#include <memory>
#include <ostream>
#include <vector>

namespace verdict {

void write_fixture_text(std::ostream& out, const std::vector<std::unique_ptr<fixture_outcome>>& outcomes);

}  // namespace verdict
