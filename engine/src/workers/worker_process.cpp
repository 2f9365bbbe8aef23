// Every descriptor is made close-on-exec and moved above the three the worker
// expects before the spawn, so the spawn's dup2s can never overwrite one
// another's source, and the worker inherits nothing else of the engine.
#include "workers/worker_process.hpp"

#include "workers/worker_main.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace verdict {
namespace {

[[noreturn]] void cannot_start(const std::string& what) {
    throw std::runtime_error("cannot start a worker process: " + what + ": " + std::strerror(errno));
}

// `fd` moved to a descriptor of at least 10, close-on-exec; the old one is closed.
int moved_up(int fd) {
    const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
    ::close(fd);
    if (moved < 0) cannot_start("fcntl");
    return moved;
}

// Closes the descriptors the engine keeps no use for once the worker has its copies.
struct spawn_descriptors {
    int worker_end = -1;
    int watch = -1;
    ~spawn_descriptors() {
        for (const int fd : {worker_end, watch})
            if (fd >= 0) ::close(fd);
    }
};

}  // namespace

worker_process::worker_process(const std::filesystem::path& program) {
    spawn_descriptors spare;
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) cannot_start("socketpair");
    channel_ = moved_up(pair[0]);
    spare.worker_end = moved_up(pair[1]);
    ::fcntl(channel_, F_SETFL, ::fcntl(channel_, F_GETFL) | O_NONBLOCK);
    spare.watch = ::memfd_create("verdict-watch", MFD_CLOEXEC);
    output_ = ::memfd_create("verdict-output", MFD_CLOEXEC);
    if (spare.watch < 0 || output_ < 0) cannot_start("memfd_create");
    spare.watch = moved_up(spare.watch);
    output_ = moved_up(output_);
    if (::ftruncate(spare.watch, sizeof(watch_slot)) != 0) cannot_start("ftruncate");
    void* shared = ::mmap(nullptr, sizeof(watch_slot), PROT_READ | PROT_WRITE, MAP_SHARED, spare.watch, 0);
    if (shared == MAP_FAILED) cannot_start("mmap");
    slot_ = new (shared) watch_slot();

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, output_, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, output_, STDERR_FILENO);
    posix_spawn_file_actions_adddup2(&actions, spare.worker_end, worker_channel_fd);
    posix_spawn_file_actions_adddup2(&actions, spare.watch, worker_watch_fd);
    // Nothing else of this process reaches an untrusted persona: not a socket a server listens on or a browser's
    // connection, whether or not it was opened close-on-exec.
    posix_spawn_file_actions_addclosefrom_np(&actions, worker_watch_fd + 1);
    const std::string path = program.string();
    char arg0[] = "verdict";
    char arg1[] = "__worker";
    char* argv[] = {arg0, arg1, nullptr};
    const int spawned = ::posix_spawn(&pid_, path.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        errno = spawned;
        cannot_start(path);
    }
}

worker_process::~worker_process() {
    kill();
    wait();
    for (const int fd : {channel_, output_})
        if (fd >= 0) ::close(fd);
    if (slot_) ::munmap(slot_, sizeof(watch_slot));
}

bool worker_process::send_some() {
    while (!outbox_.empty()) {
        const ssize_t n = ::send(channel_, outbox_.data(), outbox_.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
        if (n < 0) return false;
        outbox_.erase(0, static_cast<std::size_t>(n));
    }
    return true;
}

bool worker_process::receive(std::vector<std::string>& messages) {
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::recv(channel_, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        if (n <= 0) {
            while (auto message = frames_.next()) messages.push_back(std::move(*message));
            return false;
        }
        frames_.append(buffer, static_cast<std::size_t>(n));
    }
    while (auto message = frames_.next()) messages.push_back(std::move(*message));
    return true;
}

void worker_process::kill() {
    if (pid_ > 0 && !status_) ::kill(pid_, SIGKILL);
}

int worker_process::wait() {
    if (status_) return *status_;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    status_ = status;
    return status;
}

int worker_process::wait_briefly() {
    if (status_) return *status_;
    for (int tries = 0; tries < 40; ++tries) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) return *(status_ = status);
        ::usleep(5000);
    }
    kill();
    return wait();
}

std::string worker_process::last_output() const { return captured_output(output_); }

}  // namespace verdict
