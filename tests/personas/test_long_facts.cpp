// Facts as long as the schema allows must not make a stock persona fail: the
// quote is fitted to the limit, and every other part of the review stands.
#include "persona_checks.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

namespace {

// `length` characters, two bytes each, with spaces, so a quote is long in bytes as well as in characters.
std::string long_text(std::size_t length) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += i % 8 == 7 ? " " : "é";
    return text;
}

std::vector<std::string> long_list() { return std::vector<std::string>(20, long_text(120)); }

tool longest_tool() {
    tool t = test::identity_tool();
    t.primitive = t.performance = t.licence.name = long_text(400);
    t.availability = release_stage::released;
    t.integrations = t.distribution = t.ecosystem = long_list();
    t.setup = {false, 0, 1, long_text(120), long_text(200)};
    t.examples = examples_quality::working;
    t.deployment = std::vector{deployment_target::local};
    t.lock_in = lock_in_level::none;
    t.licence.open_source = true;
    t.licence.commercial_use = commercial_terms::restricted;
    t.dx_bet = t.track_record = t.differentiator = t.audience_note = long_text(400);
    t.hard_to_replicate = true;
    t.predecessor = predecessor_facts{long_text(120), long_text(200)};
    t.supports = std::vector<support_facts>(20, {long_text(120), true});
    t.claims = std::vector<claim_facts>(
        10, claim_facts{long_text(200), {evidence_kind::self_reported, evidence_kind::code}, long_text(400), long_text(400)});
    t.benchmarks = benchmark_facts{long_list(), true, false};
    t.competitors = std::vector<competitor_facts>(20, {long_text(120), true, commercial_terms::allowed, long_text(200)});
    t.problem = {long_text(400), true};
    t.risks = {risk_level::medium, long_text(400), long_text(400)};
    t.market = {long_text(400), long_text(120), revenue_kind::usage, long_text(400), long_text(400), false,
                long_text(400), long_text(200), long_text(400)};
    t.thesis = {long_text(400), true, long_text(400), dependency_health::holding, long_text(400), trend_timing::early,
                std::vector<dependency_facts>(10, {long_text(200), dependency_health::uncertain}), long_text(400)};
    t.audience = std::vector{audience_kind::creators};
    t.traction = {500000, long_text(120), long_text(120)};
    return t;
}

}  // namespace

TEST_CASE("every stock persona reviews a tool whose facts are as long as the schema allows", "[personas][limits]") {
    const tool t = longest_tool();
    for (const std::string name : {"developer", "skeptic", "futurist", "business", "creator"}) {
        INFO(name);
        auto p = test::load_stock_persona(name);
        const review r = test::checked_review(*p, t, p->defaults());
        CHECK(r.quote.size() <= max_quote_bytes);
        CHECK(is_valid_utf8(r.quote));
        CHECK_FALSE(r.reasons.empty());
    }
}

TEST_CASE("fit_quote leaves a short quote alone and cuts a long one at a space, ending with an ellipsis", "[personas][limits]") {
    CHECK(fit_quote("short") == "short");
    const std::string long_quote = long_text(3000);
    const std::string fitted = fit_quote(long_quote);
    CHECK(fitted.size() <= max_quote_bytes);
    CHECK(fitted.size() > max_quote_bytes - 20);
    CHECK_THAT(fitted, Catch::EndsWith("\u2026"));
    CHECK(long_quote.compare(0, fitted.size() - 3, fitted, 0, fitted.size() - 3) == 0);
    CHECK(fitted[fitted.size() - 4] != ' ');
    CHECK(is_valid_utf8(fit_quote(std::string(5000, 'x'))));
}
