// Running another program and collecting what it prints: how verdict asks git
// for a revision of the catalog.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace verdict {

struct program_result {
    int exit_code = -1;   ///< The exit status, 128 + the signal when a signal ended it, 127 when it could not be started.
    std::string out;
    std::string err;
};

/// Runs `argv[0]` (a path, or a name looked up in PATH) with the rest of `argv` as its arguments, in `working_dir`
/// (empty: this process's), stdin from /dev/null, with this process's environment but the variables `unset`, and waits
/// for it.
program_result run_program(const std::vector<std::string>& argv, const std::filesystem::path& working_dir,
                           const std::vector<std::string>& unset = {});

}  // namespace verdict
