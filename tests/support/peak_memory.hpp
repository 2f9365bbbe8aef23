// How much memory a run of the program takes at its peak, for checks that a
// catalog's size cannot make it hold what grows with the square of the size.
#pragma once

#include "support/process.hpp"

#include <string>
#include <vector>

namespace verdict::test {

struct measured_run {
    process_result result;
    long peak_kb = -1;   ///< The program's largest resident set, in kilobytes; -1 when it could not be measured.
};

/// run_verdict(args), measured through bench/peak-rss: forked from that small program, the figure is the program's
/// own and not this test's, whose pages a child forked from here would start with (bench/peak_rss.cpp).
measured_run run_verdict_measured(const std::vector<std::string>& args);

}  // namespace verdict::test
