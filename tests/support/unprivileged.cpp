#include "support/unprivileged.hpp"

#include "support/paths.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

namespace verdict::test {
namespace {

// "nobody" on Debian: a user that owns nothing but the folders handed to it.
constexpr uid_t unprivileged_user = 65534;

bool running_as_root() { return ::geteuid() == 0; }

// The unprivileged user cannot reach anything below a folder that does not let others through: said plainly here,
// rather than as a puzzling "permission denied" from a case that meant to test another path.
void require_reachable(const std::filesystem::path& path) {
    for (std::filesystem::path above = path.parent_path();; above = above.parent_path()) {
        struct stat info {};
        INFO(above << " must let other users through (o+x): the permission cases run verdict as user " << unprivileged_user);
        REQUIRE(::stat(above.c_str(), &info) == 0);
        REQUIRE((info.st_mode & S_IXOTH) != 0);
        if (above == above.root_path()) return;
    }
}

}  // namespace

void hand_to_unprivileged(const std::filesystem::path& dir) {
    if (!running_as_root()) return;
    require_reachable(dir);
    auto give = [](const std::filesystem::path& path) {
        INFO("chown " << path);
        REQUIRE(::lchown(path.c_str(), unprivileged_user, unprivileged_user) == 0);
    };
    give(dir);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) give(entry.path());
}

process_result run_verdict_unprivileged(const std::vector<std::string>& args, const std::filesystem::path& working_dir) {
    if (!running_as_root()) return run_verdict(args, working_dir);
    require_reachable(verdict_binary());
    const std::string id = std::to_string(unprivileged_user);
    std::vector<std::string> argv{"--reuid=" + id, "--regid=" + id, "--clear-groups", verdict_binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process("setpriv", argv, working_dir.empty() ? source_dir() : working_dir);
}

no_access::no_access(const std::filesystem::path& path) : path_(path), old_mode_(0) {
    struct stat info {};
    INFO("chmod 000 " << path);
    REQUIRE(::lstat(path.c_str(), &info) == 0);
    old_mode_ = info.st_mode & 07777;
    REQUIRE(::chmod(path.c_str(), 0) == 0);
}

no_access::~no_access() { ::chmod(path_.c_str(), old_mode_); }

}  // namespace verdict::test
