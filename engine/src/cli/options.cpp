// Boost.Program_options does the parsing; this class gives every command the
// same help layout and turns its exceptions into one-line usage errors.
#include "cli/options.hpp"

#include "cli/help_text.hpp"
#include "support/suggest.hpp"

#include <algorithm>
#include <sstream>
#include <thread>

namespace verdict::cli {

namespace po = boost::program_options;

option_parser::option_parser(std::string name, std::string synopsis, std::string summary, context& ctx)
    : name_(std::move(name)), synopsis_(std::move(synopsis)), summary_(std::move(summary)), ctx_(ctx), options_("Options"), hidden_("Arguments") {
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

void option_parser::add_positional(const char* name, const char* shown, const char* help) {
    hidden_.add_options()(name, po::value<std::vector<std::string>>()->value_name("ARG"), help);
    positional_.add(name, -1);
    arguments_.push_back({shown, help});
}

void option_parser::add_jobs(const char* help) {
    options_.add_options()("jobs,j", po::value<std::string>()->value_name("N"), help);
}

void option_parser::add_persona_options(bool with_jobs) {
    if (with_jobs) add_jobs("worker processes the personas review in (default: the machine's cores)");
    options_.add_options()
        ("isolation", po::value<std::string>()->default_value("process")->value_name("process|none"),
         "process: every persona reviews in supervised worker processes, so one that crashes, hangs or exits fails only its seat; "
         "none: in this process, to debug a persona under a debugger (a crash takes verdict down)")
        ("verbose,v", "show what every persona printed while reviewing, not only the failed ones'");
    persona_options_ = true;
}

void option_parser::add_example(std::string command_line, std::string what) { examples_.push_back({std::move(command_line), std::move(what)}); }

bool option_parser::check_jobs() {
    jobs_ = std::max(1u, std::thread::hardware_concurrency());
    if (!values_.count("jobs")) return true;
    const std::string text = values_["jobs"].as<std::string>();
    const bool digits = !text.empty() && text.size() <= 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const std::size_t n = digits ? std::stoul(text) : 0;
    if (n < 1 || n > max_jobs) {
        report_error(ctx_, "--jobs: expected a whole number from 1 to " + std::to_string(max_jobs) + ", found \"" + text + "\"; see verdict " + name_ + " --help");
        return false;
    }
    jobs_ = n;
    return true;
}

host_options option_parser::persona_host() const {
    return {values_["isolation"].as<std::string>() == "none" ? isolation::none : isolation::process, jobs_, ctx_.program};
}

std::vector<std::string> option_parser::positionals(const char* name) const {
    return values_.count(name) ? values_[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

namespace {

// An option as help shows it: "-j, --jobs N", its value's name, its default and what it does.
struct shown_option {
    std::string names;
    std::string long_name;
    std::string value;      // "N", "DIR"; empty for a switch
    std::string fallback;   // the default, when it has one
    std::string help;
};

shown_option shown(const po::option_description& o) {
    shown_option out;
    out.long_name = o.long_name();
    // Asked for its short form, Boost gives "-j", or the bare long name for an option without one.
    const std::string short_name = o.canonical_display_name(po::command_line_style::allow_dash_for_short);
    const bool has_short = short_name.size() == 2 && short_name[0] == '-';
    out.names = (has_short ? short_name + ", " : "") + "--" + out.long_name;
    // Boost names a value "N (=2)" when it has a default.
    std::string value = o.semantic()->name();
    if (const std::size_t at = value.find(" (="); at != std::string::npos) {
        out.fallback = value.substr(at + 3, value.size() - at - 4);
        value.erase(at);
    }
    out.value = o.semantic()->max_tokens() > 0 ? value : "";
    out.help = o.description();
    return out;
}

// A command line of an example as a shell takes it: a long one goes on over lines ending in " \\", each further
// line indented past the first, and every one short enough for the " \\".
std::string command_lines(const std::string& line, std::size_t width) {
    std::stringstream words(line);
    std::string out = "  ";
    std::size_t column = 2;
    bool first = true;
    for (std::string word; words >> word; first = false) {
        if (!first && column + 1 + word.size() + 2 > width) {
            out += " \\\n    ";
            column = 4;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
    }
    return out + "\n";
}

std::string roff_escaped(std::string_view text) {
    std::string out;
    for (const char c : text) out += c == '-' ? std::string("\\-") : c == '\\' ? std::string("\\e") : std::string(1, c);
    return out;
}

}  // namespace

void option_parser::print_help() const {
    if (ctx_.help == help_style::man) return print_manual_section();
    if (ctx_.help == help_style::words) return print_words();
    const std::size_t width = help_width();
    const std::size_t column = std::min<std::size_t>(30, width * 2 / 5);   // where a description starts
    std::ostringstream out;
    out << wrap_words("usage: verdict " + name_ + " " + synopsis_, width) << "\n" << wrap_words(summary_, width);
    const auto entry = [&](const std::string& head, const std::string& text) {
        if (head.size() + 4 > column) out << "  " << head << "\n" << wrap_words(text, width, column);
        else out << "  " << head << wrap_words(text, width, column).substr(head.size() + 2);
    };
    if (!arguments_.empty()) {
        out << "\nArguments:\n";
        for (const argument& a : arguments_) entry(a.shown, a.help);
    }
    out << "\nOptions:\n";
    for (const auto& o : options_.options()) {
        const shown_option s = shown(*o);
        entry(s.names + (s.value.empty() ? "" : " " + s.value), s.help + (s.fallback.empty() ? "" : " (default: " + s.fallback + ")"));
    }
    if (!examples_.empty()) {
        out << "\nExamples:\n";
        for (const example& e : examples_) out << command_lines(e.command_line, width) << wrap_words(e.what, width, 6);
    }
    ctx_.out << out.str();
}

void option_parser::print_manual_section() const {
    ctx_.out << ".SS \"verdict " << roff_escaped(name_) << "\"\n.B verdict " << roff_escaped(name_) << "\n" << roff_escaped(synopsis_) << "\n.PP\n"
             << roff_text(summary_);
    for (const argument& a : arguments_) ctx_.out << ".TP\n.I " << roff_escaped(a.shown) << "\n" << roff_text(a.help);
    for (const auto& o : options_.options()) {
        const shown_option s = shown(*o);
        ctx_.out << ".TP\n.B " << roff_escaped(s.names) << (s.value.empty() ? "" : " \\fI" + roff_escaped(s.value) + "\\fR") << "\n"
                 << roff_text(s.help + (s.fallback.empty() ? "" : " (default: " + s.fallback + ")"));
    }
    if (!examples_.empty()) ctx_.out << ".PP\nExamples:\n";
    for (const example& e : examples_) ctx_.out << ".TP\n\\fB" << roff_escaped(e.command_line) << "\\fR\n" << roff_text(e.what);
}

void option_parser::print_words() const {
    for (const argument& a : arguments_) ctx_.out << "argument\t" << a.shown << "\n";
    for (const auto& o : options_.options()) {
        const shown_option s = shown(*o);
        std::string choices = s.long_name == "format" ? format_choices_ : s.long_name == "isolation" ? std::string("process|none") : "";
        std::replace(choices.begin(), choices.end(), '|', ' ');
        ctx_.out << "option\t" << s.long_name << "\t" << (s.names.rfind("--", 0) == 0 ? "" : s.names.substr(1, 1)) << "\t" << s.value << "\t"
                 << choices << "\t" << short_help(s.help) << "\n";
    }
}

std::optional<exit_code> option_parser::parse(const std::vector<std::string>& args) {
    try {
        po::options_description all;
        all.add(options_).add(hidden_);
        po::store(po::command_line_parser(args).options(all).positional(positional_).run(), values_);
        po::notify(values_);
    } catch (const po::unknown_option& error) {
        std::vector<std::string> known;
        for (const auto& option : options_.options()) known.push_back("--" + option->long_name());
        const std::string hint = did_you_mean(error.get_option_name(), known);
        report_error(ctx_, "unknown option " + error.get_option_name() + (hint.empty() ? "" : " (" + hint + ")") +
                               "; see verdict " + name_ + " --help");
        return exit_code::bad_input;
    } catch (const po::error& error) {
        report_error(ctx_, std::string(error.what()) + "; see verdict " + name_ + " --help");
        return exit_code::bad_input;
    }
    if (values_.count("help")) {
        print_help();
        return exit_code::ok;
    }
    if (!check_jobs()) return exit_code::bad_input;
    if (persona_options_) {
        const std::string mode = values_["isolation"].as<std::string>();
        if (mode != "process" && mode != "none") {
            const std::string hint = did_you_mean(mode, {"process", "none"});
            report_error(ctx_, "--isolation: expected process or none, found \"" + mode + "\"" + (hint.empty() ? "" : " (" + hint + ")"));
            return exit_code::bad_input;
        }
        ctx_.verbose = values_.count("verbose") > 0;
    }
    if (!formats_.empty() && std::find(formats_.begin(), formats_.end(), format()) == formats_.end()) {
        const std::string hint = did_you_mean(format(), formats_);
        report_error(ctx_, "--format: expected one of " + format_choices_ + ", found \"" + format() + "\"" +
                               (hint.empty() ? "" : " (" + hint + ")"));
        return exit_code::bad_input;
    }
    return std::nullopt;
}

}  // namespace verdict::cli
