// What a plugin hands back must not depend on its library staying loaded:
// a review and a host_error are read here after the backend, and with it the
// last reference to the library, is gone. Each test first proves the library
// really was unmapped, or reading afterwards would prove nothing.
#include "host_test_support.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// A review flattened into text the test owns, to compare with after the library is gone.
std::vector<std::string> flatten(const review& r) {
    std::vector<std::string> lines{std::string(name_of(r.verdict)), std::to_string(r.score), r.quote};
    for (const reason& each : r.reasons)
        lines.push_back(each.rule + "|" + std::to_string(each.points) + "|" + each.fact + "|" + each.value + "|" + each.why);
    return lines;
}

}  // namespace

TEST_CASE("a review from a plugin stays valid after its library is unloaded", "[hosts][lifetime]") {
    const auto library = test::fixture_plugin("heap_review");
    auto backend = load_shared_library_persona(library);
    REQUIRE(test::is_mapped(library));
    const review r = backend->review_tool(test::probe_tool(), backend->defaults());
    const std::vector<std::string> before = flatten(r);
    REQUIRE(r.reasons.size() == 1);
    REQUIRE(r.quote.size() > 200);

    backend.reset();
    REQUIRE_FALSE(test::is_mapped(library));

    CHECK(flatten(r) == before);
    CHECK_THAT(r.quote, Contains("A review of Probe Tool whose every byte was allocated by the plugin"));
    CHECK(r.reasons[0].why == "The catalog names it, which is as much as this persona asks for.");
    CHECK(r.score == 55);
}

TEST_CASE("a host_error carrying a plugin's exception text stays readable after its library is unloaded",
          "[hosts][lifetime]") {
    const auto library = test::fixture_plugin("throwing_review");
    auto backend = load_shared_library_persona(library);
    std::unique_ptr<host_error> kept;
    try {
        backend->review_tool(test::probe_tool(), backend->defaults());
    } catch (const host_error& error) {
        kept = std::make_unique<host_error>(error);
    }
    REQUIRE(kept);

    backend.reset();
    REQUIRE_FALSE(test::is_mapped(library));
    CHECK_THAT(std::string(kept->what()), Contains("boom: throwing_review cannot make up its mind"));
}

// The host keeps the library as the first member of the backend so it unloads after the persona.
// That order is only ever exercised if a plugin can unload at all. GCC gives inline variables and
// function-local statics of std:: templates (std::piecewise_construct, to_chars' digit table)
// STB_GNU_UNIQUE binding, and glibc never unloads a library with such a symbol. The stock personas
// have them, so today they stay mapped for the life of the process.
TEST_CASE("each stock plugin is unmapped once its last backend is destroyed", "[hosts][lifetime][stock]") {
    for (const std::string name : {"developer", "skeptic", "futurist", "business", "creator"}) {
        DYNAMIC_SECTION(name) {
            const auto library = test::persona_dir() / (name + ".so");
            auto backend = load_shared_library_persona(library);
            REQUIRE(test::is_mapped(library));
            const review r = backend->review_tool(test::probe_tool(), backend->defaults());
            backend.reset();
            CHECK_FALSE(test::is_mapped(library));
            CHECK_FALSE(r.quote.empty());
        }
    }
}
