// The sandbox, as allow lists: a name not listed here is not reachable.
//
// Left out on purpose: io, os, package/require, debug, coroutine, dofile,
// loadfile, load, string.dump, collectgarbage, print (scripts get ctx.log),
// math.randomseed (the host seeds per review).
//
// Scripts share one state, so everything shared is guarded: the string
// metatable is locked (getmetatable("") returns a string), each environment
// gets its own copies of the library tables, and the C functions that can run
// long without executing a Lua instruction are wrapped in the real library
// tables, which the string metatable also reaches.
#include "hosts/lua/lua_sandbox.hpp"

#include "hosts/lua/lua_pattern_guard.hpp"
#include "hosts/lua/lua_runtime.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace verdict {
namespace {

constexpr const char* allowed_base[] = {"assert",   "error",  "getmetatable", "ipairs", "next",     "rawequal",
                                        "rawget",   "rawlen", "select",       "tonumber", "tostring", "type", "_VERSION"};
constexpr const char* allowed_string[] = {"byte", "char",    "find",     "format",  "gmatch", "gsub", "len", "lower",
                                          "match", "pack",   "packsize", "rep",     "reverse", "sub", "unpack", "upper"};
constexpr const char* allowed_table[] = {"concat", "insert", "move", "pack", "remove", "sort", "unpack"};
constexpr const char* allowed_math[] = {"abs",   "ceil", "cos",  "deg",        "exp",  "floor", "fmod",     "huge",    "log",
                                        "max",   "maxinteger",   "min",        "mininteger", "modf", "pi", "rad", "random",
                                        "sin",   "sqrt", "tan",  "tointeger",  "type", "ult"};
constexpr const char* allowed_utf8[] = {"char", "charpattern", "codepoint", "codes", "len", "offset"};

constexpr const char* template_key = "verdict.sandbox";
constexpr const char* randomseed_key = "verdict.randomseed";
constexpr lua_Integer max_moved_elements = 10'000'000;

// Calls the original function (upvalue 1) with this call's arguments and returns all it returns.
int call_original(lua_State* L) {
    const int args = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));   // [+1]
    lua_insert(L, 1);
    lua_call(L, args, LUA_MULTRET);          // [-(args+1), +results]
    return lua_gettop(L);
}

// pcall and xpcall: a script may catch its own errors, never the host's stop.
int protected_call(lua_State* L) {
    const int results = call_original(L);
    if (lua_runtime::of(L).stopped() && !lua_toboolean(L, 1)) {
        lua_settop(L, 2);   // the error object
        return lua_error(L);
    }
    return results;
}

int guarded_rawset(lua_State* L) {
    if (lua_type(L, 1) == LUA_TTABLE && lua_getmetatable(L, 1)) {        // [+1]
        const bool read_only = lua_getfield(L, -1, "__name") == LUA_TSTRING && std::string(lua_tostring(L, -1)) == read_only_name;
        lua_pop(L, 2);                                                    // [-2]
        if (read_only) return luaL_error(L, "rawset: this table is read-only");
    }
    return call_original(L);
}

int guarded_setmetatable(lua_State* L) {
    if (lua_type(L, 2) == LUA_TTABLE) {
        for (const char* refused : {"__gc", "__mode"}) {
            const bool present = lua_getfield(L, 2, refused) != LUA_TNIL;   // [+1]
            lua_pop(L, 1);                                                 // [-1]
            if (present)
                return luaL_error(L, "setmetatable: %s is not allowed in scripts (it would make reviews depend on garbage collection)", refused);
        }
    }
    return call_original(L);
}

// string.rep with nothing to repeat loops n times in C: return the empty string at once.
int guarded_rep(lua_State* L) {
    std::size_t length = 0;
    std::size_t separator = 0;
    luaL_checklstring(L, 1, &length);
    luaL_optlstring(L, 3, "", &separator);
    if (length + separator == 0) {
        lua_pushliteral(L, "");   // [+1]
        return 1;
    }
    return call_original(L);
}

// find, match, gmatch and gsub: refuse a pattern that could backtrack past the budget in C.
int guarded_pattern(lua_State* L) {
    std::size_t subject_length = 0;
    std::size_t pattern_length = 0;
    const char* subject = luaL_checklstring(L, 1, &subject_length);
    const char* pattern = luaL_checklstring(L, 2, &pattern_length);
    const bool plain = lua_toboolean(L, lua_upvalueindex(2)) && lua_toboolean(L, 4);   // find's plain flag
    if (!plain && worst_case_steps({pattern, pattern_length}, {subject, subject_length}) > max_pattern_steps)
        return luaL_error(L, "pattern too complex for a text of %d bytes: it could backtrack for too long", static_cast<int>(subject_length));
    return call_original(L);
}

// table.move over a huge empty range loops in C without running a Lua instruction.
int guarded_move(lua_State* L) {
    const lua_Integer first = luaL_checkinteger(L, 2);
    const lua_Integer last = luaL_checkinteger(L, 3);
    if (last >= first && (last - first >= max_moved_elements || last - first < 0))
        return luaL_error(L, "table.move: at most %d elements at a time", static_cast<int>(max_moved_elements));
    return call_original(L);
}

// Replaces lib[name] with `guard`, which finds the original as upvalue 1 (and `flag` as upvalue 2). [0]
void wrap(lua_State* L, int lib, const char* name, lua_CFunction guard, bool flag = false) {
    lua_getfield(L, lib, name);        // [+1] the original
    lua_pushboolean(L, flag);          // [+1]
    lua_pushcclosure(L, guard, 2);     // [-2, +1]
    lua_setfield(L, lib, name);        // [-1]
}

// Copies the listed fields of the table at `from` into the table on top of the stack. [0]
template <std::size_t n> void copy_fields(lua_State* L, int from, const char* const (&names)[n]) {
    for (const char* name : names) {
        lua_getfield(L, from, name);   // [+1]
        lua_setfield(L, -2, name);     // [-1]
    }
}

int undefined_global(lua_State* L) {
    return luaL_error(L, "global '%s' is not defined (declare it local, or check its spelling)", luaL_tolstring(L, 2, nullptr));
}

int global_assignment(lua_State* L) {
    return luaL_error(L, "assignment to global '%s': scripts may not create globals (declare it local)", luaL_tolstring(L, 2, nullptr));
}

struct ordered_key {
    int rank = 2;            // 0 numbers, 1 strings, 2 anything else (in the order next() gave them)
    lua_Number number = 0;
    std::string text;
    int position = 0;        // index in the keys table
};

int ordered_step(lua_State* L) {
    const lua_Integer next = lua_tointeger(L, lua_upvalueindex(3)) + 1;
    if (lua_rawgeti(L, lua_upvalueindex(2), next) == LUA_TNIL) return 1;   // [+1] nil ends the loop
    lua_pushinteger(L, next);                                              // [+1]
    lua_replace(L, lua_upvalueindex(3));                                   // [-1]
    lua_pushvalue(L, -1);                                                  // [+1] the key
    lua_rawget(L, lua_upvalueindex(1));                                    // [-1, +1] its value
    return 2;
}

}  // namespace

int ordered_pairs(lua_State* L) {
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {   // [+1] a view (or any table) that orders itself
        lua_pushvalue(L, 1);                                 // [+1]
        lua_call(L, 1, 3);                                   // [-2, +3]
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    std::vector<ordered_key> keys;
    lua_newtable(L);                                          // [+1] keys, in next() order
    for (lua_pushnil(L); lua_next(L, 1) != 0; lua_pop(L, 1)) {
        ordered_key k;
        k.rank = lua_type(L, -2) == LUA_TNUMBER ? 0 : lua_type(L, -2) == LUA_TSTRING ? 1 : 2;
        if (k.rank == 0) k.number = lua_tonumber(L, -2);
        if (k.rank == 1) k.text = lua_tostring(L, -2);
        k.position = static_cast<int>(keys.size()) + 1;
        lua_pushvalue(L, -2);                                 // [+1]
        lua_rawseti(L, -4, k.position);                       // [-1]
        keys.push_back(std::move(k));
    }
    std::stable_sort(keys.begin(), keys.end(), [](const ordered_key& a, const ordered_key& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.rank == 0 ? a.number < b.number : a.rank == 1 ? a.text < b.text : false;
    });
    lua_createtable(L, static_cast<int>(keys.size()), 0);     // [+1] keys, sorted
    for (std::size_t i = 0; i < keys.size(); ++i) {
        lua_rawgeti(L, -2, keys[i].position);                 // [+1]
        lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);  // [-1]
    }
    lua_remove(L, -2);                                        // [-1] the unsorted keys
    lua_pushvalue(L, 1);                                      // [+1] the table
    lua_insert(L, -2);                                        // table below the sorted keys
    lua_pushinteger(L, 0);                                    // [+1] position
    lua_pushcclosure(L, ordered_step, 3);                     // [-3, +1]
    lua_pushvalue(L, 1);                                      // [+1]
    lua_pushnil(L);                                           // [+1]
    return 3;
}

void install_sandbox(lua_State* L) {
    luaL_requiref(L, "_G", luaopen_base, 0);       // [+1] base
    luaL_requiref(L, "string", luaopen_string, 0); // [+1]
    luaL_requiref(L, "table", luaopen_table, 0);   // [+1]
    luaL_requiref(L, "math", luaopen_math, 0);     // [+1]
    luaL_requiref(L, "utf8", luaopen_utf8, 0);     // [+1]
    const int base = lua_gettop(L) - 4;
    const int string = base + 1;
    const int table = base + 2;
    const int math = base + 3;
    for (const char* name : {"find", "match", "gmatch", "gsub"}) wrap(L, string, name, guarded_pattern, std::string(name) == "find");
    wrap(L, string, "rep", guarded_rep);
    wrap(L, table, "move", guarded_move);
    lua_getfield(L, math, "randomseed");           // [+1]
    lua_setfield(L, LUA_REGISTRYINDEX, randomseed_key);   // [-1]

    lua_pushliteral(L, "");                        // [+1] any string, to reach the string metatable
    lua_getmetatable(L, -1);                       // [+1]
    lua_pushliteral(L, "locked");                  // [+1]
    lua_setfield(L, -2, "__metatable");            // [-1]
    lua_pop(L, 2);                                 // [-2]

    lua_newtable(L);                               // [+1] the template
    copy_fields(L, base, allowed_base);
    const std::pair<const char*, lua_CFunction> replaced[] = {{"pcall", protected_call}, {"xpcall", protected_call},
                                                              {"rawset", guarded_rawset}, {"setmetatable", guarded_setmetatable}};
    for (const auto& [name, guard] : replaced) {
        lua_getfield(L, base, name);               // [+1] the original
        lua_pushcclosure(L, guard, 1);             // [-1, +1]
        lua_setfield(L, -2, name);                 // [-1]
    }
    lua_pushcfunction(L, ordered_pairs);           // [+1]
    lua_setfield(L, -2, "pairs");                  // [-1]
    for (const auto& [name, index] : {std::pair{"string", string}, {"table", table}, {"math", math}, {"utf8", base + 4}}) {
        lua_pushvalue(L, index);                   // [+1]
        lua_setfield(L, -2, name);                 // [-1]
    }
    lua_setfield(L, LUA_REGISTRYINDEX, template_key);   // [-1]
    lua_pop(L, 5);                                 // [-5] the libraries
}

void push_script_environment(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, template_key);   // [+1] template
    const int from = lua_gettop(L);
    lua_newtable(L);                                     // [+1] env
    for (lua_pushnil(L); lua_next(L, from) != 0;) {      // [+2] name, value
        if (lua_type(L, -1) != LUA_TTABLE) {
            lua_pushvalue(L, -2);                        // [+1] name
            lua_insert(L, -2);                           // name, name, value
            lua_rawset(L, -4);                           // [-2]
            continue;
        }
        const char* lib = lua_tostring(L, -2);
        const int source = lua_gettop(L);
        lua_newtable(L);                                 // [+1] this script's own copy
        if (std::string(lib) == "string") copy_fields(L, source, allowed_string);
        else if (std::string(lib) == "table") copy_fields(L, source, allowed_table);
        else if (std::string(lib) == "math") copy_fields(L, source, allowed_math);
        else copy_fields(L, source, allowed_utf8);
        lua_setfield(L, -4, lib);                        // [-1]
        lua_pop(L, 1);                                   // [-1] the shared library table
    }
    lua_pushvalue(L, -1);                                // [+1]
    lua_setfield(L, -2, "_G");                           // [-1]
    lua_createtable(L, 0, 3);                            // [+1] strict globals
    lua_pushcfunction(L, undefined_global);              // [+1]
    lua_setfield(L, -2, "__index");                      // [-1]
    lua_pushcfunction(L, global_assignment);             // [+1]
    lua_setfield(L, -2, "__newindex");                   // [-1]
    lua_pushliteral(L, "locked");                        // [+1]
    lua_setfield(L, -2, "__metatable");                  // [-1]
    lua_setmetatable(L, -2);                             // [-1]
    lua_remove(L, from);                                 // [-1] template
}

void seed_random(lua_State* L, std::uint64_t seed) {
    lua_getfield(L, LUA_REGISTRYINDEX, randomseed_key);             // [+1]
    lua_pushinteger(L, static_cast<lua_Integer>(seed >> 1));         // [+1]
    lua_call(L, 1, 0);                                               // [-2]
}

}  // namespace verdict
