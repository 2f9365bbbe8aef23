// Keeps C++ exceptions out of Lua: the host's C functions run their work
// through lua_guarded(), so a C++ exception becomes a Lua error with its
// message instead of crossing Lua's frames.
#pragma once

#include <lua.hpp>

#include <exception>
#include <string>

namespace verdict {

/// Runs `body` and returns what it returns; a std::exception it throws becomes a Lua error with its message (after
/// "<who>: " when `who` is given), raised after `body`'s locals are gone. Lua's own errors pass through untouched.
template <class Body> int lua_guarded(lua_State* L, Body&& body, const char* who = nullptr) {
    std::string failure;
    try {
        return body();
    } catch (const std::exception& error) {
        failure = error.what();
    }
    return who ? luaL_error(L, "%s: %s", who, failure.c_str()) : luaL_error(L, "%s", failure.c_str());
}

}  // namespace verdict
