// What a persona returns, the settings it reviews under, and the scorecard
// that keeps its receipt honest.
//
// Part of the persona SDK. A review's score is exactly its settings' base plus
// the points of its reasons, and its verdict follows from the threshold: the
// scorecard builds reviews that hold by construction, and check_review()
// rejects any review that does not, whoever built it.
#pragma once

#include "verdict/tool.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// A persona's call on a tool. Abstain means the catalog states too few of the facts the persona weighs.
enum class verdict_kind { ship, skip, abstain };
template <> struct enum_names<verdict_kind> {
    static constexpr std::array<std::string_view, 3> values{"ship", "skip", "abstain"};
};

/// One rule that fired: its id, the points it gave, the fact it read and that fact's value, and why.
struct reason {
    std::string rule;     ///< Rule id, also the rule's key in settings::weights.
    double points = 0;    ///< Signed contribution to the score.
    std::string fact;     ///< Catalog name of the fact read, e.g. "licence.commercial_use".
    std::string value;    ///< The fact's value as text, e.g. "forbidden".
    std::string why;      ///< One sentence.
    bool operator==(const reason&) const = default;
};

/// One rule a persona weighed over a known fact, fired or not: what `verdict explain` shows, so a maintainer sees the
/// rules that gave nothing as well as those that scored.
struct rule_check {
    std::string rule;     ///< Rule id, declared in settings::weights.
    std::string fact;
    std::string value;
    bool fired = false;   ///< When true, the review has a reason for it.
    bool operator==(const rule_check&) const = default;
};

/// One sentence of a quote, and what it stands on: the rules it argues from and the catalog facts it states. A
/// sentence with neither would be a claim no fact backs.
struct quote_sentence {
    std::string text;
    std::vector<std::string> rules;   ///< Rules of the persona, fired or not, e.g. "non_commercial".
    std::vector<std::string> facts;   ///< Catalog facts it states, e.g. "licence.commercial_use".
    bool operator==(const quote_sentence&) const = default;
};

/// A persona's review of one tool.
struct review {
    verdict_kind verdict = verdict_kind::abstain;
    double score = 0;               ///< 0–100; equals base plus the reasons' points.
    std::string quote;              ///< In the persona's voice; every claim traces to a fact.
    std::vector<reason> reasons;    ///< In the order the rules were evaluated.
    /// Every rule weighed, in order; the fired ones match the reasons (the clamp aside). Empty in a review built
    /// without a scorecard, which says only which rules fired.
    std::vector<rule_check> checks;
    /// The quote sentence by sentence, each with its sources: the quote is their texts joined by spaces. Empty in a
    /// review whose quote was given whole, which says nothing of its sources.
    std::vector<quote_sentence> sentences;
    bool operator==(const review&) const = default;
};

/// The numbers a persona reviews under: its defaults, overridden by the panel configuration.
struct settings {
    double base = 50;               ///< Score before any rule.
    double threshold = 60;          ///< Ship at or above this score.
    int min_facts = 1;              ///< Abstain when fewer of the facts the persona weighs are known.
    std::map<std::string, double, std::less<>> weights;   ///< Points per rule id.

    /// The weight of `rule`; throws std::out_of_range naming the rule when it was never declared.
    double weight(std::string_view rule) const {
        auto found = weights.find(rule);
        if (found == weights.end()) throw std::out_of_range("no weight declared for rule \"" + std::string(rule) + "\"");
        return found->second;
    }
};

/// Thrown by check_review(); the message names the field at fault.
struct invalid_review : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Longest quote accepted, in bytes.
inline constexpr std::size_t max_quote_bytes = 4000;

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
inline bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        std::uint32_t code = length == 1 ? lead : lead & (0x7Fu >> length);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            code = (code << 6) | (next & 0x3Fu);
        }
        static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        i += length;
    }
    return true;
}

/// A number as messages show it: 150 -> "150", 62.5 -> "62.5", in any locale.
inline std::string number_text(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

/// Id of the reason scorecard::finish() adds when it clamps a total past 0 or 100; no persona may declare it.
inline constexpr std::string_view clamp_rule = "clamp";

/// Longest rule id, fact name, fact value and why accepted in a reason, in bytes.
inline constexpr std::size_t max_reason_text_bytes = 16384;

/// Most rule checks one review may record: a persona weighs each of its rules a few times at most.
inline constexpr std::size_t max_rule_checks = 1024;

/// Most sentences one quote may have, and most sources one sentence may name.
inline constexpr std::size_t max_quote_sentences = 64;
inline constexpr std::size_t max_sentence_sources = 32;

namespace review_checks {

inline void fail(const std::string& message) { throw invalid_review(message); }

inline void text(const std::string& where, const std::string& value) {
    if (value.size() > max_reason_text_bytes)
        fail(where + ": expected at most " + std::to_string(max_reason_text_bytes) + " bytes, found " + std::to_string(value.size()));
    if (!is_valid_utf8(value)) fail(where + ": expected UTF-8 text, found invalid bytes");
}

// The weight of `rule`, which the persona must declare; `where` names the field that holds it.
inline double declared_weight(const settings& s, const std::string& rule, const std::string& where) {
    const auto weight = s.weights.find(rule);
    if (weight == s.weights.end()) fail(where + ": expected a rule declared in the persona's weights, found \"" + rule + "\"");
    return weight->second;
}

// One reason that is not the clamp: a declared rule, giving exactly its weight, fired once.
inline void rule_reason(const reason& r, const settings& s, const std::string& where, std::vector<std::string_view>& fired) {
    const double weight = declared_weight(s, r.rule, where + ".rule");
    if (std::find(fired.begin(), fired.end(), r.rule) != fired.end())
        fail(where + ".rule: expected each rule once, found \"" + r.rule + "\" again");
    fired.push_back(r.rule);
    if (r.points != weight)
        fail(where + ".points: expected the weight of rule \"" + r.rule + "\" (" + number_text(weight) + "), found " + number_text(r.points));
}

// The clamp: only last, only when the rules' total left 0-100, and bringing it exactly to the bound it passed.
inline void clamp_reason(const reason& r, double total_before, double score, const std::string& where) {
    const bool clamps_down = total_before > 100 && score == 100;
    const bool clamps_up = total_before < 0 && score == 0;
    if (!(clamps_down || clamps_up) || r.fact != "score" || std::fabs(total_before + r.points - score) > 1e-6)
        fail(where + ": expected a clamp only of a total past 0 or 100 to that bound, found a clamp of " + number_text(r.points) +
             " points on a total of " + number_text(total_before));
}

// The checks, when there are any: declared rules, and the fired ones exactly the reasons' rules, in order.
inline void rule_checks(const review& r, const settings& s) {
    if (r.checks.empty()) return;
    if (r.checks.size() > max_rule_checks)
        fail("checks: expected at most " + std::to_string(max_rule_checks) + ", found " + std::to_string(r.checks.size()));
    std::size_t next_reason = 0;
    for (std::size_t i = 0; i < r.checks.size(); ++i) {
        const rule_check& c = r.checks[i];
        const std::string where = "checks[" + std::to_string(i) + "]";
        text(where + ".rule", c.rule);
        text(where + ".fact", c.fact);
        text(where + ".value", c.value);
        declared_weight(s, c.rule, where + ".rule");
        if (!c.fired) continue;
        const reason* matching = next_reason < r.reasons.size() ? &r.reasons[next_reason++] : nullptr;
        if (!matching || matching->rule != c.rule || matching->fact != c.fact || matching->value != c.value)
            fail(where + ": expected a fired rule to be the next reason, found \"" + c.rule + "\" with " +
                 (matching ? "reason \"" + matching->rule + "\"" : std::string("no reason left")));
    }
    const std::size_t rule_reasons = r.reasons.size() - (!r.reasons.empty() && r.reasons.back().rule == clamp_rule ? 1 : 0);
    if (next_reason != rule_reasons)
        fail("checks: expected a fired check for each reason, found " + std::to_string(next_reason) + " for " + std::to_string(rule_reasons) + " reasons");
}

// The sentences, when there are any: each a piece of the quote standing on at least one declared rule or named fact,
// and together exactly the quote.
inline void sentences(const review& r, const settings& s) {
    if (r.sentences.empty()) return;
    if (r.sentences.size() > max_quote_sentences)
        fail("sentences: expected at most " + std::to_string(max_quote_sentences) + ", found " + std::to_string(r.sentences.size()));
    std::string joined;
    for (std::size_t i = 0; i < r.sentences.size(); ++i) {
        const quote_sentence& each = r.sentences[i];
        const std::string where = "sentences[" + std::to_string(i) + "]";
        if (each.text.empty()) fail(where + ".text: expected a sentence, found an empty string");
        text(where + ".text", each.text);
        if (each.rules.empty() && each.facts.empty()) fail(where + ": expected the rules or facts it stands on, found none (\"" + each.text + "\")");
        if (each.rules.size() + each.facts.size() > max_sentence_sources)
            fail(where + ": expected at most " + std::to_string(max_sentence_sources) + " sources, found " + std::to_string(each.rules.size() + each.facts.size()));
        for (std::size_t k = 0; k < each.rules.size(); ++k) declared_weight(s, each.rules[k], where + ".rules[" + std::to_string(k) + "]");
        for (std::size_t k = 0; k < each.facts.size(); ++k) {
            if (each.facts[k].empty()) fail(where + ".facts[" + std::to_string(k) + "]: expected a fact's name, found an empty string");
            text(where + ".facts[" + std::to_string(k) + "]", each.facts[k]);
        }
        joined += (i ? " " : "") + each.text;
    }
    if (joined != r.quote) fail("sentences: expected the quote, sentence by sentence, found sentences that join into another text");
}

}  // namespace review_checks

/// Throws invalid_review unless `r` is a review a panel can count under `s`: a known verdict; a finite score
/// from 0 to 100 that is the base plus the reasons' points; each reason a rule declared in `s.weights` giving
/// exactly its weight, once (so panel overrides always take), or a last "clamp" that does only that; ship
/// exactly at or above the threshold; a quote; and, when the quote comes sentence by sentence, every sentence
/// standing on a declared rule or a named fact. Messages number reasons from `first_index`: 0 for C++ authors,
/// 1 for Lua's.
inline void check_review(const review& r, const settings& s, std::size_t first_index = 0) {
    using review_checks::fail;
    const auto verdict_code = static_cast<int>(r.verdict);
    if (verdict_code < 0 || verdict_code > 2) fail("verdict: expected ship, skip or abstain, found value " + std::to_string(verdict_code));
    if (!std::isfinite(r.score)) fail("score: expected a number from 0 to 100, found " + std::string(std::isnan(r.score) ? "NaN" : "infinity"));
    if (r.score < 0 || r.score > 100) fail("score: expected a number from 0 to 100, found " + number_text(r.score));
    if (r.reasons.size() > s.weights.size() + 1)
        fail("reasons: expected at most one per rule (" + std::to_string(s.weights.size()) + ") and a clamp, found " + std::to_string(r.reasons.size()));
    double total = s.base;
    std::vector<std::string_view> fired;
    for (std::size_t i = 0; i < r.reasons.size(); ++i) {
        const reason& each = r.reasons[i];
        const std::string where = "reasons[" + std::to_string(i + first_index) + "]";
        if (!std::isfinite(each.points)) fail(where + ".points: expected a finite number, found " + number_text(each.points));
        review_checks::text(where + ".rule", each.rule);
        review_checks::text(where + ".fact", each.fact);
        review_checks::text(where + ".value", each.value);
        review_checks::text(where + ".why", each.why);
        if (each.rule == clamp_rule && i + 1 == r.reasons.size()) review_checks::clamp_reason(each, total, r.score, where);
        else review_checks::rule_reason(each, s, where, fired);
        total += each.points;
    }
    if (std::fabs(total - r.score) > 1e-6)
        fail("score: expected base plus the reasons' points (" + number_text(total) + "), found " + number_text(r.score));
    if (r.verdict != verdict_kind::abstain && (r.score >= s.threshold) != (r.verdict == verdict_kind::ship))
        fail("verdict: expected " + std::string(r.score >= s.threshold ? "ship" : "skip") + " for score " + number_text(r.score) +
             " against threshold " + number_text(s.threshold) + ", found " + std::string(name_of(r.verdict)));
    if (r.quote.empty()) fail("quote: expected text, found an empty string");
    if (r.quote.size() > max_quote_bytes)
        fail("quote: expected at most " + std::to_string(max_quote_bytes) + " bytes, found " + std::to_string(r.quote.size()));
    if (!is_valid_utf8(r.quote)) fail("quote: expected UTF-8 text, found invalid bytes");
    review_checks::rule_checks(r, s);
    review_checks::sentences(r, s);
}

/// `text` cut to at most `limit` bytes, at the last space that fits, ending "…"; unchanged when it fits.
inline std::string fit_text(std::string text, std::size_t limit) {
    if (text.size() <= limit) return text;
    const std::string ellipsis = "\u2026";
    if (limit < ellipsis.size()) return "";
    std::size_t cut = text.rfind(' ', limit - ellipsis.size());
    if (cut == std::string::npos || cut == 0) {
        cut = limit - ellipsis.size();
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;   // not inside a character
    }
    return text.substr(0, cut) + ellipsis;
}

/// `quote` cut to at most max_quote_bytes (fit_text): catalog facts may be long enough that a persona built from
/// them would otherwise exceed the limit.
inline std::string fit_quote(std::string quote) { return fit_text(std::move(quote), max_quote_bytes); }

/// A fact's value as reason text.
inline std::string describe(bool value) { return value ? "true" : "false"; }
inline std::string describe(std::int64_t value) { return std::to_string(value); }
inline std::string describe(int value) { return std::to_string(value); }
inline std::string describe(const std::string& value) { return value; }
inline std::string describe(const support_facts& value) { return value.name + (value.day_zero == true ? " (day zero)" : ""); }
inline std::string describe(const dependency_facts& value) { return value.text + (value.status ? " (" + std::string(name_of(*value.status)) + ")" : ""); }
template <class E, class = decltype(enum_names<E>::values)> std::string describe(E value) { return std::string(name_of(value)); }
template <class T> std::string describe(const std::vector<T>& values) {
    std::string text;
    for (const T& each : values) text += (text.empty() ? "" : ", ") + describe(each);
    return text;
}

/// Builds a review rule by rule, so that the receipt always adds up.
class scorecard {
public:
    explicit scorecard(const settings& s) : settings_(s) {}

    /// Records that the persona weighed a known fact with rule `id`; when `fired`, the rule's weight is added to the
    /// score. The rule must be declared (std::out_of_range names it), gives its points once per review (firing it
    /// again throws std::logic_error naming it), and a review weighs at most max_rule_checks rules.
    void rule(std::string_view id, std::string_view fact, std::string value, bool fired, std::string why) {
        const double points = settings_.weight(id);
        if (fired && this->fired(id)) throw std::logic_error("rule \"" + std::string(id) + "\" fired twice in one review");
        if (checks_.size() == max_rule_checks) throw std::logic_error("more than " + std::to_string(max_rule_checks) + " rules weighed in one review");
        if (std::find(known_facts_.begin(), known_facts_.end(), fact) == known_facts_.end()) known_facts_.emplace_back(fact);
        checks_.push_back({std::string(id), std::string(fact), value, fired});
        if (fired) reasons_.push_back({std::string(id), points, std::string(fact), std::move(value), std::move(why)});
    }

    /// True when the settings declare a weight for rule `id`.
    bool has_rule(std::string_view id) const { return settings_.weights.find(id) != settings_.weights.end(); }

    /// The weight of rule `id`; throws std::out_of_range naming it when undeclared.
    double weight(std::string_view id) const { return settings_.weight(id); }

    /// How many distinct known facts the persona weighed so far.
    int known() const { return static_cast<int>(known_facts_.size()); }

    /// Base plus the points so far, clamped to 0–100.
    double score() const { return std::clamp(raw_total(), 0.0, 100.0); }

    /// The verdict the score so far gives.
    verdict_kind verdict() const {
        if (known() < settings_.min_facts) return verdict_kind::abstain;
        return score() >= settings_.threshold ? verdict_kind::ship : verdict_kind::skip;
    }

    /// True when the rule `id` fired.
    bool fired(std::string_view id) const {
        return std::any_of(reasons_.begin(), reasons_.end(), [&](const reason& r) { return r.rule == id; });
    }

    /// Those of `rules` that fired, in the order given: what a sentence about several rules stands on.
    std::vector<std::string> fired_among(std::initializer_list<std::string_view> rules) const {
        std::vector<std::string> out;
        for (const std::string_view rule : rules)
            if (fired(rule)) out.emplace_back(rule);
        return out;
    }

    /// The rules the verdict stands on: those that fired and pulled the score its way (gains for a ship, losses for a
    /// skip), in order; when none did, every rule weighed, which is what left the score where it is.
    std::vector<std::string> verdict_rules() const {
        std::vector<std::string> rules;
        const verdict_kind v = verdict();
        for (const reason& r : reasons_)
            if ((v == verdict_kind::ship && r.points > 0) || (v == verdict_kind::skip && r.points < 0)) rules.push_back(r.rule);
        if (rules.empty())
            for (const rule_check& c : checks_)
                if (std::find(rules.begin(), rules.end(), c.rule) == rules.end()) rules.push_back(c.rule);
        return rules;
    }

    /// Adds a sentence to the quote, standing on the rules it argues from and the facts it states (at least one).
    void say(std::string text, std::vector<std::string> rules, std::vector<std::string> facts = {}) {
        said_.push_back({std::move(text), std::move(rules), std::move(facts)});
    }

    /// The sentence that ends the quote, whatever the order of the others: the verdict and why.
    void close(std::string text, std::vector<std::string> rules, std::vector<std::string> facts = {}) {
        closing_ = quote_sentence{std::move(text), std::move(rules), std::move(facts)};
    }

    /// Names the rule whose sentence opens the quote, instead of the fired rule that moved the score most.
    void decisive(std::string_view rule) { decisive_ = std::string(rule); }

    /// The rule whose sentence opens the quote: the decisive one if named, otherwise the fired rule that moved the
    /// score most toward the verdict (the largest gain for a ship, the largest loss for a skip) among those a sentence
    /// stands on, the first of equals. Empty when there is none (an abstention, or no such sentence).
    std::string leading_rule() const {
        if (!decisive_.empty()) return decisive_;
        const verdict_kind v = verdict();
        if (v == verdict_kind::abstain) return "";
        const reason* best = nullptr;
        auto pull = [v](const reason& r) { return v == verdict_kind::ship ? r.points : -r.points; };
        for (const reason& r : reasons_)
            if (pull(r) > 0 && said_on(r.rule) && (!best || pull(r) > pull(*best))) best = &r;
        return best ? best->rule : "";
    }

    /// The finished review, its quote made of the sentences said: the one standing on leading_rule() first, the others
    /// in the order said, the closing one last. A score past 0 or 100 is clamped by a "clamp" reason, so the receipt
    /// still adds up. Sentences are left out from the middle until the quote fits max_quote_bytes and
    /// max_quote_sentences; when the first and last alone are too long, the first is cut short (fit_text).
    review finish() const {
        std::vector<quote_sentence> ordered = said_;
        const std::string lead = leading_rule();
        const auto first = std::find_if(ordered.begin(), ordered.end(), [&](const quote_sentence& q) { return stands_on(q, lead); });
        if (!lead.empty() && first != ordered.end()) std::rotate(ordered.begin(), first, first + 1);
        if (closing_) ordered.push_back(*closing_);
        while (ordered.size() > 2 && (quote_size(ordered) > max_quote_bytes || ordered.size() > max_quote_sentences))
            ordered.erase(ordered.end() - 2);
        for (quote_sentence& q : ordered) {
            const std::size_t others = quote_size(ordered) - q.text.size();
            q.text = fit_text(std::move(q.text), others < max_quote_bytes ? max_quote_bytes - others : 0);
        }
        std::erase_if(ordered, [](const quote_sentence& q) { return q.text.empty(); });
        std::string quote;
        for (const quote_sentence& q : ordered) quote += (quote.empty() ? "" : " ") + q.text;
        review result = finish(std::move(quote));
        result.sentences = std::move(ordered);
        return result;
    }

    /// The finished review with a quote given whole, which says nothing of its sources. A score past 0 or 100 is
    /// clamped by a "clamp" reason, so the receipt still adds up; an over-long quote is fitted to the limit (fit_quote).
    review finish(std::string quote) const {
        review result{verdict(), score(), fit_quote(std::move(quote)), reasons_, checks_, {}};
        const double raw = raw_total();
        if (raw != result.score)
            result.reasons.push_back({std::string(clamp_rule), result.score - raw, "score", describe(static_cast<std::int64_t>(std::llround(raw))),
                                      "The rules' total is clamped to the 0–100 scale."});
        return result;
    }

private:
    double raw_total() const {
        double total = settings_.base;
        for (const reason& each : reasons_) total += each.points;
        return total;
    }

    static bool stands_on(const quote_sentence& q, const std::string& rule) {
        return std::find(q.rules.begin(), q.rules.end(), rule) != q.rules.end();
    }

    bool said_on(const std::string& rule) const {
        return std::any_of(said_.begin(), said_.end(), [&](const quote_sentence& q) { return stands_on(q, rule); });
    }

    static std::size_t quote_size(const std::vector<quote_sentence>& sentences) {
        std::size_t size = sentences.empty() ? 0 : sentences.size() - 1;
        for (const quote_sentence& q : sentences) size += q.text.size();
        return size;
    }

    const settings& settings_;
    std::vector<reason> reasons_;
    std::vector<rule_check> checks_;
    std::vector<std::string> known_facts_;
    std::vector<quote_sentence> said_;
    std::optional<quote_sentence> closing_;
    std::string decisive_;
};

}  // namespace verdict
