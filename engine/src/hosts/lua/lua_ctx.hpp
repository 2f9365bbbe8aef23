// ctx: the host services a script's review function receives as its second
// argument. Every service a script has beyond its own code comes through here,
// so a test can see exactly what a persona may touch.
#pragma once

#include "verdict/review.hpp"

#include <lua.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// The review in progress: what ctx's functions write to.
struct script_review {
    explicit script_review(const settings& s) : in_force(s), card(s) {}
    const settings& in_force;
    scorecard card;
    std::vector<std::string> log;
    const void* finished = nullptr;   ///< The object ctx.finish returned, which carries `result`.
    std::size_t text_bytes = 0;       ///< Text the rules so far hold, kept at most max_review_text_bytes.
    std::size_t said_bytes = 0;       ///< Text and sources of the sentences said so far, kept at most max_said_bytes.
    std::size_t sentences = 0;        ///< Sentences said so far, kept at most max_said_sentences.
    review result;
};

/// Lines ctx.log keeps per review, and bytes per line.
inline constexpr std::size_t max_log_lines = 20;
inline constexpr std::size_t max_log_line_bytes = 300;

/// What one review may say before ctx.finish cuts the quote to its limits: sentences, and bytes of their text and
/// sources. Past them the script fails, naming the limit.
inline constexpr std::size_t max_said_sentences = 1024;
inline constexpr std::size_t max_said_bytes = std::size_t{256} << 10;

/// "" when `s` declares rule `id`; otherwise the mistake as ctx's messages word it, "expected a rule id declared in
/// defaults.weights, found \"x\"", then `item` (" at [2]" for an item of a list), then the nearest declared id when
/// one is close.
std::string undeclared_rule(std::string_view id, const settings& s, std::string_view item = {});

/// "" when `fact` is one of tool_fact_names(); otherwise the mistake as ctx's messages word it, like undeclared_rule().
std::string unknown_fact(std::string_view fact, std::string_view item = {});

/// Pushes a read-only ctx holding `s` as ctx.settings and the service functions. [+1]
void push_ctx(lua_State* L, const settings& s);

/// The review ctx's functions write to while a review runs; nullptr outside one.
void set_active_review(lua_State* L, script_review* review);

}  // namespace verdict
