// peak-rss REPORT COMMAND [ARGS...]: runs COMMAND and writes its peak resident
// set, in kilobytes, to the file REPORT; exits with COMMAND's status.
//
// The benchmark cannot measure this itself. A process forked from Python
// starts with Python's pages mapped, and Linux keeps the largest resident set
// of every address space a process had, the one it had before exec included:
// a small run would report the benchmark's own memory. Forked from this small
// program instead, the command's figure is its own.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: peak-rss REPORT COMMAND [ARGS...]\n");
        return 2;
    }
    const pid_t child = ::fork();
    if (child < 0) {
        std::fprintf(stderr, "peak-rss: cannot fork: %s\n", std::strerror(errno));
        return 2;
    }
    if (child == 0) {
        ::execvp(argv[2], argv + 2);
        std::fprintf(stderr, "peak-rss: cannot run %s: %s\n", argv[2], std::strerror(errno));
        ::_exit(127);
    }
    int status = 0;
    struct rusage usage {};
    while (::wait4(child, &status, 0, &usage) < 0)
        if (errno != EINTR) {
            std::fprintf(stderr, "peak-rss: cannot wait for %s: %s\n", argv[2], std::strerror(errno));
            return 2;
        }
    std::FILE* report = std::fopen(argv[1], "w");
    if (!report || std::fprintf(report, "%ld\n", usage.ru_maxrss) < 0 || std::fclose(report) != 0) {
        std::fprintf(stderr, "peak-rss: cannot write %s: %s\n", argv[1], std::strerror(errno));
        return 2;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
