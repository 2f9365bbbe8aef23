// Each function checks its arguments like Lua's own libraries do, so an editor's
// mistake reads "bad argument #2 to 'rule' (string expected, got nil)" with the
// script's line. C++ exceptions never cross into Lua: they become Lua errors.
#include "hosts/lua/lua_ctx.hpp"

#include "hosts/lua/lua_read_only.hpp"
#include "hosts/lua/lua_deterministic.hpp"
#include "hosts/lua/lua_guard.hpp"
#include "verdict/persona.hpp"

#include "hosts/lua/lua_runtime.hpp"
#include "hosts/persona_host.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace verdict {
namespace {

constexpr const char* active_key = "verdict.active_review";

script_review& active(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, active_key);                 // [+1]
    auto* review = static_cast<script_review*>(lua_touserdata(L, -1));
    lua_pop(L, 1);                                                   // [-1]
    if (review == nullptr) luaL_error(L, "ctx: this function is only available while a review runs");
    return *review;
}

// Longest text ctx.join_list builds, in bytes.
constexpr std::size_t max_joined_bytes = 1u << 16;

// A string argument of at most `limit` bytes, checked before anything is copied.
std::string_view bounded_string(lua_State* L, int arg, std::size_t limit) {
    std::size_t length = 0;
    const char* text = luaL_checklstring(L, arg, &length);
    if (length > limit) luaL_argerror(L, arg, ("at most " + std::to_string(limit) + " bytes of text").c_str());
    return {text, length};
}

// Appends to `text`, charging the bytes and refusing to pass `limit`.
void append(lua_State* L, std::string& text, std::string_view piece, std::size_t limit, const char* what) {
    if (text.size() + piece.size() > limit) luaL_error(L, "%s: more than %d bytes of text", what, static_cast<int>(limit));
    lua_runtime::charge(L, piece.size() / 64 + 1);
    text.append(piece);
}

// A plain value as reason text, the way the C++ SDK's describe() writes it.
std::string plain_value(lua_State* L, int index) {
    switch (lua_type(L, index)) {
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "true" : "false";
    case LUA_TSTRING: {
        std::size_t length = 0;
        const char* text = lua_tolstring(L, index, &length);
        return {text, length};
    }
    case LUA_TNUMBER: return lua_isinteger(L, index) ? std::to_string(lua_tointeger(L, index)) : number_text(lua_tonumber(L, index));
    default: luaL_error(L, "cannot describe a %s value as a fact: facts are text, numbers, true or false, or lists of them", luaL_typename(L, index));
    }
    return "";
}

// A fact's value as reason text: a plain value, or a list of them joined by ", ". Facts are flat, so a
// nested or self-containing table has no text, and the text has the same limit as any reason's.
std::string describe_value(lua_State* L, int index) {
    if (lua_type(L, index) != LUA_TTABLE) {
        std::string text;
        append(L, text, plain_value(L, index), max_reason_text_bytes, "fact value");
        return text;
    }
    std::string text;
    const lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, index, i);                                          // [+1]
        if (i > 1) append(L, text, ", ", max_reason_text_bytes, "fact value");
        append(L, text, plain_value(L, -1), max_reason_text_bytes, "fact value");
        lua_pop(L, 1);                                                  // [-1]
    }
    return text;
}

// The strings of the list at `index`, at most max_joined_bytes of them together; `caller` names the ctx function in
// the message past that.
std::vector<std::string> string_list(lua_State* L, int index, const char* caller) {
    luaL_checktype(L, index, LUA_TTABLE);
    std::vector<std::string> items;
    std::size_t total = 0;
    const lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, index, i);                                   // [+1]
        std::size_t length = 0;
        const char* item = luaL_checklstring(L, -1, &length);
        total += length + 2;
        if (total > max_joined_bytes) luaL_error(L, "%s: more than %d bytes of text", caller, static_cast<int>(max_joined_bytes));
        lua_runtime::charge(L, length / 64 + 1);
        items.emplace_back(item, length);
        lua_pop(L, 1);                                           // [-1]
    }
    return items;
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
    return lua_guarded(L, [L] {
        const std::string_view id = bounded_string(L, 1, max_reason_text_bytes);
        const std::string_view fact = bounded_string(L, 2, max_reason_text_bytes);
        std::string value = describe_value(L, 3);
        luaL_checktype(L, 4, LUA_TBOOLEAN);
        const std::string_view why = bounded_string(L, 5, max_reason_text_bytes);
        script_review& review = active(L);
        if (!review.card.has_rule(id)) return luaL_error(L, "rule '%s' has no weight: declare it in defaults.weights", std::string(id).c_str());
        // The host holds what a review says, outside the script's memory allowance: it stops at the review's bound.
        review.text_bytes += id.size() + fact.size() + value.size() + (lua_toboolean(L, 4) ? id.size() + fact.size() + value.size() + why.size() : 0);
        if (review.text_bytes > max_review_text_bytes)
            return luaL_error(L, "ctx.rule: the review holds more than %d bytes of text (quote, reasons and rule checks)", static_cast<int>(max_review_text_bytes));
        review.card.rule(id, fact, std::move(value), lua_toboolean(L, 4), std::string(why));
        return 0;
    });
}

int ctx_known(lua_State* L) {
    lua_pushinteger(L, active(L).card.known());   // [+1]
    return 1;
}

int ctx_fired(lua_State* L) {
    lua_pushboolean(L, active(L).card.fired(luaL_checkstring(L, 1)));   // [+1]
    return 1;
}

int ctx_verdict(lua_State* L) {
    push(L, std::string(name_of(active(L).card.verdict())));   // [+1]
    return 1;
}

// The rules the verdict so far stands on (scorecard::verdict_rules), as a list a sentence can name. [+1]
int ctx_verdict_rules(lua_State* L) {
    return lua_guarded(L, [L] {
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
    const std::string field = luaL_checkstring(L, 2);
    const struct review& r = review.result;
    if (field == "verdict") push(L, std::string(name_of(r.verdict)));
    else if (field == "score") push_number(L, r.score);
    else if (field == "quote") push(L, r.quote);
    else if (field == "reasons") push_reasons(L, r.reasons);
    else lua_pushnil(L);
    return 1;
}

// The sources a sentence names: an optional list of rule ids at `index`, or of fact names. [0]
std::vector<std::string> sources_at(lua_State* L, int index) {
    if (lua_isnoneornil(L, index)) return {};
    std::vector<std::string> items = string_list(L, index, "a sentence's sources");
    if (items.size() > max_sentence_sources) luaL_argerror(L, index, ("at most " + std::to_string(max_sentence_sources) + " sources").c_str());
    for (const std::string& item : items)
        if (item.empty() || item.size() > max_reason_text_bytes) luaL_argerror(L, index, "sources of 1 to 16384 bytes each");
    return items;
}

// A sentence of the quote and what it stands on: (text, rules, facts). The host holds it outside the script's
// memory allowance, so what a script may say is bounded here; the quote is cut to its limits when it is finished, as
// a plugin's is.
quote_sentence sentence_args(lua_State* L, script_review& review) {
    quote_sentence q{std::string(bounded_string(L, 1, max_said_bytes)), sources_at(L, 2), sources_at(L, 3)};
    if (q.rules.empty() && q.facts.empty())
        luaL_error(L, "a sentence must name the rules or facts it stands on (ctx.say(text, {rules}, {facts}))");
    for (const std::string& rule : q.rules)
        if (!review.card.has_rule(rule)) luaL_error(L, "rule '%s' has no weight: declare it in defaults.weights", rule.c_str());
    review.said_bytes += q.text.size() + 1;
    for (const auto* sources : {&q.rules, &q.facts})
        for (const std::string& source : *sources) review.said_bytes += source.size();
    if (review.said_bytes > max_said_bytes || ++review.sentences > max_said_sentences)
        luaL_error(L, "more than %d sentences or %d bytes said for one quote", static_cast<int>(max_said_sentences), static_cast<int>(max_said_bytes));
    return q;
}

// ctx.say and ctx.close: a sentence said in the quote's order, or the one that ends it (scorecard::say, ::close).
template <void (scorecard::*add)(std::string, std::vector<std::string>, std::vector<std::string>)>
int ctx_sentence(lua_State* L) {
    return lua_guarded(L, [L] {
        script_review& review = active(L);
        quote_sentence q = sentence_args(L, review);
        (review.card.*add)(std::move(q.text), std::move(q.rules), std::move(q.facts));
        return 0;
    });
}

// ctx.fired_among(rules): those of `rules` that fired, in the order given (scorecard::fired_among). [+1]
int ctx_fired_among(lua_State* L) {
    return lua_guarded(L, [L] {
        const std::vector<std::string> wanted = string_list(L, 1, "ctx.fired_among");
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
    if (!lua_isnoneornil(L, 1)) luaL_checktype(L, 1, LUA_TTABLE);
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
    const std::string_view rule = bounded_string(L, 1, max_reason_text_bytes);
    return lua_guarded(L, [L, rule] {
        script_review& review = active(L);
        if (!review.card.has_rule(rule)) return luaL_error(L, "rule '%s' has no weight: declare it in defaults.weights", std::string(rule).c_str());
        review.card.decisive(rule);
        return 0;
    });
}

// The finished review, as a small object the host recognises on return: it carries the C++ review, so nothing
// is rebuilt in Lua unless the script reads a field. Without an argument, the quote is made of the sentences said.
int ctx_finish(lua_State* L) {
    const bool whole = !lua_isnoneornil(L, 1);
    const std::string_view quote = whole ? bounded_string(L, 1, max_quote_bytes * 4) : std::string_view();   // fit_quote cuts it to the limit
    script_review& review = active(L);
    lua_guarded(L, [&] {
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
    const char* id = luaL_checkstring(L, 1);
    script_review& review = active(L);
    if (!review.card.has_rule(id)) return luaL_error(L, "rule '%s' has no weight: declare it in defaults.weights", id);
    push_number(L, review.card.weight(id));   // [+1]
    return 1;
}

// Each argument as tostring() gives it, without addresses, joined by spaces and cut at the line's limit.
int ctx_log(lua_State* L) {
    script_review& review = active(L);
    if (review.log.size() >= max_log_lines) return 0;
    return lua_guarded(L, [L, &review] {
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
    return lua_guarded(L, [L] {
        const std::vector<std::string> items = string_list(L, 1, "ctx.join_list");
        const std::string conjunction = lua_isnoneornil(L, 2) ? "and" : std::string(bounded_string(L, 2, 100));
        push(L, join_list(items, conjunction));   // [+1]
        return 1;
    });
}

int ctx_with_thousands(lua_State* L) {
    const lua_Integer n = luaL_checkinteger(L, 1);
    return lua_guarded(L, [L, n] { push(L, with_thousands(static_cast<std::int64_t>(n))); return 1; });
}

int ctx_sentence_case(lua_State* L) {
    const std::string_view text = bounded_string(L, 1, max_joined_bytes);
    return lua_guarded(L, [L, text] { push(L, sentence_case(std::string(text))); return 1; });
}

int ctx_lower_first(lua_State* L) {
    const std::string_view text = bounded_string(L, 1, max_joined_bytes);
    return lua_guarded(L, [L, text] { push(L, lower_first(std::string(text))); return 1; });
}

int ctx_describe(lua_State* L) {
    return lua_guarded(L, [L] {
        push(L, describe_value(L, 1));   // [+1]
        return 1;
    });
}

// Which openness fact to cite, as the SDK's openness_of(): fact name and whether it is open, or nil.
int ctx_openness(lua_State* L) {
    luaL_checkany(L, 1);
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
    {"sorted_pairs", ordered_pairs},
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

void push_ctx(lua_State* L, const settings& s) {
    lua_createtable(L, 0, 16);       // [+1]
    luaL_setfuncs(L, ctx_functions, 0);
    push_settings(L, s);             // [+1]
    lua_setfield(L, -2, "settings"); // [-1]
    seal_table(L);
}

void set_active_review(lua_State* L, script_review* review) {
    lua_pushlightuserdata(L, review);                 // [+1]
    lua_setfield(L, LUA_REGISTRYINDEX, active_key);   // [-1]
}

}  // namespace verdict
