// The names a script gives ctx: a rule id defaults.weights does not declare and
// a fact name the catalog does not have are mistakes of the script, found when
// it loads when they are written as literals (so `verdict lint` reports them
// whichever tools reach their line), and when a review reaches them when the
// script builds them; each names the file, the line and the nearest known name.
// Names the load cannot judge are left to the review, with no false alarm.
#include "hosts/lua/lua_tool_view.hpp"
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// verdict lint <fixture> on the shipped catalog, where no tool reaches the fixtures' misspelt lines: it must
// report `message` at the fixture's marked line and exit 2.
void check_lint_reports(const std::string& fixture, const std::string& message) {
    const auto run = test::run_verdict({"lint", test::fixture_script(fixture).string()});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Contains(test::place(fixture) + " loading: " + message));
    CHECK_THAT(run.err, Contains("verdict lint: 1 problem"));
}

}  // namespace

TEST_CASE("the fact names are the tool schema's, with groups and the fields of lists' items after a dot", "[lua][names]") {
    const auto& names = tool_fact_names();
    CHECK(std::is_sorted(names.begin(), names.end()));
    for (const char* name : {"name", "availability", "setup.api_key", "licence.open_weights", "claims.evidence", "thesis.dependencies.status",
                             "traction.github_stars", "competitors", "integrations"}) {
        INFO(name);
        CHECK(std::binary_search(names.begin(), names.end(), std::string(name)));
    }
    CHECK_FALSE(std::binary_search(names.begin(), names.end(), std::string("availabilty")));
}

TEST_CASE("a misspelt rule id no tool reaches fails the load at its line, with the nearest declared rule", "[lua][names][rules]") {
    const std::string message = "bad argument #1 to 'ctx.rule' (expected a rule id declared in defaults.weights, found \"runable\"; "
                                "did you mean \"runnable\"?)";
    const auto out = test::load_only("unreached_rule");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("unreached_rule") + " loading: " + message));
    check_lint_reports("unreached_rule", message);
}

TEST_CASE("a misspelt fact name in ctx.rule that no tool reaches fails the load at its line, with the nearest fact", "[lua][names][facts]") {
    const std::string message = "bad argument #2 to 'ctx.rule' (expected a fact name of the catalog, such as \"setup.api_key\", found "
                                "\"availabilty\"; did you mean \"availability\"?)";
    CHECK_THAT(test::load_only("unreached_fact").message, Contains(test::place("unreached_fact") + " loading: " + message));
    check_lint_reports("unreached_fact", message);
}

TEST_CASE("a misspelt fact name among a sentence's facts fails the load at its line, naming the item", "[lua][names][facts]") {
    const std::string message = "bad argument #3 to 'ctx.close' (expected a fact name of the catalog, such as \"setup.api_key\", found "
                                "\"licence.open_wieghts\" at [2]; did you mean \"licence.open_weights\"?)";
    CHECK_THAT(test::load_only("unreached_sentence").message, Contains(test::place("unreached_sentence") + " loading: " + message));
    check_lint_reports("unreached_sentence", message);
}

TEST_CASE("a fact name the script builds is checked when a review reaches it, and the seat alone fails", "[lua][names][facts]") {
    CHECK(test::load_only("computed_fact").ended == "no exception");
    const std::string message = "bad argument #2 to 'ctx.rule' (expected a fact name of the catalog, such as \"setup.api_key\", found "
                                "\"setup.api_kee\"; did you mean \"setup.api_key\"?)";
    const auto out = test::review_with("computed_fact");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("computed_fact") + " review of probe-tool: " + message));
    test::check_fails_alone("computed_fact", {message});
}

TEST_CASE("names in comments and strings, escaped or built literals, ctx.fired's ids and ctx reached as a field raise nothing",
          "[lua][names]") {
    const auto out = test::review_with("names_left_alone");
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->score == 55);   // base 40, named 5, runnable 10
    CHECK(out.result->quote == "Probe Tool has a name. It is runnable.");
    const auto lint = test::run_verdict({"lint", test::fixture_script("names_left_alone").string()});
    INFO(lint.err);
    CHECK(lint.exit_code == 0);
}

TEST_CASE("the stock scripts name only declared rules and catalog facts", "[lua][names]") {
    for (const char* persona : {"developer", "skeptic", "futurist", "business", "creator"}) {
        INFO(persona);
        const auto run = test::run_verdict({"lint", (test::source_dir() / "scripts" / (std::string(persona) + ".lua")).string()});
        INFO(run.err);
        CHECK(run.exit_code == 0);
    }
}
