// A problem found in an input file: where it is, what was expected, what was found.
//
// Every error the engine reports about input takes this shape, so that each
// message names the file, the place in it (a JSON pointer or a line), what
// the engine expected and what it found, and, where it can, a suggestion.
#pragma once

#include <string>
#include <vector>

namespace verdict {

struct problem {
    std::string file;        ///< As the user would type it, e.g. "catalog/tools/claw-code.json".
    std::string where;       ///< A JSON pointer ("/licence/name"), "line 3, column 5", or empty for the whole file.
    std::string expected;
    std::string found;
    std::string hint;        ///< e.g. "did you mean \"vendor\"?"; may be empty.
    /// The input cannot be used at all: a file or folder is missing, unreadable, a loop of links or the wrong kind, or
    /// a rule asks for far more than intended. A run that writes pages stops before it writes any, rather than make a
    /// site without it; a problem in what a readable file holds spoils only that file's part.
    bool fatal = false;
};

using problem_list = std::vector<problem>;

/// "file: where: expected X, found Y (hint)"; the root pointer shows as "/".
std::string to_string(const problem& p);

/// Whether any of `problems` is fatal.
bool any_fatal(const problem_list& problems);

}  // namespace verdict
