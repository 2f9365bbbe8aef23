// Every way a persona plugin can fail to load, on real broken libraries built
// from tests/fixtures/plugins/: each must end in a host_error whose message
// starts with the plugin's file and says what the host expected and found.
#include "host_test_support.hpp"
#include "support/temp_catalog.hpp"
#include "support/text_file.hpp"
#include "verdict/persona.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace verdict;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const test::failure_case load_cases[] = {
    {"wrong_api_version", {": loading: ", "expected persona API version " + std::to_string(api_version), "found version 999"}},
    {"not_a_plugin", {": loading: ", "expected a persona plugin exporting verdict_api_version and verdict_create_persona",
                      "found a shared library without them"}},
    {"version_only", {": loading: ", "expected a persona plugin exporting verdict_api_version and verdict_create_persona",
                      "found a shared library without them"}},
    {"unresolved_symbol", {": loading: ", "expected a shared library whose symbols all resolve", "undefined symbol",
                           "verdict_fixture_symbol_defined_nowhere"}},
    {"throwing_factory", {": creating the persona: ", "expected no exception", "boom: throwing_factory refuses to be built"}},
    {"null_factory", {": creating the persona: ", "expected a persona", "found a null pointer"}},
    {"throwing_identity", {": reading the persona's identity: ", "expected no exception", "boom: throwing_identity forgot its name"}},
    {"bad_defaults", {": defaults: ", "expected a finite weight for rule \"poisoned\"", "found nan"}},
    {"bad_threshold", {": defaults: ", "expected a threshold from 0 to 100", "found 150"}},
};

}  // namespace

TEST_CASE("each broken plugin fails to load with a host_error naming its file, what was expected and what was found",
          "[hosts][load]") {
    for (const test::failure_case& c : load_cases) {
        DYNAMIC_SECTION(c.plugin) {
            const auto library = test::fixture_plugin(c.plugin);
            REQUIRE(std::filesystem::is_regular_file(library));   // the fixture was built: the failure is the plugin's
            const auto outcome = test::outcome_of_call([&] { load_shared_library_persona(library); });
            REQUIRE(outcome.ended == "host_error");
            // The file comes first, as the reader would find it, so a failed seat points at what to fix.
            CHECK_THAT(outcome.message, StartsWith(display_path(library) + ": "));
            CHECK_THAT(outcome.message, Contains(std::string(c.plugin) + ".so"));
            for (const std::string& fragment : c.fragments) CHECK_THAT(outcome.message, Contains(fragment));
        }
    }
}

// The factory of wrong_api_version calls std::abort(): reaching this test's end at all proves the
// host read the version before it ran any of the plugin's code.
TEST_CASE("the API version is checked before any plugin code runs", "[hosts][load][version]") {
    const auto outcome = test::outcome_of_call([] { load_shared_library_persona(test::fixture_plugin("wrong_api_version")); });
    REQUIRE(outcome.ended == "host_error");
    CHECK_THAT(outcome.message, Contains("rebuild the plugin against this SDK"));
}

TEST_CASE("a plugin file that does not exist fails with a host_error naming it", "[hosts][load][missing]") {
    test::temp_dir dir;
    const auto library = dir.path() / "missing.so";
    const auto outcome = test::outcome_of_call([&] { load_shared_library_persona(library); });
    REQUIRE(outcome.ended == "host_error");
    CHECK_THAT(outcome.message, StartsWith(display_path(library) + ": loading: "));
    CHECK_THAT(outcome.message, Contains("expected a persona plugin file"));
    CHECK_THAT(outcome.message, Contains("found no such file"));
}

// A folder exists, so "no such file" would send the reader looking for a file that is not missing;
// read_text_file words the same case as "something that is not a file".
TEST_CASE("a folder named like a plugin is reported as not a file rather than as missing", "[hosts][load][missing]") {
    test::temp_dir dir;
    const auto library = dir.path() / "folder.so";
    std::filesystem::create_directories(library);
    const auto outcome = test::outcome_of_call([&] { load_shared_library_persona(library); });
    REQUIRE(outcome.ended == "host_error");
    CHECK_THAT(outcome.message, StartsWith(display_path(library) + ": loading: "));
    CHECK_THAT(outcome.message, Contains("expected a persona plugin file"));
    CHECK_THAT(outcome.message, Contains("found something that is not a file"));
    CHECK_THAT(outcome.message, !Contains("no such file"));
}

TEST_CASE("a text file named like a plugin fails with the loader's reason, not a crash", "[hosts][load][garbage]") {
    test::temp_dir dir;
    const auto library = dir.path() / "garbage.so";
    // Longer than an ELF header, so the loader reads a header and rejects it rather than calling the file short.
    test::write_file(library, "This is not a shared library. It is a text file that someone named garbage.so by mistake.\n");
    const auto outcome = test::outcome_of_call([&] { load_shared_library_persona(library); });
    REQUIRE(outcome.ended == "host_error");
    CHECK_THAT(outcome.message, StartsWith(display_path(library) + ": loading: "));
    CHECK_THAT(outcome.message, Contains("garbage.so"));
    CHECK_THAT(outcome.message, Contains("expected a shared library"));
    CHECK_THAT(outcome.message, Contains("invalid ELF header"));
    // The path is shown once, at the front: the loader's own copy of it is stripped.
    CHECK(outcome.message.find(library.string(), 1) == std::string::npos);
}

TEST_CASE("a plugin that fails to load leaves no library mapped behind it", "[hosts][load][lifetime]") {
    for (const char* name : {"wrong_api_version", "not_a_plugin", "version_only", "throwing_factory", "null_factory",
                             "throwing_identity", "bad_defaults", "bad_threshold"}) {
        DYNAMIC_SECTION(name) {
            const auto library = test::fixture_plugin(name);
            REQUIRE_FALSE(test::is_mapped(library));
            REQUIRE(test::outcome_of_call([&] { load_shared_library_persona(library); }).ended == "host_error");
            CHECK_FALSE(test::is_mapped(library));
        }
    }
}

TEST_CASE("a failed load leaves the host able to load a good plugin and the same bad one again", "[hosts][load]") {
    const auto first = test::outcome_of_call([] { load_shared_library_persona(test::fixture_plugin("throwing_factory")); });
    auto good = load_shared_library_persona(test::persona_dir() / "developer.so");
    CHECK(good->identity().id == "developer");
    const auto again = test::outcome_of_call([] { load_shared_library_persona(test::fixture_plugin("throwing_factory")); });
    CHECK(first.ended == "host_error");
    CHECK(again.message == first.message);
}
