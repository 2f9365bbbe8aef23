// Help as a user reads it, and the files made from it: every command's help
// has its arguments, options and examples, wraps between words to the width
// asked for and shows no internal option; verdict(1) and the bash and zsh
// completions, written by the build from the same help, are read by groff,
// bash and zsh; and errors keep one convention.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace verdict;

namespace {

const std::vector<std::string> every_command{"review", "explain", "diff", "stats", "test", "compare", "index", "batch", "serve", "lint", "personas"};

std::filesystem::path built_share() { return test::verdict_binary().parent_path().parent_path() / "share"; }

// verdict run with the environment variable COLUMNS set, as a shell sets it.
test::process_result run_with_columns(const std::string& columns, const std::vector<std::string>& args) {
    std::vector<std::string> line{"COLUMNS=" + columns, test::verdict_binary().string()};
    line.insert(line.end(), args.begin(), args.end());
    return test::run_process("/usr/bin/env", line, test::source_dir());
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The words of `text`, in order, whatever the line breaks and indents between them, and the backslashes that carry
// an example's command line over to the next line.
std::string words_of(const std::string& text) {
    std::stringstream in(text);
    std::string out;
    for (std::string word; in >> word;)
        if (word != "\\") out += (out.empty() ? "" : " ") + word;
    return out;
}

// `shell` run on `script` with `commands` after it; its output.
test::process_result run_shell(const std::string& shell, const std::string& commands) {
    return test::run_process("/usr/bin/env", {shell, "-c", commands}, test::source_dir());
}

}  // namespace

TEST_CASE("every command's help shows its usage, arguments, options and examples, and no internal option", "[cli][help]") {
    for (const std::string& command : every_command) {
        INFO(command);
        const auto help = test::run_verdict({command, "--help"});
        REQUIRE(help.exit_code == 0);
        CHECK_THAT(help.out, Catch::StartsWith("usage: verdict " + command));
        CHECK_THAT(help.out, Catch::Contains("\nOptions:\n  -h, --help"));
        CHECK_THAT(help.out, Catch::Contains("\nExamples:\n  verdict " + command));
        for (const char* internal : {"--tool-id", "--fixtures", "--script ", "__worker", "__manual"}) CHECK_THAT(help.out, !Catch::Contains(internal));
        CHECK(test::run_verdict({"help", command}).out == help.out);
    }
    CHECK_THAT(test::run_verdict({"compare", "--help"}).out, Catch::Contains("Arguments:\n  <tool-id> <tool-id>"));
}

TEST_CASE("help wraps between words to the terminal's width", "[cli][help]") {
    for (const std::string columns : {"50", "80", "120"}) {
        const auto help = run_with_columns(columns, {"compare", "--help"});
        REQUIRE(help.exit_code == 0);
        for (const std::string& line : lines_of(help.out)) CHECK(line.size() <= std::stoul(columns));
        // The words are those of the help at any width: none is cut in two.
        CHECK(words_of(help.out).find("the two tools' ids (catalog/tools/<id>.json); the first shows on the left") != std::string::npos);
        CHECK(words_of(help.out) == words_of(run_with_columns("100", {"compare", "--help"}).out));
    }
    for (const std::string& line : lines_of(run_with_columns("60", {"--help"}).out)) CHECK(line.size() <= 60);
}

TEST_CASE("the manual page has every command with its options and examples, and groff reads it without a warning", "[cli][help]") {
    const std::filesystem::path manual = built_share() / "man" / "man1" / "verdict.1";
    const std::string page = test::read_file(manual);
    REQUIRE_FALSE(page.empty());
    CHECK_THAT(page, Catch::StartsWith(".TH VERDICT 1"));
    for (const std::string& command : every_command) {
        CHECK_THAT(page, Catch::Contains(".SS \"verdict " + command + "\""));
        CHECK_THAT(page, Catch::Contains("\\fBverdict " + command));
    }
    CHECK_THAT(page, Catch::Contains(".B \\-j, \\-\\-jobs \\fIN\\fR"));
    CHECK_THAT(page, Catch::Contains(".SH EXIT STATUS"));
    const auto groff = run_shell("sh", "groff -man -ww -z '" + manual.string() + "' 2>&1");
    CHECK(groff.exit_code == 0);
    CHECK(groff.out.empty());
    const auto rendered = run_shell("sh", "MANWIDTH=80 man -l '" + manual.string() + "' 2>/dev/null");
    CHECK_THAT(rendered.out, Catch::Contains("verdict serve [options]"));
}

TEST_CASE("bash completes commands, options and their values from the generated script; zsh reads its own", "[cli][help]") {
    const std::string bash = (built_share() / "bash-completion" / "completions" / "verdict").string();
    const auto complete = [&](const std::string& words, int cword) {
        return run_shell("bash", "source '" + bash + "'; COMP_WORDS=(" + words + "); COMP_CWORD=" + std::to_string(cword) +
                                     "; _verdict; printf '%s\\n' \"${COMPREPLY[@]}\"");
    };
    CHECK(complete("verdict se", 1).out == "serve\n");
    CHECK(complete("verdict review --for", 2).out == "--format\n");
    CHECK(complete("verdict review --format ''", 3).out == "text\njson\nhtml\nmd\n");
    CHECK(complete("verdict batch --isolation n", 3).out == "none\n");
    CHECK(complete("verdict help ser", 2).out == "serve\n");
    CHECK(complete("verdict review claw", 2).out == "claw-code\n");   // the shipped catalog's tools, from the source tree
    CHECK(complete("verdict compare --catalog catalog claw-code mod", 5).out == "modal-gpu-serverless-inference\n");
    const std::string zsh = (built_share() / "zsh" / "vendor-completions" / "_verdict").string();
    const auto parsed = run_shell("zsh", "zsh -n '" + zsh + "' && echo parsed");
    CHECK(parsed.out == "parsed\n");
    CHECK_THAT(test::read_file(zsh), Catch::Contains("'--format[output format]:text|json|html|md:(text json html md)'"));
}

TEST_CASE("the jobs option must be a whole number from 1 to 1024, said once, with the value found", "[cli][errors]") {
    for (const char* bad : {"0", "-1", "abc", "2.5", "99999"}) {
        const auto run = test::run_verdict({"review", "claw-code", "--jobs", bad});
        CHECK(run.exit_code == 2);
        CHECK(run.err == std::string("verdict: error: --jobs: expected a whole number from 1 to 1024, found \"") + bad + "\"; see verdict review --help\n");
    }
    CHECK(test::run_verdict({"review", "claw-code", "--jobs", "3"}).exit_code == 0);
}

TEST_CASE("errors carry one prefix, and an output into a missing folder names the folder", "[cli][errors]") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"review"}, {"review", "claw-cod"}, {"compare", "claw-code"}, {"review", "claw-code", "--format", "yaml"},
             {"review", "claw-code", "--isolation", "nope"}, {"explain", "claw-code", "--persona", "skeptik"}, {"index", "--category", "Nope"},
             {"review", "claw-code", "--bogus"}}) {
        const auto run = test::run_verdict(args);
        CHECK(run.exit_code == 2);
        CHECK_THAT(run.err, Catch::StartsWith("verdict: error: "));
        CHECK_THAT(run.err, !Catch::Contains("error: verdict "));
    }
    test::temp_dir out;
    const std::filesystem::path missing = out.path() / "no-such-folder" / "page.html";
    const auto run = test::run_verdict({"compare", "claw-code", "modal-gpu-serverless-inference", "-o", missing.string()});
    CHECK(run.exit_code == 1);
    CHECK(run.err == "verdict: error: cannot write " + missing.generic_string() + ": its folder " + missing.parent_path().generic_string() +
                         " does not exist; create it first\n");
}

TEST_CASE("a batch whose output folder cannot be made failed to write: exit 1, naming the folder; one it must not write into is bad usage", "[cli][errors]") {
    test::temp_dir out;
    test::write_file(out.path() / "a-file", "not a folder");
    const auto blocked = test::run_verdict({"batch", "--out", (out.path() / "a-file" / "site").string(), "--quiet"});
    CHECK(blocked.exit_code == 1);
    CHECK_THAT(blocked.err, Catch::Contains("verdict: error: cannot create " + (out.path() / "a-file" / "site").generic_string() + ": "));
    test::write_file(out.path() / "foreign" / "notes.txt", "someone's");
    const auto foreign = test::run_verdict({"batch", "--out", (out.path() / "foreign").string(), "--quiet"});
    CHECK(foreign.exit_code == 2);
    CHECK_THAT(foreign.err, Catch::Contains("use --force to write into it anyway"));
}
