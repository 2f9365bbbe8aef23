// Ways out of the sandbox and into shared state: os, io, require, load,
// string.dump, a precompiled chunk in a script file, and globals read or
// written. None is reachable; each attempt is a host_error naming the script,
// the line and the name at fault, and fails its seat only.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// Reviews fixture `name` alone and in a panel; both must fail with `what` at the marked line.
void check_refused(const std::string& name, const std::string& what) {
    const auto out = test::review_with(name);
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place(name) + " review of probe-tool: " + what));
    test::check_fails_alone(name, {test::place(name), what});
}

}  // namespace

TEST_CASE("os.execute: os is not reachable", "[lua][hostile][escape]") {
    check_refused("os_execute", "'os' is not available to persona scripts");
}

TEST_CASE("io.open: io is not reachable", "[lua][hostile][escape]") {
    check_refused("io_open", "'io' is not available to persona scripts");
}

TEST_CASE("require: there is no module loader", "[lua][hostile][escape]") {
    check_refused("require_module", "'require' is not available to persona scripts");
}

TEST_CASE("load of a binary chunk: load is not reachable", "[lua][hostile][escape]") {
    check_refused("load_chunk", "'load' is not available to persona scripts");
}

TEST_CASE("string.dump is absent from the string library", "[lua][hostile][escape]") {
    check_refused("string_dump", "attempt to call a nil value (field 'dump')");
}

TEST_CASE("a script file that starts with the binary signature is refused as text-only, and fails its seat alone",
          "[lua][hostile][escape][load]") {
    const auto out = test::load_only("binary_signature");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains("binary_signature.lua"));
    CHECK_THAT(out.message, Contains("loading: "));
    CHECK_THAT(out.message, Contains("attempt to load a binary chunk (mode is 't')"));
    test::check_fails_alone("binary_signature", {"attempt to load a binary chunk"});
}

TEST_CASE("reading an undefined global is an error naming the global", "[lua][hostile][globals]") {
    check_refused("undefined_global", "global 'verdict_cache' is not defined");
}

TEST_CASE("assigning a global is an error naming the global", "[lua][hostile][globals]") {
    check_refused("global_assignment", "assignment to global 'reviews_so_far'");
}
