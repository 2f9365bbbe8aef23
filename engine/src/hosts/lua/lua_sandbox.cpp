// The sandbox, as allow lists: a name not listed here is not reachable.
//
// Left out on purpose: the names in left_out below, string.dump (removed
// from the real string table too, which the string metatable reaches) and
// math.randomseed (the host seeds per review); scripts get ctx.log for print.
//
// Every review gets an environment of its own, so everything that outlives
// one is guarded: the string metatable is locked (getmetatable("") returns a
// string), the library tables a script sees are read-only copies made once
// per state, and the library functions that work in C are replaced or
// charged in the real library tables, which the string metatable also
// reaches.
#include "hosts/lua/lua_sandbox.hpp"

#include "hosts/lua/lua_charges.hpp"
#include "hosts/lua/lua_deterministic.hpp"
#include "hosts/lua/lua_patterns.hpp"
#include "hosts/lua/lua_read_only.hpp"
#include "hosts/lua/lua_runtime.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace verdict {
namespace {

constexpr const char* allowed_base[] = {"assert", "error", "getmetatable", "ipairs", "rawequal", "select", "tonumber", "type", "_VERSION"};
constexpr const char* allowed_string[] = {"byte",  "char", "find",     "format", "gmatch",  "gsub", "len",    "lower",
                                          "match", "pack", "packsize", "rep",    "reverse", "sub",  "unpack", "upper"};
constexpr const char* allowed_table[] = {"concat", "insert", "move", "pack", "remove", "sort", "unpack"};
constexpr const char* allowed_math[] = {"abs",  "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max", "maxinteger", "min",
                                        "mininteger", "modf", "pi", "rad", "random", "sin", "sqrt", "tan", "tointeger", "type", "ult"};
constexpr const char* allowed_utf8[] = {"char", "charpattern", "codepoint", "codes", "len", "offset"};
constexpr const char* left_out[] = {"io",      "os",       "package", "require", "debug", "coroutine", "dofile", "loadfile",
                                    "load",    "loadstring", "collectgarbage", "print", "warn"};
// Metatable fields whose code the host could not control: finalizers and weak tables run when the collector
// does, which would make reviews depend on it; __close would run while a stopped script unwinds.
constexpr const char* refused_metamethods[] = {"__gc", "__mode", "__close"};

constexpr const char* template_key = "verdict.sandbox";
constexpr const char* strict_globals_key = "verdict.strict_globals";
constexpr const char* randomseed_key = "verdict.randomseed";
constexpr const char* snapshots_key = "verdict.metatables";

// Calls the original function (upvalue 1) with this call's arguments and returns all it returns.
int call_original(lua_State* L) {
    const int args = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));   // [+1]
    lua_insert(L, 1);
    lua_call(L, args, LUA_MULTRET);          // [-(args+1), +results]
    return lua_gettop(L);
}

// pcall: a script may catch its own errors, never the host's stop. Lua's memory error after a refused allocation
// is the stop too, even when the unwinding has allocated since (it moves a grown stack to a smaller block), which
// would otherwise make the memory look available again.
int protected_call(lua_State* L) {
    lua_runtime& runtime = lua_runtime::of(L);
    const std::uint64_t refusals = runtime.refusals();
    const int results = call_original(L);
    if (lua_toboolean(L, 1)) return results;
    if (runtime.refusals() != refusals && lua_type(L, 2) == LUA_TSTRING && std::string_view(lua_tostring(L, 2)) == "not enough memory")
        runtime.keep_memory_stop();
    if (runtime.stopped()) {
        lua_settop(L, 2);   // the error object
        return lua_error(L);
    }
    return results;
}

// An xpcall message handler that does not run the script's handler once the host has stopped the script: a
// stop raised in a hook reaches the handler with hooks off, so the handler's code would run unbounded.
int handler_unless_stopped(lua_State* L) {
    if (lua_runtime::of(L).stopped()) return 1;   // the error, untouched
    lua_pushvalue(L, lua_upvalueindex(1));        // [+1] the script's handler
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);            // [-n, +1]
    return 1;
}

int protected_call_with_handler(lua_State* L) {
    luaL_checkany(L, 2);
    lua_pushvalue(L, 2);                               // [+1]
    lua_pushcclosure(L, handler_unless_stopped, 1);    // [-1, +1]
    lua_replace(L, 2);                                 // [-1]
    return protected_call(L);
}

// rawget and rawlen read a read-only view's table, as reads through the view itself do.
int through_views(lua_State* L) {
    if (lua_type(L, 1) == LUA_TTABLE) {
        push_behind_view(L, 1);            // [+1]
        lua_replace(L, 1);                 // [-1] the real table in the view's place
    }
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

int guarded_rawset(lua_State* L) {
    if (lua_type(L, 1) == LUA_TTABLE && is_read_only(L, 1)) return luaL_error(L, "rawset: this table is read-only");
    return call_original(L);
}

// Whether the metatable of the table at index 1 may be replaced: not a protected one, unless the host made it.
bool replaceable_metatable(lua_State* L) {
    if (!lua_getmetatable(L, 1)) return true;                  // [+1 if any]
    lua_getfield(L, LUA_REGISTRYINDEX, snapshots_key);         // [+1]
    lua_pushvalue(L, -2);                                      // [+1]
    const bool ours = lua_rawget(L, -2) == LUA_TBOOLEAN && lua_toboolean(L, -1);   // [-1, +1]
    lua_pop(L, 2);                                             // [-2]
    const bool protected_one = lua_getfield(L, -1, "__metatable") != LUA_TNIL;   // [+1] raw: a metatable has no metatable
    lua_pop(L, 2);                                             // [-2]
    return ours || !protected_one;
}

// setmetatable sets a copy of the metatable taken now, checked now: a metamethod added to the script's table
// later cannot reach the object. getmetatable still returns the script's own table.
int guarded_setmetatable(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, lua_type(L, 2) == LUA_TNIL || lua_type(L, 2) == LUA_TTABLE, 2, "nil or table");
    if (!replaceable_metatable(L)) return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    if (lua_isnil(L, 2)) {
        lua_setmetatable(L, 1);                                // [-1]
        return 1;
    }
    for (const char* refused : refused_metamethods) {
        lua_pushstring(L, refused);                            // [+1]
        const bool present = lua_rawget(L, 2) != LUA_TNIL;    // [-1, +1]
        lua_pop(L, 1);                                         // [-1]
        if (present) return luaL_error(L, "setmetatable: %s is not allowed in scripts", refused);
    }
    lua_newtable(L);                                           // [+1] the copy
    for (lua_pushnil(L); lua_next(L, 2) != 0;) {               // [+2]
        lua_pushvalue(L, -2);                                  // [+1] key
        lua_insert(L, -2);                                     // key, key, value
        lua_rawset(L, 3);                                      // [-2]
    }
    lua_pushliteral(L, "__metatable");                         // [+1]
    const bool script_protects = lua_rawget(L, 3) != LUA_TNIL; // [-1, +1]
    lua_pop(L, 1);                                             // [-1]
    if (!script_protects) {
        lua_pushvalue(L, 2);                                   // [+1] the script's own table
        lua_setfield(L, 3, "__metatable");                     // [-1]
    }
    lua_getfield(L, LUA_REGISTRYINDEX, snapshots_key);         // [+1]
    lua_pushvalue(L, 3);                                       // [+1]
    lua_pushboolean(L, !script_protects);                      // [+1] replaceable later?
    lua_rawset(L, -3);                                         // [-2]
    lua_pop(L, 1);                                             // [-1]
    lua_setmetatable(L, 1);                                    // [-1] the copy
    lua_settop(L, 1);
    return 1;
}

// Copies the listed fields of the table at `from` into the table on top of the stack. [0]
template <std::size_t n> void copy_fields(lua_State* L, int from, const char* const (&names)[n]) {
    for (const char* name : names) {
        lua_getfield(L, from, name);   // [+1]
        lua_setfield(L, -2, name);     // [-1]
    }
}

int undefined_global(lua_State* L) {
    const std::string name = luaL_tolstring(L, 2, nullptr);
    if (std::find(std::begin(left_out), std::end(left_out), name) != std::end(left_out))
        return luaL_error(L, "'%s' is not available to persona scripts (see scripts/README.md)", name.c_str());
    return luaL_error(L, "global '%s' is not defined (declare it local, or check its spelling)", name.c_str());
}

int global_assignment(lua_State* L) {
    return luaL_error(L, "assignment to global '%s': scripts may not create globals (declare it local)", luaL_tolstring(L, 2, nullptr));
}

}  // namespace

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
    const int utf8 = base + 4;
    const luaL_Reg replacements[] = {{"find", pattern_find}, {"match", pattern_match}, {"gmatch", pattern_gmatch},
                                     {"gsub", pattern_gsub}, {nullptr, nullptr}};
    lua_pushvalue(L, string);                      // [+1]
    luaL_setfuncs(L, replacements, 0);
    lua_pop(L, 1);                                 // [-1]
    lua_getfield(L, string, "format");             // [+1] the original
    lua_pushcclosure(L, deterministic_format, 1);  // [-1, +1]
    lua_setfield(L, string, "format");             // [-1]
    lua_pushcfunction(L, stable_sort);             // [+1]
    lua_setfield(L, table, "sort");                // [-1]
    install_charges(L, base, string, table, utf8);
    lua_getfield(L, math, "randomseed");           // [+1]
    lua_setfield(L, LUA_REGISTRYINDEX, randomseed_key);   // [-1]

    lua_pushnil(L);                                // [+1] the string metatable reaches the real table, which
    lua_setfield(L, string, "dump");               // [-1] must hold no path to bytecode: ("").dump(f)
    lua_pushliteral(L, "");                        // [+1] any string, to reach the string metatable
    lua_getmetatable(L, -1);                       // [+1]
    lua_pushliteral(L, "locked");                  // [+1]
    lua_setfield(L, -2, "__metatable");            // [-1]
    lua_pop(L, 2);                                 // [-2]

    lua_newtable(L);                               // [+1] metatables the host copied, weakly held
    lua_createtable(L, 0, 1);                      // [+1]
    lua_pushliteral(L, "k");                       // [+1]
    lua_setfield(L, -2, "__mode");                 // [-1]
    lua_setmetatable(L, -2);                       // [-1]
    lua_setfield(L, LUA_REGISTRYINDEX, snapshots_key);   // [-1]

    lua_newtable(L);                               // [+1] the template
    copy_fields(L, base, allowed_base);
    const std::pair<const char*, lua_CFunction> wrapped[] = {{"pcall", protected_call}, {"xpcall", protected_call_with_handler},
                                                             {"rawset", guarded_rawset}, {"setmetatable", guarded_setmetatable},
                                                             {"rawget", through_views}, {"rawlen", through_views}};
    for (const auto& [name, guard] : wrapped) {
        lua_getfield(L, base, name);               // [+1] the original
        lua_pushcclosure(L, guard, 1);             // [-1, +1]
        lua_setfield(L, -2, name);                 // [-1]
    }
    const std::pair<const char*, lua_CFunction> replaced[] = {{"pairs", ordered_pairs}, {"next", ordered_next}, {"tostring", deterministic_tostring}};
    for (const auto& [name, function] : replaced) {
        lua_pushcfunction(L, function);            // [+1]
        lua_setfield(L, -2, name);                 // [-1]
    }
    const std::pair<const char*, int> libraries[] = {{"string", string}, {"table", table}, {"math", math}, {"utf8", utf8}};
    for (const auto& [name, index] : libraries) {
        lua_newtable(L);                           // [+1] the allowed part, read-only
        if (index == string) copy_fields(L, index, allowed_string);
        else if (index == table) copy_fields(L, index, allowed_table);
        else if (index == math) copy_fields(L, index, allowed_math);
        else copy_fields(L, index, allowed_utf8);
        seal_table(L);                             // [-1, +1]
        lua_setfield(L, -2, name);                 // [-1]
    }
    lua_setfield(L, LUA_REGISTRYINDEX, template_key);   // [-1]
    lua_pop(L, 5);                                 // [-5] the libraries

    lua_createtable(L, 0, 3);                      // [+1] strict globals: one metatable every environment shares,
    lua_pushcfunction(L, undefined_global);        // [+1] locked, so no script can reach or change it
    lua_setfield(L, -2, "__index");                // [-1]
    lua_pushcfunction(L, global_assignment);       // [+1]
    lua_setfield(L, -2, "__newindex");             // [-1]
    lua_pushliteral(L, "locked");                  // [+1]
    lua_setfield(L, -2, "__metatable");            // [-1]
    lua_setfield(L, LUA_REGISTRYINDEX, strict_globals_key);   // [-1]
}

void push_script_environment(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, template_key);    // [+1] template
    const int from = lua_gettop(L);
    lua_createtable(L, 0, 32);                           // [+1] env
    for (lua_pushnil(L); lua_next(L, from) != 0;) {      // [+2] name, value
        lua_pushvalue(L, -2);                            // [+1] name
        lua_insert(L, -2);                               // name, name, value
        lua_rawset(L, -4);                               // [-2]
    }
    lua_pushvalue(L, -1);                                // [+1]
    lua_setfield(L, -2, "_G");                           // [-1]
    lua_getfield(L, LUA_REGISTRYINDEX, strict_globals_key);   // [+1]
    lua_setmetatable(L, -2);                             // [-1]
    lua_remove(L, from);                                 // [-1] template
}

void seed_random(lua_State* L, std::uint64_t seed) {
    lua_getfield(L, LUA_REGISTRYINDEX, randomseed_key);             // [+1]
    lua_pushinteger(L, static_cast<lua_Integer>(seed >> 1));         // [+1]
    lua_call(L, 1, 0);                                               // [-2]
}

}  // namespace verdict
