#include "support/unprivileged.hpp"

#include "support/paths.hpp"
#include "support/scratch_folder.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

namespace verdict::test {
namespace {

// "nobody" on Debian: a user that owns nothing but the folders handed to it.
constexpr uid_t unprivileged_user = 65534;

bool running_as_root() { return ::geteuid() == 0; }

// The first folder above `path` that does not let others through (o+x), or that cannot be looked at; empty when
// every folder does, and the unprivileged user can reach `path`.
std::filesystem::path first_closed_above(const std::filesystem::path& path) {
    for (std::filesystem::path above = path.parent_path();; above = above.parent_path()) {
        struct stat info {};
        if (::stat(above.c_str(), &info) != 0 || (info.st_mode & S_IXOTH) == 0) return above;
        if (above == above.root_path()) return {};
    }
}

// Said plainly here, rather than as a puzzling "permission denied" from a case that meant to test another path.
void require_reachable(const std::filesystem::path& path) {
    const std::filesystem::path closed = first_closed_above(path);
    INFO(closed << " must let other users through (o+x): the permission cases run verdict as user " << unprivileged_user);
    REQUIRE(closed.empty());
}

// The program as the unprivileged user can run it: the build's own, or, when the build sits in a folder only its
// owner may enter (a fresh clone in a private temporary folder), a copy of the program and its stock personas laid
// out as the build lays them out (bin/, lib/verdict/personas/), in a scratch folder others may enter.
const std::filesystem::path& runnable_verdict() {
    static const std::filesystem::path program = [] {
        if (first_closed_above(verdict_binary()).empty()) return verdict_binary();
        static const scratch_folder copy("unprivileged-program");
        const std::filesystem::path bin = copy.path() / "bin";
        const std::filesystem::path personas = copy.path() / "lib" / "verdict" / "personas";
        std::filesystem::create_directories(bin);
        std::filesystem::create_directories(personas);
        std::filesystem::copy_file(verdict_binary(), bin / "verdict");
        std::filesystem::copy(persona_dir(), personas, std::filesystem::copy_options::recursive);
        for (const std::filesystem::path& dir : {copy.path(), copy.path() / "lib", copy.path() / "lib" / "verdict", bin, personas})
            std::filesystem::permissions(dir, std::filesystem::perms::others_exec | std::filesystem::perms::others_read,
                                         std::filesystem::perm_options::add);
        return bin / "verdict";
    }();
    return program;
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
    require_reachable(runnable_verdict());
    const std::string id = std::to_string(unprivileged_user);
    std::vector<std::string> argv{"--reuid=" + id, "--regid=" + id, "--clear-groups", runnable_verdict().string()};
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
