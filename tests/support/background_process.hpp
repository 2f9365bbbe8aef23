// A program started and left running, so a test can interrupt it part-way
// (SIGKILL, SIGINT) and check what it leaves behind. run_process() waits for
// its child; this one hands back control at once.
//
// The child's output goes to files rather than pipes: a child nobody reads
// from would block on a full pipe and never reach the point to interrupt.
// Header-only so that the support library's build stays as it is.
#pragma once

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace verdict::test {

class background_process {
public:
    /// Starts `program` with `args` in `working_dir`, stdin closed, stdout and stderr appended to `out_file` and `err_file`.
    background_process(const std::filesystem::path& program, const std::vector<std::string>& args, const std::filesystem::path& working_dir,
                       const std::filesystem::path& out_file, const std::filesystem::path& err_file) {
        // Everything the child needs is built before fork(): after it, only async-signal-safe calls are allowed.
        std::vector<std::string> storage{program.string()};
        storage.insert(storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& each : storage) argv.push_back(each.data());
        argv.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            const int in = ::open("/dev/null", O_RDONLY);
            const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (in < 0 || out < 0 || err < 0 || ::chdir(working_dir.c_str()) != 0) ::_exit(126);
            ::dup2(in, 0);
            ::dup2(out, 1);
            ::dup2(err, 2);
            ::execv(program.c_str(), argv.data());
            ::_exit(127);
        }
    }

    // A test that fails half-way must not leave a batch writing into a folder that is being removed.
    ~background_process() {
        if (running_) {
            ::kill(pid_, SIGKILL);
            wait();
        }
    }

    background_process(const background_process&) = delete;
    background_process& operator=(const background_process&) = delete;

    pid_t pid() const { return pid_; }

    /// True while the child has not exited (it is reaped if it has).
    bool running() {
        if (!running_) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) finish(status);
        return running_;
    }

    void send(int signal) const {
        if (running_) ::kill(pid_, signal);
    }

    /// Waits for the child: its exit status, or 128 + the signal that ended it.
    int wait() {
        if (!running_) return exit_code_;
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
        finish(status);
        return exit_code_;
    }

private:
    void finish(int status) {
        running_ = false;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    pid_t pid_ = -1;
    bool running_ = true;
    int exit_code_ = -1;
};

}  // namespace verdict::test
