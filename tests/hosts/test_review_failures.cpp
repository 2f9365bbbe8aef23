// Plugins that load cleanly and then fail a review: by throwing, or by
// returning a review that check_review() must reject. Each failure must reach
// the caller only as a host_error naming the file, the tool and the field or
// exception at fault, and must not stop the persona reviewing again.
#include "host_test_support.hpp"
#include "support/text_file.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace verdict;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const test::failure_case review_cases[] = {
    {"throwing_review", {"expected no exception", "exception \"boom: throwing_review cannot make up its mind\""}},
    {"throwing_non_std", {"expected no exception", "found an exception that is not a std::exception"}},
    {"nan_score", {"expected a valid review", "score: expected a number from 0 to 100, found NaN"}},
    {"score_out_of_range", {"expected a valid review", "score: expected a number from 0 to 100, found 150"}},
    {"bad_verdict", {"expected a valid review", "verdict: expected ship, skip or abstain, found value 7"}},
    {"broken_receipt", {"expected a valid review", "score: expected base plus the reasons' points (55", "found 70"}},
    {"verdict_against_threshold", {"expected a valid review", "verdict: expected skip for score 50", "against threshold 60", "found ship"}},
    {"empty_quote", {"expected a valid review", "quote: expected text, found an empty string"}},
    {"invalid_utf8_quote", {"expected a valid review", "quote: expected UTF-8 text, found invalid bytes"}},
    {"oversized_quote", {"expected a valid review", "quote: expected at most 4000 bytes, found 4001"}},
    {"undeclared_rule", {"expected a valid review", "reasons[0].rule: expected a rule declared in the persona's weights, found \"secret_sauce\""}},
    {"points_not_weight", {"expected a valid review", "reasons[0].points: expected the weight of rule \"steady\" (5), found 7"}},
};

}  // namespace

TEST_CASE("each bad review fails with a host_error naming the file, the tool and what was wrong", "[hosts][review]") {
    const tool t = test::probe_tool();
    for (const test::failure_case& c : review_cases) {
        DYNAMIC_SECTION(c.plugin) {
            const auto library = test::fixture_plugin(c.plugin);
            auto backend = load_shared_library_persona(library);   // the plugin is sound until it reviews
            REQUIRE(backend->identity().id == "well_behaved");
            const auto outcome = test::outcome_of_call([&] { backend->review_tool(t, backend->defaults()); });
            REQUIRE(outcome.ended == "host_error");
            CHECK_THAT(outcome.message, StartsWith(display_path(library) + ": review of probe-tool: "));
            CHECK_THAT(outcome.message, Contains(std::string(c.plugin) + ".so"));
            for (const std::string& fragment : c.fragments) CHECK_THAT(outcome.message, Contains(fragment));
        }
    }
}

TEST_CASE("a failed review does not break the persona: the next review fails the same way", "[hosts][review]") {
    auto backend = load_shared_library_persona(test::fixture_plugin("throwing_review"));
    const auto first = test::outcome_of_call([&] { backend->review_tool(test::probe_tool(), backend->defaults()); });
    const auto second = test::outcome_of_call([&] { backend->review_tool(test::probe_tool(), backend->defaults()); });
    REQUIRE(first.ended == "host_error");
    CHECK(second.ended == "host_error");
    CHECK(second.message == first.message);
}

// verdict_against_threshold ships at the base score of 50. Whether that is wrong depends on the
// settings in force, not on the persona's defaults: the panel may lower the threshold.
TEST_CASE("a review is checked against the settings it was made under", "[hosts][review][settings]") {
    auto backend = load_shared_library_persona(test::fixture_plugin("verdict_against_threshold"));
    settings lowered = backend->defaults();
    lowered.threshold = 40;
    const review r = backend->review_tool(test::probe_tool(), lowered);
    CHECK(r.verdict == verdict_kind::ship);
    CHECK(r.score == 50);

    const auto at_default = test::outcome_of_call([&] { backend->review_tool(test::probe_tool(), backend->defaults()); });
    REQUIRE(at_default.ended == "host_error");
    CHECK_THAT(at_default.message, Contains("against threshold 60"));
}

TEST_CASE("plugin exceptions never escape as anything but host_error, even from several threads at once",
          "[hosts][review][threads]") {
    for (const char* name : {"throwing_review", "throwing_non_std", "nan_score"}) {
        DYNAMIC_SECTION(name) {
            auto backend = load_shared_library_persona(test::fixture_plugin(name));
            const tool t = test::probe_tool();
            const std::string expected = test::outcome_of_call([&] { backend->review_tool(t, backend->defaults()); }).message;
            REQUIRE_FALSE(expected.empty());
            std::atomic<int> wrong{0};
            std::vector<std::thread> threads;
            for (int i = 0; i < 4; ++i)
                threads.emplace_back([&] {
                    // Anything escaping a thread would terminate the run; count mismatches instead.
                    for (int k = 0; k < 50; ++k) {
                        const auto outcome = test::outcome_of_call([&] { backend->review_tool(t, backend->defaults()); });
                        if (outcome.ended != "host_error" || outcome.message != expected) ++wrong;
                    }
                });
            for (std::thread& each : threads) each.join();
            CHECK(wrong == 0);
        }
    }
}
