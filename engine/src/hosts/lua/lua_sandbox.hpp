// What a script persona can see: the safe parts of the base library, string,
// table, math and utf8 (read-only), each run of a script in an environment
// of its own, nothing else.
#pragma once

#include <lua.hpp>

#include <cstdint>

namespace verdict {

/// Prepares a new state once: opens only the allowed libraries, guards the C functions that could run
/// unbounded, locks the string metatable, and keeps the template every script environment is copied from.
void install_sandbox(lua_State* L);

/// Pushes a fresh environment for one run of a script: the allowed functions, and the library tables as read-only
/// views made once per state. Reading an undefined global or assigning any global raises an error. [+1]
void push_script_environment(lua_State* L);

/// Seeds math.random, so a review draws the same numbers on every run. [0]
void seed_random(lua_State* L, std::uint64_t seed);

}  // namespace verdict
