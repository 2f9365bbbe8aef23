// Option parsing shared by every command: --help, --catalog, --format, and
// usage errors that say what was expected and suggest the nearest option.
#pragma once

#include "cli/command.hpp"
#include "workers/supervised_host.hpp"

#include <boost/program_options.hpp>

#include <optional>
#include <string>
#include <vector>

namespace verdict::cli {

class option_parser {
public:
    /// `synopsis` is the usage line after "verdict <name>", e.g. "<tool-id>... | --all".
    option_parser(std::string name, std::string synopsis, std::string summary, context& ctx);

    boost::program_options::options_description_easy_init add() { return options_.add_options(); }
    /// Adds --format with `formats` (the first is the default).
    void add_format(std::vector<std::string> formats);
    /// Adds -o/--output FILE: where a page is written instead of standard output.
    void add_output();
    /// Collects positional arguments under `name`, listed in the help as `shown` (e.g. "<tool-id>...").
    void add_positional(const char* name, const char* shown, const char* help);
    /// Adds -j/--jobs N, a whole number from 1 to max_jobs, by default the machine's cores.
    void add_jobs(const char* help);
    /// Adds --isolation and --verbose, and --jobs unless the command has its own: how the personas run.
    void add_persona_options(bool with_jobs = true);
    /// Adds an example to the help: a command line, and what it does.
    void add_example(std::string command_line, std::string what);

    /// Parses `args`. Returns an exit status when the command should stop now: after --help (ok)
    /// or a usage error (bad_input, already reported); nullopt when it should run.
    std::optional<exit_code> parse(const std::vector<std::string>& args);

    const boost::program_options::variables_map& values() const { return values_; }
    std::filesystem::path catalog_dir() const { return values_["catalog"].as<std::string>(); }
    std::string format() const { return values_["format"].as<std::string>(); }
    std::vector<std::string> positionals(const char* name) const;
    /// The -o file, or an empty path for standard output.
    std::filesystem::path output() const;
    /// Where the personas run, as --isolation and --jobs say.
    host_options persona_host() const;
    /// --jobs, checked.
    std::size_t jobs() const { return jobs_; }
    const std::string& name() const { return name_; }

private:
    struct argument {
        std::string shown;
        std::string help;
    };
    struct example {
        std::string command_line;
        std::string what;
    };

    void print_help() const;
    void print_manual_section() const;
    void print_words() const;
    // Checks --jobs; false after reporting a bad value.
    bool check_jobs();

    std::string name_;
    std::string synopsis_;
    std::string summary_;
    context& ctx_;
    boost::program_options::options_description options_;
    boost::program_options::options_description hidden_;   // the positional arguments' own options, never shown
    boost::program_options::positional_options_description positional_;
    boost::program_options::variables_map values_;
    std::vector<std::string> formats_;
    std::string format_choices_;   // "text|json"
    bool persona_options_ = false;
    std::vector<argument> arguments_;
    std::vector<example> examples_;
    std::size_t jobs_ = 1;
};

/// The most workers or threads --jobs may ask for.
inline constexpr std::size_t max_jobs = 1024;

}  // namespace verdict::cli
