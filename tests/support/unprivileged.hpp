// Permission cases need a user the kernel holds to permissions: root reads a
// file of mode 000 all the same, and CI runs the tests as root. As root, the
// program is run through setpriv(1) (util-linux) as the unprivileged user
// 65534, in folders handed to that user; as anyone else it is run as is, and
// a chmod 000 keeps them out of their own files.
#pragma once

#include "support/process.hpp"

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace verdict::test {

/// Gives `dir` and everything under it to the user run_verdict_unprivileged() runs as, so that the program reads
/// and writes there as the folder's owner would. Nothing to do when the tests do not run as root.
void hand_to_unprivileged(const std::filesystem::path& dir);

/// run_verdict(args, working_dir), as a user for whom permissions count.
process_result run_verdict_unprivileged(const std::vector<std::string>& args, const std::filesystem::path& working_dir = {});

/// Takes every permission away from a file or folder (chmod 000) for as long as the object lives, then gives its
/// old mode back, so that a user who is not root can still remove the temporary folder it is in.
class no_access {
public:
    explicit no_access(const std::filesystem::path& path);
    ~no_access();
    no_access(const no_access&) = delete;
    no_access& operator=(const no_access&) = delete;

private:
    std::filesystem::path path_;
    mode_t old_mode_;
};

}  // namespace verdict::test
