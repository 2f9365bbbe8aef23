// A problem as the browser's overlay and the terminal show it while serving:
// the file, the place in it, and what is wrong.
#pragma once

#include "support/problem.hpp"

#include <string>
#include <vector>

namespace verdict::serve {

struct live_problem {
    std::string file;
    std::string where;     ///< "line 3, column 5", a JSON pointer, or empty for the whole file.
    std::string message;

    bool operator==(const live_problem&) const = default;
};

/// `p` as the overlay lists it.
live_problem live_problem_of(const problem& p);

/// A seat whose persona `source` failed to load, with `failure` (which names the file, and the line for a script, as
/// "scripts/x.lua:12: ...") as its message; the line, when the failure names one, is its place.
live_problem seat_load_problem(const std::string& source, const std::string& failure);

/// The problems as a JSON array of {file, where, message}, for the pages' overlay.
std::string problems_json(const std::vector<live_problem>& problems);

}  // namespace verdict::serve
