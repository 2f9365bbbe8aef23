// ctx, the host services a script reviews with: rules it never declared,
// calls outside a review, the log's cap, the settings in force under panel
// overrides, and the helpers that must agree with the C++ SDK's on the same
// inputs (openness_of, join_list, with_thousands).
#include "hosts/lua/lua_ctx.hpp"
#include "lua_test_support.hpp"
#include "verdict/persona.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <limits>
#include <mutex>
#include <string>
#include <string_view>

using namespace verdict;
using Catch::Matchers::Contains;

namespace {

// The quote fixture `name` gives for `t`, or a failed test showing why there is none.
std::string quote_for(const std::string& name, const tool& t) {
    const auto out = test::review_with(name, t);
    INFO(out.message);
    REQUIRE(out.result.has_value());
    return out.result->quote;
}

}  // namespace

TEST_CASE("ctx.rule with an undeclared rule id is an error naming the rule and the line", "[lua][ctx]") {
    const auto out = test::load_only("undeclared_rule");
    CHECK(out.ended == "host_error");
    CHECK_THAT(out.message, Contains(test::place("undeclared_rule") +
                                     " loading: bad argument #1 to 'ctx.rule' (expected a rule id declared in defaults.weights, found \"secret_sauce\")"));
    test::check_fails_alone("undeclared_rule", {"found \"secret_sauce\""});
}

TEST_CASE("ctx functions called outside a review are an error, not a crash", "[lua][ctx]") {
    script_engine engine;
    lua_runtime& runtime = engine.runtime();
    const std::lock_guard lock(runtime.mutex());
    lua_State* L = runtime.state();
    settings s;
    s.weights["steady"] = 10;
    const char* calls[] = {"ctx.rule('steady', 'name', 'x', true, 'why')", "ctx.finish('A quote.')", "ctx.verdict()", "ctx.score()",
                           "ctx.fired('steady')", "ctx.known()", "ctx.weight('steady')", "ctx.log('a line')"};
    for (const char* call : calls) {
        INFO(call);
        const std::string chunk = "local ctx = ...\nreturn " + std::string(call);
        REQUIRE(luaL_loadstring(L, chunk.c_str()) == LUA_OK);   // [+1]
        push_ctx(L, s);                                          // [+1]
        const auto error = runtime.call(runtime.add_owner(1u << 20), 1, 0, 100'000, 10.0);   // [-2]
        REQUIRE(error.has_value());
        const std::string name(call, std::string_view(call).find('('));
        CHECK_THAT(*error, Contains(name + ": only available while a review runs"));
        CHECK(lua_gettop(L) == 0);
    }
}

// As scripts/README.md says: ctx.known() counts the distinct fact names given to ctx.rule, fired or not, and not the
// facts only a sentence cites; an abstaining review keeps its score, which the panel's mean leaves out.
TEST_CASE("ctx.known() counts distinct facts weighed; an abstention keeps a score that counts toward nothing", "[lua][ctx][known]") {
    const auto out = test::review_with("known_facts");
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->quote == "It comes from Example Labs. Known: 1, then 2.");
    CHECK(out.result->verdict == verdict_kind::abstain);
    CHECK(out.result->score == 55);   // base 40, named 10, runnable 5

    const test::script_catalog catalog({{"knower", "known_facts"}}, script_limits{});
    const tool_review r = catalog.review(catalog.load());
    const seat_review* knower = test::seat_in(r, "knower");
    REQUIRE(knower != nullptr);
    CHECK(knower->outcome() == seat_outcome::abstain);
    double voting_scores = 0;
    for (const seat_review& each : r.seats)
        if (each.outcome() == seat_outcome::ship || each.outcome() == seat_outcome::skip) voting_scores += each.result->score;
    REQUIRE(r.verdict.mean_score.has_value());
    CHECK(*r.verdict.mean_score == Approx(voting_scores / r.verdict.voting()));
}

TEST_CASE("ctx.log takes ten thousand long lines without failing or slowing the review", "[lua][ctx][log]") {
    const auto started = std::chrono::steady_clock::now();
    const auto out = test::review_with("ctx_log_flood", test::probe_tool(), script_limits{});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500));
    INFO(out.message);
    REQUIRE(out.result.has_value());
    CHECK(out.result->quote == "Logged ten thousand lines.");
}

// The scripts README says ctx.log lines are "kept with the review (at most 20 lines)": the JSON review carries them.
TEST_CASE("ctx.log lines are kept with the review, the first twenty of them", "[lua][ctx][log]") {
    const test::script_catalog catalog({{"logger", "ctx_log_flood"}}, script_limits{});
    const auto run = catalog.run_cli();
    REQUIRE(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("log line 1:"));
    CHECK_THAT(run.out, Contains("log line 20:"));
    CHECK_THAT(run.out, !Contains("log line 21:"));
}

TEST_CASE("ctx.settings and ctx.weight show the persona's defaults, and the panel's overrides when it has them", "[lua][ctx][settings]") {
    CHECK(quote_for("ctx_settings", test::probe_tool()) == "base 40, threshold 70, min_facts 0, weights lenient=5,strict=-5, weight(strict) -5");

    const test::script_catalog catalog;
    nlohmann::json panel = test::stock_panel_json();
    panel["seats"].push_back({{"id", "tuned"},
                              {"script", test::fixture_script("ctx_settings").string()},
                              {"settings", {{"base", 45}, {"threshold", 55}, {"min_facts", 2}, {"weights", {{"strict", -40}}}}}});
    panel["default_seats"].push_back("tuned");
    catalog.set_panel(panel);
    const tool_review r = catalog.review(catalog.load());
    const seat_review* tuned = test::seat_in(r, "tuned");
    REQUIRE(tuned != nullptr);
    INFO(tuned->failure);
    REQUIRE(tuned->result.has_value());
    CHECK(tuned->result->quote == "base 45, threshold 55, min_facts 2, weights lenient=5,strict=-40, weight(strict) -40");
    CHECK(tuned->result->verdict == verdict_kind::abstain);   // min_facts 2 in force, no facts read
}

TEST_CASE("ctx.openness agrees with the SDK's openness_of for every combination of known and unknown", "[lua][ctx][parity]") {
    const std::optional<bool> states[] = {std::nullopt, true, false};
    for (const auto& source : states) {
        for (const auto& weights : states) {
            tool t = test::probe_tool();
            t.licence.open_source = source;
            t.licence.open_weights = weights;
            const auto o = openness_of(t);
            const std::string expected = o ? std::string(o->fact) + (o->open ? " true" : " false") : "nil nil";
            INFO("open_source " << (source ? (*source ? "true" : "false") : "unknown") << ", open_weights "
                                << (weights ? (*weights ? "true" : "false") : "unknown"));
            CHECK(quote_for("ctx_openness", t) == expected);
        }
    }
}

TEST_CASE("ctx.join_list and ctx.with_thousands give what join_list and with_thousands give on the same facts", "[lua][ctx][parity]") {
    using list = std::vector<std::string>;
    const std::optional<list> lists[] = {std::nullopt, list{}, list{"llama.cpp"}, list{"llama.cpp", "MLC"},
                                         list{"llama.cpp", "MLC", "Ollama"}, list{"PyTorch", "JAX", "Caf\u00e9 runtime", "ONNX"}};
    const std::optional<std::int64_t> stars[] = {std::nullopt, 0, 7, 999, 1000, 180000, 1234567, -1234567, 9007199254740993,
                                                 std::numeric_limits<std::int64_t>::max()};
    for (std::size_t i = 0; i < std::size(lists); ++i) {
        tool t = test::probe_tool();
        t.integrations = lists[i];
        t.traction.github_stars = stars[i % std::size(stars)];
        const list items = lists[i].value_or(list{});
        const std::string expected = join_list(items) + "|" + join_list(items, "or") + "|" + with_thousands(t.traction.github_stars.value_or(0));
        INFO("case " << i);
        CHECK(quote_for("ctx_formatting", t) == expected);
    }
    for (const auto& n : stars) {
        tool t = test::probe_tool();
        t.traction.github_stars = n;
        INFO("github_stars " << n.value_or(0));
        CHECK(quote_for("ctx_formatting", t) == "PyTorch and Hugging Face Transformers|PyTorch or Hugging Face Transformers|" + with_thousands(n.value_or(0)));
    }
}

// with_thousands negates a negative number before printing it, which overflows for the smallest int64: a value
// any script can pass (math.mininteger), so both the SDK and ctx must print it correctly.
TEST_CASE("ctx.with_thousands prints the smallest integer correctly", "[lua][ctx]") {
    tool t = test::probe_tool();
    t.integrations = std::vector<std::string>{};
    t.traction.github_stars = std::numeric_limits<std::int64_t>::min();
    CHECK(quote_for("ctx_formatting", t) == "||-9,223,372,036,854,775,808");
    CHECK(with_thousands(std::numeric_limits<std::int64_t>::min()) == "-9,223,372,036,854,775,808");
}

// describe_value() walks a table by recursing in C++ with no depth limit, pushing a value each level without
// lua_checkstack: a list that holds itself overruns the Lua stack and then the C stack. Run in a child process.
TEST_CASE("ctx.describe on a list that contains itself is an error, not a crash", "[lua][ctx][crash]") {
    const auto run = test::run_verdict({"lint", test::fixture_script("ctx_describe_cycle").string()});
    INFO("exit " << run.exit_code << "\n" << run.out << run.err);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.out, Contains(test::place("ctx_describe_cycle")));
}
