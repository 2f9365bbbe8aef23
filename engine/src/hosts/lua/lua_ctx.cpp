// Each function checks its arguments, so an editor's mistake reads "bad argument
// #2 to 'ctx.rule' (expected a fact name, found nil)" with the script's line
// (lua_ctx_args.hpp), and names a rule id or fact name the host does not know
// with the nearest one it does. C++ exceptions never cross into Lua: they
// become Lua errors naming the function.
#include "hosts/lua/lua_ctx.hpp"

#include "hosts/lua/lua_ctx_args.hpp"
#include "hosts/lua/lua_read_only.hpp"
#include "hosts/lua/lua_deterministic.hpp"
#include "hosts/lua/lua_guard.hpp"
#include "hosts/lua/lua_tool_view.hpp"
#include "support/suggest.hpp"
#include "verdict/persona.hpp"

#include "hosts/lua/lua_runtime.hpp"
#include "hosts/persona_host.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

namespace verdict {
namespace {

namespace args = ctx_args;

constexpr const char* active_key = "verdict.active_review";

script_review& active(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, active_key);                 // [+1]
    auto* review = static_cast<script_review*>(lua_touserdata(L, -1));
    lua_pop(L, 1);                                                   // [-1]
    if (review == nullptr) args::fail(L, "only available while a review runs");
    return *review;
}

// lua_guarded(), naming the function: the scorecard's errors ("rule \"x\" fired twice in one review") do not.
template <class Body> int guarded(lua_State* L, Body&& body) { return lua_guarded(L, std::forward<Body>(body), args::function_name(L)); }

// Longest text ctx.join_list builds, in bytes.
constexpr std::size_t max_joined_bytes = 1u << 16;

// Appends to `text`, charging the bytes and refusing to pass `limit`.
void append(lua_State* L, std::string& text, std::string_view piece, std::size_t limit, const char* what) {
    if (text.size() + piece.size() > limit) args::fail(L, std::string(what) + ": more than " + std::to_string(limit) + " bytes of text");
    lua_runtime::charge(L, piece.size() / 64 + 1);
    text.append(piece);
}

constexpr const char* fact_value = "a fact's value: text, a number, true or false, or a list of them";

// A plain value at `index` as reason text, the way the C++ SDK's describe() writes it; `arg` is the argument it is
// (an item of, when `item` is given).
std::string plain_value(lua_State* L, int arg, int index, std::string_view item = {}) {
    switch (lua_type(L, index)) {
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "true" : "false";
    case LUA_TSTRING: {
        std::size_t length = 0;
        const char* text = lua_tolstring(L, index, &length);
        return {text, length};
    }
    case LUA_TNUMBER: return lua_isinteger(L, index) ? std::to_string(lua_tointeger(L, index)) : number_text(lua_tonumber(L, index));
    default: args::expected(L, arg, fact_value, index, item);
    }
    return "";
}

// Argument `arg`, a fact's value, as reason text: a plain value, or a list of them joined by ", ". Facts are flat, so
// a nested or self-containing table has no text, and the text has the same limit as any reason's.
std::string describe_value(lua_State* L, int arg) {
    if (lua_type(L, arg) != LUA_TTABLE) {
        std::string text;
        append(L, text, plain_value(L, arg, arg), max_reason_text_bytes, "fact value");
        return text;
    }
    std::string text;
    const lua_Integer n = luaL_len(L, arg);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, arg, i);                                            // [+1]
        if (i > 1) append(L, text, ", ", max_reason_text_bytes, "fact value");
        append(L, text, plain_value(L, arg, -1, " at [" + std::to_string(i) + "]"), max_reason_text_bytes, "fact value");
        lua_pop(L, 1);                                                  // [-1]
    }
    return text;
}

// The strings of the list that is argument `arg`, at most max_joined_bytes of them together; `what` names the list.
std::vector<std::string> string_list(lua_State* L, int arg, const std::string& what) {
    args::table(L, arg, what);
    std::vector<std::string> items;
    std::size_t total = 0;
    const lua_Integer n = luaL_len(L, arg);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, arg, i);                                     // [+1]
        if (!lua_isstring(L, -1)) args::expected(L, arg, what, -1, " at [" + std::to_string(i) + "]");
        std::size_t length = 0;
        const char* item = lua_tolstring(L, -1, &length);
        total += length + 2;
        if (total > max_joined_bytes) args::fail(L, "more than " + std::to_string(max_joined_bytes) + " bytes of text");
        lua_runtime::charge(L, length / 64 + 1);
        items.emplace_back(item, length);
        lua_pop(L, 1);                                           // [-1]
    }
    return items;
}

// Raises bad_argument() unless the review's settings declare rule `id`, argument `arg` (or an item of it).
void check_declared(lua_State* L, int arg, const script_review& review, std::string_view id, std::string_view item = {}) {
    const std::string problem = undeclared_rule(id, review.in_force, item);
    if (!problem.empty()) args::bad_argument(L, arg, problem);
}

// Raises bad_argument() unless `fact` is a fact name of the catalog, argument `arg` (or an item of it).
void check_fact(lua_State* L, int arg, std::string_view fact, std::string_view item = {}) {
    const std::string problem = unknown_fact(fact, item);
    if (!problem.empty()) args::bad_argument(L, arg, problem);
}

void push(lua_State* L, const std::string& text) { lua_pushlstring(L, text.data(), text.size()); }

// Whole numbers reach scripts as integers, so "score " .. ctx.score() reads "score 80", not "score 80.0". [+1]
void push_number(lua_State* L, double value) {
    if (std::floor(value) == value && std::fabs(value) < 9e15) lua_pushinteger(L, static_cast<lua_Integer>(value));
    else lua_pushnumber(L, value);
}

void push_reasons(lua_State* L, const std::vector<reason>& reasons) {
    lua_createtable(L, static_cast<int>(reasons.size()), 0);       // [+1]
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const reason& r = reasons[i];
        lua_createtable(L, 0, 5);                                  // [+1]
        push(L, r.rule);          lua_setfield(L, -2, "rule");     // [+1, -1]
        push_number(L, r.points); lua_setfield(L, -2, "points");   // [+1, -1]
        push(L, r.fact);          lua_setfield(L, -2, "fact");     // [+1, -1]
        push(L, r.value);         lua_setfield(L, -2, "value");    // [+1, -1]
        push(L, r.why);           lua_setfield(L, -2, "why");      // [+1, -1]
        lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);       // [-1]
    }
}

int ctx_rule(lua_State* L) {
    return guarded(L, [L] {
        const std::string_view id = args::text(L, 1, max_reason_text_bytes, "a rule id");
        const std::string_view fact = args::text(L, 2, max_reason_text_bytes, "a fact name");
        std::string value = describe_value(L, 3);
        const bool fired = args::boolean(L, 4, "true or false (whether the rule fired)");
        const std::string_view why = args::text(L, 5, max_reason_text_bytes, "a sentence saying why");
        script_review& review = active(L);
        check_declared(L, 1, review, id);
        check_fact(L, 2, fact);
        // The host holds what a review says, outside the script's memory allowance: it stops at the review's bound.
        review.text_bytes += id.size() + fact.size() + value.size() + (fired ? id.size() + fact.size() + value.size() + why.size() : 0);
        if (review.text_bytes > max_review_text_bytes)
            return args::fail(L, "the review holds more than " + std::to_string(max_review_text_bytes) + " bytes of text (quote, reasons and rule checks)");
        review.card.rule(id, fact, std::move(value), fired, std::string(why));
        return 0;
    });
}

int ctx_known(lua_State* L) {
    lua_pushinteger(L, active(L).card.known());   // [+1]
    return 1;
}

int ctx_fired(lua_State* L) {
    const std::string_view id = args::text(L, 1, max_reason_text_bytes, "a rule id");
    lua_pushboolean(L, active(L).card.fired(id));   // [+1]
    return 1;
}

int ctx_verdict(lua_State* L) {
    push(L, std::string(name_of(active(L).card.verdict())));   // [+1]
    return 1;
}

// The rules the verdict so far stands on (scorecard::verdict_rules), as a list a sentence can name. [+1]
int ctx_verdict_rules(lua_State* L) {
    return guarded(L, [L] {
        const std::vector<std::string> rules = active(L).card.verdict_rules();
        lua_createtable(L, static_cast<int>(rules.size()), 0);      // [+1]
        for (std::size_t i = 0; i < rules.size(); ++i) {
            push(L, rules[i]);                                       // [+1]
            lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);     // [-1]
        }
        return 1;
    });
}

int ctx_score(lua_State* L) {
    push_number(L, active(L).card.score());   // [+1]
    return 1;
}

constexpr const char* finished_metatable = "verdict.finished_review";

// The fields of a finished review, read while its review runs: verdict, score, quote, reasons.
int finished_field(lua_State* L) {
    script_review& review = active(L);
    if (lua_touserdata(L, 1) != review.finished) return luaL_error(L, "this review has already been returned");
    if (lua_type(L, 2) != LUA_TSTRING) return 0;   // a review has only named fields
    const std::string field = lua_tostring(L, 2);
    const struct review& r = review.result;
    if (field == "verdict") push(L, std::string(name_of(r.verdict)));
    else if (field == "score") push_number(L, r.score);
    else if (field == "quote") push(L, r.quote);
    else if (field == "reasons") push_reasons(L, r.reasons);
    else lua_pushnil(L);
    return 1;
}

// The sources a sentence names: an optional list, argument `arg`, of what `what` says. [0]
std::vector<std::string> sources_at(lua_State* L, int arg, const std::string& what) {
    if (lua_isnoneornil(L, arg)) return {};
    std::vector<std::string> items = string_list(L, arg, what);
    if (items.size() > max_sentence_sources)
        args::bad_argument(L, arg, "expected at most " + std::to_string(max_sentence_sources) + " sources, found " + std::to_string(items.size()));
    for (const std::string& item : items)
        if (item.empty() || item.size() > max_reason_text_bytes)
            args::bad_argument(L, arg, "expected sources of 1 to " + std::to_string(max_reason_text_bytes) + " bytes each, found one of " + std::to_string(item.size()));
    return items;
}

// A sentence of the quote and what it stands on: (text, rules, facts). The host holds it outside the script's
// memory allowance, so what a script may say is bounded here; the quote is cut to its limits when it is finished, as
// a plugin's is.
quote_sentence sentence_args(lua_State* L, script_review& review) {
    quote_sentence q{std::string(args::text(L, 1, max_said_bytes, "a sentence")), sources_at(L, 2, "a list of rule ids"),
                     sources_at(L, 3, "a list of fact names")};
    if (q.rules.empty() && q.facts.empty())
        args::fail(L, "a sentence must name the rules or facts it stands on (text, {rules}, {facts})");
    for (std::size_t i = 0; i < q.rules.size(); ++i) check_declared(L, 2, review, q.rules[i], " at [" + std::to_string(i + 1) + "]");
    for (std::size_t i = 0; i < q.facts.size(); ++i) check_fact(L, 3, q.facts[i], " at [" + std::to_string(i + 1) + "]");
    review.said_bytes += q.text.size() + 1;
    for (const auto* sources : {&q.rules, &q.facts})
        for (const std::string& source : *sources) review.said_bytes += source.size();
    if (review.said_bytes > max_said_bytes || ++review.sentences > max_said_sentences)
        args::fail(L, "more than " + std::to_string(max_said_sentences) + " sentences or " + std::to_string(max_said_bytes) + " bytes said for one quote");
    return q;
}

// ctx.say and ctx.close: a sentence said in the quote's order, or the one that ends it (scorecard::say, ::close).
template <void (scorecard::*add)(std::string, std::vector<std::string>, std::vector<std::string>)>
int ctx_sentence(lua_State* L) {
    return guarded(L, [L] {
        script_review& review = active(L);
        quote_sentence q = sentence_args(L, review);
        (review.card.*add)(std::move(q.text), std::move(q.rules), std::move(q.facts));
        return 0;
    });
}

// ctx.fired_among(rules): those of `rules` that fired, in the order given (scorecard::fired_among). [+1]
int ctx_fired_among(lua_State* L) {
    return guarded(L, [L] {
        const std::vector<std::string> wanted = string_list(L, 1, "a list of rule ids");
        const scorecard& card = active(L).card;
        lua_createtable(L, 0, 0);                                      // [+1]
        lua_Integer n = 0;
        for (const std::string& rule : wanted)
            if (card.fired(rule)) {
                push(L, rule);                                         // [+1]
                lua_rawseti(L, -2, ++n);                               // [-1]
            }
        return 1;
    });
}

// ctx.includes(list, value): whether the list (nil counts as empty) holds the value. [+1]
int ctx_includes(lua_State* L) {
    if (!lua_isnoneornil(L, 1)) args::table(L, 1, "a list or nil");
    bool found = false;
    if (!lua_isnoneornil(L, 1)) {
        const lua_Integer n = luaL_len(L, 1);
        for (lua_Integer i = 1; i <= n && !found; ++i) {
            lua_geti(L, 1, i);                                         // [+1]
            found = lua_compare(L, -1, 2, LUA_OPEQ) != 0;
            lua_pop(L, 1);                                             // [-1]
            lua_runtime::charge(L, 1);
        }
    }
    lua_pushboolean(L, found);                                         // [+1]
    return 1;
}

int ctx_decisive(lua_State* L) {
    const std::string_view rule = args::text(L, 1, max_reason_text_bytes, "a rule id");
    return guarded(L, [L, rule] {
        script_review& review = active(L);
        check_declared(L, 1, review, rule);
        review.card.decisive(rule);
        return 0;
    });
}

// The finished review, as a small object the host recognises on return: it carries the C++ review, so nothing
// is rebuilt in Lua unless the script reads a field. Without an argument, the quote is made of the sentences said.
int ctx_finish(lua_State* L) {
    const bool whole = !lua_isnoneornil(L, 1);
    const std::string_view quote = whole ? args::text(L, 1, max_quote_bytes * 4, "a quote") : std::string_view();   // fit_quote cuts it to the limit
    script_review& review = active(L);
    guarded(L, [&] {
        review.result = whole ? review.card.finish(std::string(quote)) : review.card.finish();
        return 0;
    });
    review.finished = lua_newuserdatauv(L, 1, 0);                  // [+1]
    if (luaL_newmetatable(L, finished_metatable)) {                // [+1]
        lua_pushcfunction(L, finished_field);                      // [+1]
        lua_setfield(L, -2, "__index");                            // [-1]
        lua_pushliteral(L, "finished review");                     // [+1]
        lua_setfield(L, -2, "__metatable");                        // [-1]
    }
    lua_setmetatable(L, -2);                                       // [-1]
    return 1;
}

int ctx_weight(lua_State* L) {
    const std::string_view id = args::text(L, 1, max_reason_text_bytes, "a rule id");
    script_review& review = active(L);
    check_declared(L, 1, review, id);
    push_number(L, review.card.weight(id));   // [+1]
    return 1;
}

// Each argument as tostring() gives it, without addresses, joined by spaces and cut at the line's limit.
int ctx_log(lua_State* L) {
    script_review& review = active(L);
    if (review.log.size() >= max_log_lines) return 0;
    return guarded(L, [L, &review] {
        std::string line;
        for (int i = 1; i <= lua_gettop(L) && line.size() <= max_log_line_bytes; ++i) {
            lua_pushcfunction(L, deterministic_tostring);   // [+1]
            lua_pushvalue(L, i);                            // [+1]
            lua_call(L, 1, 1);                              // [-2, +1]
            std::size_t length = 0;
            const char* text = lua_tolstring(L, -1, &length);
            line.append(i > 1 ? " " : "").append(text, std::min(length, max_log_line_bytes + 1 - std::min(line.size(), max_log_line_bytes)));
            lua_pop(L, 1);                                  // [-1]
        }
        if (line.size() > max_log_line_bytes) line = line.substr(0, max_log_line_bytes) + "...";
        review.log.push_back(std::move(line));
        if (review.log.size() == max_log_lines) review.log.push_back("(further log lines dropped)");
        return 0;
    });
}

int ctx_join_list(lua_State* L) {
    return guarded(L, [L] {
        const std::vector<std::string> items = string_list(L, 1, "a list of text");
        const std::string conjunction = lua_isnoneornil(L, 2) ? "and" : std::string(args::text(L, 2, 100, "a word or nothing"));
        push(L, join_list(items, conjunction));   // [+1]
        return 1;
    });
}

int ctx_with_thousands(lua_State* L) {
    const lua_Integer n = args::integer(L, 1, "a whole number");
    return guarded(L, [L, n] { push(L, with_thousands(static_cast<std::int64_t>(n))); return 1; });
}

int ctx_sentence_case(lua_State* L) {
    const std::string_view text = args::text(L, 1, max_joined_bytes);
    return guarded(L, [L, text] { push(L, sentence_case(std::string(text))); return 1; });
}

int ctx_lower_first(lua_State* L) {
    const std::string_view text = args::text(L, 1, max_joined_bytes);
    return guarded(L, [L, text] { push(L, lower_first(std::string(text))); return 1; });
}

int ctx_describe(lua_State* L) {
    return guarded(L, [L] {
        push(L, describe_value(L, 1));   // [+1]
        return 1;
    });
}

// Which openness fact to cite, as the SDK's openness_of(): fact name and whether it is open, or nil.
int ctx_openness(lua_State* L) {
    args::table(L, 1, "the tool");
    lua_getfield(L, 1, "licence");                           // [+1]
    const int source = lua_getfield(L, -1, "open_source");   // [+1]
    const int weights = lua_getfield(L, -2, "open_weights"); // [+1]
    const bool source_true = source == LUA_TBOOLEAN && lua_toboolean(L, -2);
    if (source_true || (weights != LUA_TBOOLEAN && source == LUA_TBOOLEAN)) {
        lua_pushliteral(L, "licence.open_source");           // [+1]
        lua_pushboolean(L, source_true);                     // [+1]
    } else if (weights == LUA_TBOOLEAN) {
        lua_pushliteral(L, "licence.open_weights");          // [+1]
        lua_pushboolean(L, lua_toboolean(L, -2));            // [+1]
    } else {
        lua_pushnil(L);                                      // [+1]
        lua_pushnil(L);                                      // [+1]
    }
    return 2;
}

// ctx.sorted_pairs(t): pairs in key order, the sandbox's pairs, over a table it checks first.
int ctx_sorted_pairs(lua_State* L) {
    args::table(L, 1, "a table");
    return ordered_pairs(L);
}

const luaL_Reg ctx_functions[] = {
    {"rule", ctx_rule},
    {"known", ctx_known},
    {"fired", ctx_fired},
    {"verdict", ctx_verdict},
    {"verdict_rules", ctx_verdict_rules},
    {"score", ctx_score},
    {"finish", ctx_finish},
    {"say", ctx_sentence<&scorecard::say>},
    {"close", ctx_sentence<&scorecard::close>},
    {"fired_among", ctx_fired_among},
    {"includes", ctx_includes},
    {"decisive", ctx_decisive},
    {"weight", ctx_weight},
    {"log", ctx_log},
    {"join_list", ctx_join_list},
    {"with_thousands", ctx_with_thousands},
    {"sentence_case", ctx_sentence_case},
    {"lower_first", ctx_lower_first},
    {"describe", ctx_describe},
    {"openness", ctx_openness},
    {"sorted_pairs", ctx_sorted_pairs},
    {nullptr, nullptr},
};

void push_settings(lua_State* L, const settings& s) {
    lua_createtable(L, 0, 4);                                  // [+1]
    push_number(L, s.base);              lua_setfield(L, -2, "base");        // [+1, -1]
    push_number(L, s.threshold);         lua_setfield(L, -2, "threshold");   // [+1, -1]
    lua_pushinteger(L, s.min_facts);      lua_setfield(L, -2, "min_facts");   // [+1, -1]
    lua_createtable(L, 0, static_cast<int>(s.weights.size()));              // [+1]
    for (const auto& [rule, points] : s.weights) {
        push_number(L, points);                                // [+1]
        lua_setfield(L, -2, rule.c_str());                     // [-1]
    }
    seal_table(L);
    lua_setfield(L, -2, "weights");                            // [-1]
    seal_table(L);
}

}  // namespace

std::string undeclared_rule(std::string_view id, const settings& s, std::string_view item) {
    if (s.weights.find(id) != s.weights.end()) return "";
    std::vector<std::string> declared;
    for (const auto& [rule, points] : s.weights) declared.push_back(rule);
    const std::string hint = did_you_mean(id, declared);
    return "expected a rule id declared in defaults.weights, found \"" + std::string(id) + "\"" + std::string(item) + (hint.empty() ? "" : "; " + hint);
}

std::string unknown_fact(std::string_view fact, std::string_view item) {
    if (is_tool_fact_name(fact)) return "";
    const std::string hint = did_you_mean(fact, tool_fact_names());
    return "expected a fact name of the catalog, such as \"setup.api_key\", found \"" + std::string(fact) + "\"" + std::string(item) +
           (hint.empty() ? "" : "; " + hint);
}

void push_ctx(lua_State* L, const settings& s) {
    lua_createtable(L, 0, 24);                      // [+1]
    for (const luaL_Reg* f = ctx_functions; f->name != nullptr; ++f) {
        lua_pushfstring(L, "ctx.%s", f->name);      // [+1] its name, for its messages (lua_ctx_args.hpp)
        lua_pushcclosure(L, f->func, 1);            // [-1, +1]
        lua_setfield(L, -2, f->name);               // [-1]
    }
    push_settings(L, s);             // [+1]
    lua_setfield(L, -2, "settings"); // [-1]
    seal_table(L);
}

void set_active_review(lua_State* L, script_review* review) {
    lua_pushlightuserdata(L, review);                 // [+1]
    lua_setfield(L, LUA_REGISTRYINDEX, active_key);   // [-1]
}

}  // namespace verdict
