// The subcommands of the verdict program, git style: `verdict <command> [options]`.
#pragma once

#include "cli/exit_code.hpp"

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verdict::cli {

/// How a command's --help is written: for a person, as a section of the manual page, or as the list of its options
/// the shell completion scripts are made from.
enum class help_style { text, man, words };

/// What a command may touch: its streams, where the stock personas live, and the program that runs them as workers.
struct context {
    std::ostream& out;
    std::ostream& err;
    std::filesystem::path persona_dir;
    std::filesystem::path program;   ///< The verdict program itself, started as `verdict __worker`.
    bool verbose = false;            ///< --verbose: show what every persona printed, not only the failed ones'.
    help_style help = help_style::text;
};

struct command {
    std::string_view name;
    std::string_view summary;
    exit_code (*run)(const std::vector<std::string>& args, context& ctx);
};

exit_code run_review(const std::vector<std::string>& args, context& ctx);
exit_code run_explain(const std::vector<std::string>& args, context& ctx);
exit_code run_diff(const std::vector<std::string>& args, context& ctx);
exit_code run_history(const std::vector<std::string>& args, context& ctx);
exit_code run_stats(const std::vector<std::string>& args, context& ctx);
exit_code run_test(const std::vector<std::string>& args, context& ctx);
exit_code run_compare(const std::vector<std::string>& args, context& ctx);
exit_code run_index(const std::vector<std::string>& args, context& ctx);
exit_code run_batch(const std::vector<std::string>& args, context& ctx);
exit_code run_lint(const std::vector<std::string>& args, context& ctx);
exit_code run_personas(const std::vector<std::string>& args, context& ctx);
exit_code run_serve(const std::vector<std::string>& args, context& ctx);
exit_code run_init(const std::vector<std::string>& args, context& ctx);

/// Every command, in the order `verdict --help` lists them.
const std::vector<command>& commands();

/// What verdict is, in a paragraph: the top of `verdict --help` and of the manual page.
std::string_view program_description();

/// Each exit status and what it means: one convention for every command.
const std::vector<std::pair<std::string_view, std::string_view>>& exit_statuses();

/// How every error is said.
std::string_view error_convention();

/// Runs `verdict` with `args` (without the program name).
exit_code run(const std::vector<std::string>& args, context& ctx);

/// Prints "verdict: error: <message>" on the error stream: the one prefix every command uses.
void report_error(context& ctx, const std::string& message);

}  // namespace verdict::cli
