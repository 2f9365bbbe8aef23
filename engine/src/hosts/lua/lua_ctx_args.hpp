// How ctx's functions read their arguments and word their errors. Each ctx
// function carries its name ("ctx.rule") as its first upvalue, because Lua
// names a C function after its call site: '?' when pcall, a library function
// or a tail call called it, a local's name when called through an alias. So
// every message names the function whatever the call looked like, at the
// script's line, worded like the rest of verdict's:
//   bad argument #2 to 'ctx.rule' (expected a fact name of the catalog, found "nmae"; did you mean "name"?)
#pragma once

#include <lua.hpp>

#include <string>
#include <string_view>

namespace verdict::ctx_args {

/// The running ctx function's name, "ctx.rule"; "ctx" in a host function that carries none.
inline const char* function_name(lua_State* L) {
    const char* name = lua_tostring(L, lua_upvalueindex(1));
    return name != nullptr ? name : "ctx";
}

/// The value at `index` as a message's "found" names it: a string quoted (cut past 60 bytes), a number, or its type.
inline std::string found(lua_State* L, int index) {
    switch (lua_type(L, index)) {
    case LUA_TNONE: return "nothing";
    case LUA_TNIL: return "nil";
    case LUA_TBOOLEAN: return lua_toboolean(L, index) ? "true" : "false";
    case LUA_TNUMBER: return lua_isinteger(L, index) ? std::to_string(lua_tointeger(L, index)) : "a number";
    case LUA_TSTRING: {
        std::size_t length = 0;
        const char* text = lua_tolstring(L, index, &length);
        return length > 60 ? "a string of " + std::to_string(length) + " bytes" : "\"" + std::string(text, length) + "\"";
    }
    default: return std::string("a ") + luaL_typename(L, index);
    }
}

/// Raises "<function>: <message>" at the script's line.
inline int fail(lua_State* L, const std::string& message) { return luaL_error(L, "%s: %s", function_name(L), message.c_str()); }

/// Raises "bad argument #<arg> to '<function>' (<problem>)" at the script's line; `problem` reads "expected ..., found ...".
inline int bad_argument(lua_State* L, int arg, const std::string& problem) {
    return luaL_error(L, "bad argument #%d to '%s' (%s)", arg, function_name(L), problem.c_str());
}

/// Raises bad_argument() for the value at `index` (argument `arg`, or an item of it when `item` is given).
inline int expected(lua_State* L, int arg, const std::string& what, int index, std::string_view item = {}) {
    return bad_argument(L, arg, "expected " + what + ", found " + found(L, index) + std::string(item));
}

/// Text at `index` (argument `arg`): a string or a number, as Lua's libraries take them, of at most `limit` bytes,
/// checked before anything is copied; `what` names it in the message.
inline std::string_view text(lua_State* L, int arg, std::size_t limit, const std::string& what = "text", int index = 0) {
    index = index == 0 ? arg : index;
    if (!lua_isstring(L, index)) expected(L, arg, what, index);
    std::size_t length = 0;
    const char* value = lua_tolstring(L, index, &length);
    if (length > limit) bad_argument(L, arg, "expected " + what + " of at most " + std::to_string(limit) + " bytes, found " + std::to_string(length) + " bytes");
    return {value, length};
}

/// Argument `arg`, which must be true or false.
inline bool boolean(lua_State* L, int arg, const std::string& what) {
    if (lua_type(L, arg) != LUA_TBOOLEAN) expected(L, arg, what, arg);
    return lua_toboolean(L, arg) != 0;
}

/// Argument `arg`, which must be a table.
inline void table(lua_State* L, int arg, const std::string& what) {
    if (lua_type(L, arg) != LUA_TTABLE) expected(L, arg, what, arg);
}

/// Argument `arg`, which must be a whole number.
inline lua_Integer integer(lua_State* L, int arg, const std::string& what) {
    int whole = 0;
    const lua_Integer value = lua_tointegerx(L, arg, &whole);
    if (!whole) expected(L, arg, what, arg);
    return value;
}

}  // namespace verdict::ctx_args
