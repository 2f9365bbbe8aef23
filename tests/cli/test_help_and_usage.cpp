// The program's top level: help, version, unknown commands.
#include "support/process.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

TEST_CASE("--help lists every command and exits 0; no command at all is a usage error", "[cli][usage]") {
    const auto help = test::run_verdict({"--help"});
    CHECK(help.exit_code == 0);
    for (const char* command : {"review", "lint", "personas"}) CHECK_THAT(help.out, Catch::Contains(std::string("  ") + command));
    const auto bare = test::run_verdict({});
    CHECK(bare.exit_code == 2);
    CHECK_THAT(bare.err, Catch::Contains("usage: verdict <command>"));
}

TEST_CASE("each command has --help, and 'verdict help <command>' shows the same", "[cli][usage]") {
    for (const char* command : {"review", "lint", "personas"}) {
        const auto direct = test::run_verdict({command, "--help"});
        CHECK(direct.exit_code == 0);
        CHECK_THAT(direct.out, Catch::StartsWith(std::string("usage: verdict ") + command));
        CHECK_THAT(direct.out, Catch::Contains("--catalog"));
        CHECK(test::run_verdict({"help", command}).out == direct.out);
    }
}

TEST_CASE("an unknown command exits 2 with a suggestion; --version prints the version", "[cli][usage]") {
    const auto typo = test::run_verdict({"reveiw"});
    CHECK(typo.exit_code == 2);
    CHECK_THAT(typo.err, Catch::Contains("verdict: error: unknown command \"reveiw\" (did you mean \"review\"?)"));
    const auto version = test::run_verdict({"--version"});
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("verdict "));
}
