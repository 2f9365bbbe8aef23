// A script's quote, sentence by sentence: ctx.say and ctx.close record what
// each sentence stands on, ctx.finish() puts the strongest reason first (or
// the rule named with ctx.decisive), and a sentence that stands on nothing
// fails the review at its line, one on a rule the script never declared the
// load.
#include "lua_test_support.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using Catch::Matchers::Contains;

TEST_CASE("ctx.say and ctx.close build the quote with its sources, the largest gain first", "[lua][ctx][sentences]") {
    const auto out = test::review_with("sentences");
    INFO(out.message);
    REQUIRE(out.result.has_value());
    const review& r = *out.result;
    REQUIRE(r.sentences.size() == 5);
    CHECK(r.sentences[0] == quote_sentence{"It loads into PyTorch and Hugging Face Transformers.", {"stacks"}, {"integrations"}});
    CHECK(r.sentences[1] == quote_sentence{"Probe Tool has a name.", {"named"}, {"name"}});
    CHECK(r.sentences[2] == quote_sentence{"Its weights are open.", {"open"}, {"licence.open_weights"}});
    CHECK(r.sentences[3].text == "Fired among: stacks, named; includes: true.");
    CHECK(r.sentences[4] == quote_sentence{"Verdict rules: named, open, stacks.", {"named", "open", "stacks"}, {}});
    CHECK(r.quote ==
          "It loads into PyTorch and Hugging Face Transformers. Probe Tool has a name. Its weights are open. "
          "Fired among: stacks, named; includes: true. Verdict rules: named, open, stacks.");
    CHECK(r.verdict == verdict_kind::ship);
    CHECK(r.score == 75);
}

TEST_CASE("ctx.decisive names the rule whose sentence opens the quote", "[lua][ctx][sentences]") {
    tool t = test::probe_tool();
    t.lock_in = lock_in_level::none;
    const auto out = test::review_with("sentences", t);
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->sentences.front().text == "Its weights are open.");
    CHECK(out.result->sentences.back().text == "Verdict rules: named, open, stacks.");
}

TEST_CASE("a sentence that names no rule or fact fails the review at its line, and the seat alone", "[lua][ctx][sentences]") {
    const auto out = test::review_with("sentence_without_source");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("sentence_without_source") +
                                     " review of probe-tool: ctx.say: a sentence must name the rules or facts it stands on (text, {rules}, {facts})"));
    test::check_fails_alone("sentence_without_source", {"a sentence must name the rules or facts it stands on"});
}

TEST_CASE("a sentence standing on a rule the script never declared fails at its line, naming the rule", "[lua][ctx][sentences]") {
    const auto out = test::load_only("sentence_undeclared_rule");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("sentence_undeclared_rule") +
                                     " loading: bad argument #2 to 'ctx.say' (expected a rule id declared in defaults.weights, found \"vibes\" at [1])"));
}
