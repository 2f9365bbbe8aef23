// Boost.Program_options does the parsing; this class gives every command the
// same help layout and turns its exceptions into one-line usage errors.
#include "cli/options.hpp"

#include "support/suggest.hpp"

#include <algorithm>
#include <thread>

namespace verdict::cli {

namespace po = boost::program_options;

option_parser::option_parser(std::string name, std::string synopsis, std::string summary, context& ctx)
    : name_(std::move(name)), synopsis_(std::move(synopsis)), summary_(std::move(summary)), ctx_(ctx), options_("Options") {
    options_.add_options()
        ("help,h", "show this help and exit")
        ("catalog", po::value<std::string>()->default_value("catalog")->value_name("DIR"),
         "catalog folder: tools/, panel.json");
}

void option_parser::add_format(std::vector<std::string> formats) {
    for (const std::string& f : formats) format_choices_ += (format_choices_.empty() ? "" : "|") + f;
    options_.add_options()("format", po::value<std::string>()->default_value(formats.front())->value_name(format_choices_), "output format");
    formats_ = std::move(formats);
}

void option_parser::add_output() {
    options_.add_options()("output,o", po::value<std::string>()->value_name("FILE"),
                           "write the page to FILE (replaced whole, never left half-written) instead of standard output");
}

std::filesystem::path option_parser::output() const {
    return values_.count("output") ? std::filesystem::path(values_["output"].as<std::string>()) : std::filesystem::path();
}

void option_parser::add_positional(const char* name, const char* help) {
    options_.add_options()(name, po::value<std::vector<std::string>>()->value_name("ARG"), help);
    positional_.add(name, -1);
}

void option_parser::add_persona_options(bool with_jobs) {
    if (with_jobs)
        options_.add_options()("jobs,j", po::value<std::size_t>()->default_value(std::max(1u, std::thread::hardware_concurrency()))->value_name("N"),
                               "worker processes the personas review in (default: the machine's cores)");
    options_.add_options()
        ("isolation", po::value<std::string>()->default_value("process")->value_name("process|none"),
         "process: every persona reviews in supervised worker processes, so one that crashes, hangs or exits fails only its seat; "
         "none: in this process, to debug a persona under a debugger (a crash takes verdict down)")
        ("verbose,v", "show what every persona printed while reviewing, not only the failed ones'");
    persona_options_ = true;
}

host_options option_parser::persona_host() const {
    return {values_["isolation"].as<std::string>() == "none" ? isolation::none : isolation::process, std::max<std::size_t>(values_["jobs"].as<std::size_t>(), 1),
            ctx_.program};
}

std::vector<std::string> option_parser::positionals(const char* name) const {
    return values_.count(name) ? values_[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

void option_parser::print_help() const {
    ctx_.out << "usage: verdict " << name_ << " " << synopsis_ << "\n\n" << summary_ << "\n\n" << options_;
}

std::optional<exit_code> option_parser::parse(const std::vector<std::string>& args) {
    try {
        po::store(po::command_line_parser(args).options(options_).positional(positional_).run(), values_);
        po::notify(values_);
    } catch (const po::unknown_option& error) {
        std::vector<std::string> known;
        for (const auto& option : options_.options()) known.push_back("--" + option->long_name());
        const std::string hint = did_you_mean(error.get_option_name(), known);
        report_error(ctx_, "verdict " + name_ + ": unknown option " + error.get_option_name() + (hint.empty() ? "" : " (" + hint + ")") +
                               "; see verdict " + name_ + " --help");
        return exit_code::bad_input;
    } catch (const po::error& error) {
        report_error(ctx_, "verdict " + name_ + ": " + error.what() + "; see verdict " + name_ + " --help");
        return exit_code::bad_input;
    }
    if (values_.count("help")) {
        print_help();
        return exit_code::ok;
    }
    if (persona_options_) {
        const std::string mode = values_["isolation"].as<std::string>();
        if (mode != "process" && mode != "none") {
            const std::string hint = did_you_mean(mode, {"process", "none"});
            report_error(ctx_, "verdict " + name_ + ": --isolation: expected process or none, found \"" + mode + "\"" + (hint.empty() ? "" : " (" + hint + ")"));
            return exit_code::bad_input;
        }
        ctx_.verbose = values_.count("verbose") > 0;
    }
    if (!formats_.empty() && std::find(formats_.begin(), formats_.end(), format()) == formats_.end()) {
        const std::string hint = did_you_mean(format(), formats_);
        report_error(ctx_, "verdict " + name_ + ": --format: expected one of " + format_choices_ + ", found \"" + format() + "\"" +
                               (hint.empty() ? "" : " (" + hint + ")"));
        return exit_code::bad_input;
    }
    return std::nullopt;
}

}  // namespace verdict::cli
