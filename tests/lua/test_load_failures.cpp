// Scripts that fail before they review anything: a syntax error, a runtime
// error at top level, a returned table with an unknown or a missing key, and
// a file over the source limit. Each is a host_error naming the script (and
// the line, where there is one) and the key at fault; in a panel the seat is
// failed from the start and every other seat reviews.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

TEST_CASE("a syntax error names the script and the line", "[lua][load]") {
    const auto out = test::load_only("syntax_error");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("syntax_error") + " loading: unexpected symbol near '='"));
    test::check_fails_alone("syntax_error", {test::place("syntax_error") + " loading: unexpected symbol"});
}

TEST_CASE("a runtime error at top level names the script and the line, with a traceback", "[lua][load]") {
    const auto out = test::load_only("top_level_error");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("top_level_error") + " loading: attempt to index a number value (field 'steady')"));
    CHECK_THAT(out.message, Contains("stack traceback:"));
    test::check_fails_alone("top_level_error", {test::place("top_level_error") + " loading: attempt to index a number value"});
}

TEST_CASE("an unknown key in the returned table is named, with a did-you-mean", "[lua][load][returns]") {
    const auto out = test::load_only("unknown_key");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("unknown_key.lua: loading: the returned table: unknown key \"reveiw\" (did you mean \"review\"?)"));
    test::check_fails_alone("unknown_key", {"unknown key \"reveiw\" (did you mean \"review\"?)"});
}

TEST_CASE("a missing key in the returned table is named", "[lua][load][returns]") {
    const auto out = test::load_only("missing_key");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("missing_key.lua: loading: the returned table: missing key \"version\""));
    test::check_fails_alone("missing_key", {"missing key \"version\""});
}

TEST_CASE("a script file over the source limit is refused before it is read, naming both sizes", "[lua][load][limits]") {
    script_limits limits = test::small_limits();
    limits.source_bytes = 1024;
    const auto size = std::filesystem::file_size(test::fixture_script("oversized_source"));
    REQUIRE(size > 1024);
    const auto out = test::load_only("oversized_source", limits);
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("oversized_source.lua: loading: expected a file of at most 1024 bytes, found " + std::to_string(size) + " bytes"));
    // Under the default limit the same file is a working persona.
    CHECK(test::load_only("oversized_source", test::small_limits()).ended == "no exception");
    test::check_fails_alone("oversized_source", {"at most 1024 bytes"}, limits);
}

TEST_CASE("a missing script file fails its seat, naming the file", "[lua][load]") {
    const auto out = test::load_only("no_such_script");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("no_such_script.lua: loading: expected a readable file, found no such file"));
}
