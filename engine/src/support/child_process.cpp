// fork/exec with both pipes drained through poll(), so a child that fills one
// pipe while the other is being read cannot deadlock. Everything the child
// needs, its arguments and its environment, is built before fork().
#include "support/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <stdexcept>

namespace verdict {

program_result run_program(const std::vector<std::string>& argv, const std::filesystem::path& working_dir, const std::vector<std::string>& unset) {
    if (argv.empty()) throw std::invalid_argument("run_program: no program");
    std::vector<std::string> storage = argv;
    std::vector<char*> args;
    for (std::string& each : storage) args.push_back(each.data());
    args.push_back(nullptr);
    std::vector<char*> env;
    for (char** each = environ; *each; ++each) {
        const std::string_view entry(*each);
        const std::string_view name = entry.substr(0, entry.find('='));
        if (std::find(unset.begin(), unset.end(), name) == unset.end()) env.push_back(*each);
    }
    env.push_back(nullptr);
    const std::string dir = working_dir.string();
    int out_pipe[2];
    int err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("run_program: pipe failed");
    if (pipe2(err_pipe, O_CLOEXEC) != 0) {
        close(out_pipe[0]);
        close(out_pipe[1]);
        throw std::runtime_error("run_program: pipe failed");
    }
    const pid_t child = fork();
    if (child == 0) {
        const int null_in = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null_in < 0 || dup2(null_in, 0) < 0 || dup2(out_pipe[1], 1) < 0 || dup2(err_pipe[1], 2) < 0) _exit(127);
        closefrom(3);   // the program gets its three streams and nothing else this process holds open
        if (!dir.empty() && chdir(dir.c_str()) != 0) _exit(127);
        execvpe(args[0], args.data(), env.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (child < 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        throw std::runtime_error("run_program: fork failed");
    }
    program_result result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_pipes = 2;
    while (open_pipes > 0) {
        if (poll(fds, 2, -1) < 0 && errno != EINTR) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            char buffer[4096];
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_pipes;
            }
        }
    }
    for (const pollfd& each : fds)
        if (each.fd >= 0) close(each.fd);
    int status = 0;
    pid_t waited = -1;
    while ((waited = waitpid(child, &status, 0)) < 0 && errno == EINTR) {
    }
    if (waited < 0) result.exit_code = 127;   // no status to read: never report a success
    else result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

}  // namespace verdict
