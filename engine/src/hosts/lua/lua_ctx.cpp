// Each function checks its arguments like Lua's own libraries do, so an editor's
// mistake reads "bad argument #2 to 'rule' (string expected, got nil)" with the
// script's line. C++ exceptions never cross into Lua: they become Lua errors.
#include "hosts/lua/lua_ctx.hpp"

#include "hosts/lua/lua_read_only.hpp"
#include "hosts/lua/lua_sandbox.hpp"
#include "verdict/persona.hpp"

#include <cmath>
#include <cstdio>
#include <exception>

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

// Runs `body`, turning a C++ exception into a Lua error (after `body`'s locals are gone).
template <class Body> int guarded(lua_State* L, Body&& body) {
    std::string failure;
    try {
        return body();
    } catch (const std::exception& error) {
        failure = error.what();
    }
    return luaL_error(L, "%s", failure.c_str());
}

// A value as reason text, the way the C++ SDK's describe() writes it. A list may hold only plain values:
// facts are flat, and a nested or self-containing table has no text.
std::string describe_value(lua_State* L, int index, bool in_list = false) {
    switch (lua_type(L, index)) {
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "true" : "false";
    case LUA_TSTRING: return lua_tostring(L, index);
    case LUA_TNUMBER: return lua_isinteger(L, index) ? std::to_string(lua_tointeger(L, index)) : number_text(lua_tonumber(L, index));
    case LUA_TTABLE: {
        if (in_list) luaL_error(L, "cannot describe a list inside a list as a fact");
        luaL_checkstack(L, 2, "describing a fact");
        std::string text;
        const lua_Integer n = luaL_len(L, index);
        for (lua_Integer i = 1; i <= n; ++i) {
            lua_geti(L, index, i);                                          // [+1]
            text += (i > 1 ? ", " : "") + describe_value(L, lua_gettop(L), true);
            lua_pop(L, 1);                                                  // [-1]
        }
        return text;
    }
    default: luaL_error(L, "cannot describe a %s value as a fact", luaL_typename(L, index));
    }
    return "";
}

std::vector<std::string> string_list(lua_State* L, int index) {
    luaL_checktype(L, index, LUA_TTABLE);
    std::vector<std::string> items;
    const lua_Integer n = luaL_len(L, index);
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, index, i);                                   // [+1]
        items.emplace_back(luaL_checkstring(L, -1));
        lua_pop(L, 1);                                           // [-1]
    }
    return items;
}

void push(lua_State* L, const std::string& text) { lua_pushlstring(L, text.data(), text.size()); }

// Pushes a review's reasons as a list of tables. [+1]
void push_reasons(lua_State* L, const std::vector<reason>& reasons);

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
    const char* id = luaL_checkstring(L, 1);
    const char* fact = luaL_checkstring(L, 2);
    const std::string value = describe_value(L, 3);
    luaL_checktype(L, 4, LUA_TBOOLEAN);
    const char* why = luaL_checkstring(L, 5);
    script_review& review = active(L);
    if (!review.card.has_rule(id)) return luaL_error(L, "rule '%s' has no weight: declare it in defaults.weights", id);
    return guarded(L, [&] {
        review.card.rule(id, fact, value, lua_toboolean(L, 4), why);
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

// The finished review, as a small object the host recognises on return: it carries the C++ review, so nothing
// is rebuilt in Lua unless the script reads a field.
int ctx_finish(lua_State* L) {
    size_t length = 0;
    const char* quote = luaL_checklstring(L, 1, &length);
    script_review& review = active(L);
    review.result = review.card.finish(std::string(quote, length));
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

int ctx_log(lua_State* L) {
    script_review& review = active(L);
    if (review.log.size() >= max_log_lines) return 0;
    std::string line;
    for (int i = 1; i <= lua_gettop(L); ++i) {
        line += (i > 1 ? " " : "") + std::string(luaL_tolstring(L, i, nullptr));
        lua_pop(L, 1);   // [-1] luaL_tolstring's copy
    }
    if (line.size() > max_log_line_bytes) line = line.substr(0, max_log_line_bytes) + "...";
    review.log.push_back(std::move(line));
    if (review.log.size() == max_log_lines) review.log.push_back("(further log lines dropped)");
    return 0;
}

int ctx_join_list(lua_State* L) {
    const std::vector<std::string> items = string_list(L, 1);
    const std::string conjunction = luaL_optstring(L, 2, "and");
    return guarded(L, [&] { push(L, join_list(items, conjunction)); return 1; });
}

int ctx_with_thousands(lua_State* L) {
    const lua_Integer n = luaL_checkinteger(L, 1);
    return guarded(L, [&] { push(L, with_thousands(static_cast<std::int64_t>(n))); return 1; });
}

int ctx_sentence_case(lua_State* L) {
    const std::string text = luaL_checkstring(L, 1);
    return guarded(L, [&] { push(L, sentence_case(text)); return 1; });
}

int ctx_lower_first(lua_State* L) {
    const std::string text = luaL_checkstring(L, 1);
    return guarded(L, [&] { push(L, lower_first(text)); return 1; });
}

int ctx_describe(lua_State* L) {
    const std::string text = describe_value(L, 1);
    push(L, text);   // [+1]
    return 1;
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
    {"score", ctx_score},
    {"finish", ctx_finish},
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
