// fork/exec with both pipes drained through poll(), so a child that fills one
// pipe while the test reads the other cannot deadlock. Every JSON page the
// program prints is checked against its schema on the way back.
#include "support/process.hpp"

#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <stdexcept>

namespace verdict::test {

process_result run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                           const std::filesystem::path& working_dir) {
    int out_pipe[2];
    int err_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    const pid_t child = fork();
    if (child == 0) {
        if (chdir(working_dir.c_str()) != 0) _exit(126);
        const int null_in = open("/dev/null", O_RDONLY);
        dup2(null_in, 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        close(out_pipe[0]);
        close(err_pipe[0]);
        std::vector<std::string> storage{program.string()};
        storage.insert(storage.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (std::string& each : storage) argv.push_back(each.data());
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    process_result result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_pipes = 2;
    while (open_pipes > 0) {
        poll(fds, 2, -1);
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            char buffer[4096];
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open_pipes;
            }
        }
    }
    int status = 0;
    waitpid(child, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

namespace {

// The schema a JSON output of `args` must follow, or an empty name when it prints no JSON document.
std::string schema_for(const std::vector<std::string>& args) {
    const bool json = std::find(args.begin(), args.end(), "json") != args.end();
    const bool to_file = std::find(args.begin(), args.end(), "-o") != args.end() || std::find(args.begin(), args.end(), "--output") != args.end();
    if (!json || to_file || args.empty()) return "";
    if (args[0] == "compare") return "comparison";
    if (args[0] == "index") return std::find(args.begin(), args.end(), "--category") != args.end() ? "category" : "index";
    return args[0] == "review" || args[0] == "explain" || args[0] == "diff" ? args[0] : "";
}

}  // namespace

std::string json_schema_errors(const std::string& schema, const std::string& document) {
    temp_dir dir;
    write_file(dir.path() / "document.json", document);
    const auto check = run_process(VERDICT_PYTHON,
                                   {(source_dir() / "tests/tools/validate_json.py").string(), "--schema",
                                    (source_dir() / "docs/schema" / (schema + ".schema.json")).string(), "--document",
                                    (dir.path() / "document.json").string()},
                                   dir.path());
    if (check.exit_code == 0) return "";
    return "validate_json.py exited " + std::to_string(check.exit_code) + ":\n" + check.out + check.err;
}

process_result run_verdict(const std::vector<std::string>& args, const std::filesystem::path& working_dir) {
    process_result result = run_process(verdict_binary(), args, working_dir.empty() ? source_dir() : working_dir);
    const std::string schema = schema_for(args);
    // Every JSON page a test makes verdict print goes through the independent validator.
    if (!schema.empty() && !result.out.empty()) {
        const std::string errors = json_schema_errors(schema, result.out);
        if (!errors.empty()) FAIL_CHECK("verdict's JSON output breaks docs/schema/" << schema << ".schema.json:\n" << errors);
    }
    return result;
}

}  // namespace verdict::test
