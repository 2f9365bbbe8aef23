// Shared pieces of the focused persona tests: load a real built stock plugin,
// start a tool from identity fields alone, run a table of single-fact rule
// cases, and check that a review's receipt adds up under the settings it was
// reviewed with. Expected scores are always computed from the persona's own
// declared weights, so a test states which rules fire, never a number.
#pragma once

#include "hosts/shared_library_host.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace verdict::test {

/// The built stock persona `name` (e.g. "developer"), loaded through the real shared-library host.
inline std::unique_ptr<persona_backend> load_stock_persona(const std::string& name) {
    return load_shared_library_persona(persona_dir() / (name + ".so"));
}

/// A tool with only the fields the schema requires (pricing.entry keeps its default, free): every fact unknown.
inline tool identity_tool() {
    tool t;
    t.id = "probe-tool";
    t.name = "Probe Tool";
    t.vendor = "Probe Labs";
    t.category = "Developer Tools";
    t.tagline = "A tool made up for one test";
    t.description = "A tool that exists only to carry the facts a test is about.";
    return t;
}

/// What the receipt must add up to when exactly `rules` fire: the base plus their declared weights.
inline double expected_score(const settings& s, const std::vector<std::string>& rules) {
    double total = s.base;
    for (const std::string& rule : rules) total += s.weight(rule);
    return total;
}

/// The verdict a score earns under `s` (ship at or above the threshold).
inline verdict_kind verdict_for(double score, const settings& s) {
    return score >= s.threshold ? verdict_kind::ship : verdict_kind::skip;
}

/// The ids of the rules that fired, in the order the persona evaluated them.
inline std::vector<std::string> fired_rules(const review& r) {
    std::vector<std::string> ids;
    for (const reason& each : r.reasons) ids.push_back(each.rule);
    return ids;
}

/// The reason rule `rule` left, or nullptr when it did not fire.
inline const reason* reason_for(const review& r, const std::string& rule) {
    for (const reason& each : r.reasons)
        if (each.rule == rule) return &each;
    return nullptr;
}

/// Reviews `t` under `s` through the host and checks the receipt independently of the host's own check.
inline review checked_review(const persona_backend& p, const tool& t, const settings& s) {
    review r = p.review_tool(t, s);
    CHECK_NOTHROW(check_review(r, s));
    double total = s.base;
    for (const reason& each : r.reasons) total += each.points;
    CHECK(total == Approx(r.score));
    if (r.verdict != verdict_kind::abstain) CHECK(r.verdict == verdict_for(r.score, s));
    return r;
}

/// Checks that `r` is exactly the rules `fired`, scored at the declared weights of `s`.
inline void check_fired(const review& r, const settings& s, const std::vector<std::string>& fired) {
    CHECK(fired_rules(r) == fired);
    for (const reason& each : r.reasons) CHECK(each.points == Approx(s.weight(each.rule)));
    CHECK(r.score == Approx(expected_score(s, fired)));
}

/// One single-fact case: set a fact on an identity tool, and the rules it must fire.
struct rule_case {
    std::string label;
    std::function<void(tool&)> set;
    std::vector<std::string> fired;   ///< Every rule that must fire, in evaluation order; empty when none may.
    std::string fact;                 ///< The fact fired.front() must record ("" to leave it to a dedicated test).
    std::string value;                ///< That fact's value as text.
};

/// Runs every case with the persona's defaults and checks that every declared rule was shown firing at least once,
/// so a rule added to the persona without a test here makes the table fail.
inline void run_rule_cases(const persona_backend& p, const std::vector<rule_case>& cases) {
    const settings& s = p.defaults();
    std::set<std::string> shown;
    for (const rule_case& c : cases) {
        INFO("case: " << c.label);
        tool t = identity_tool();
        c.set(t);
        const review r = checked_review(p, t, s);
        check_fired(r, s, c.fired);
        shown.insert(c.fired.begin(), c.fired.end());
        if (c.fired.empty() || c.fact.empty()) continue;
        const reason* first = reason_for(r, c.fired.front());
        REQUIRE(first != nullptr);
        CHECK(first->fact == c.fact);
        CHECK(first->value == c.value);
        CHECK_FALSE(first->why.empty());
    }
    for (const auto& [rule, weight] : s.weights) {
        INFO("declared rule " << rule << " (weight " << weight << ") has a case that fires it");
        CHECK(shown.count(rule) == 1);
    }
}

}  // namespace verdict::test
