// What a script persona can see: the safe parts of the base library, string,
// table, math and utf8, each script in its own environment, nothing else.
#pragma once

#include <lua.hpp>

#include <cstdint>

namespace verdict {

/// Prepares a new state once: opens only the allowed libraries, guards the C functions that could run
/// unbounded, locks the string metatable, and keeps the template every script environment is copied from.
void install_sandbox(lua_State* L);

/// Pushes a fresh environment for one script: its own copies of the allowed functions and library tables.
/// Reading an undefined global or assigning any global raises an error. [+1]
void push_script_environment(lua_State* L);

/// Seeds math.random, so a review draws the same numbers on every run. [0]
void seed_random(lua_State* L, std::uint64_t seed);

/// pairs() in key order: numbers ascending, then strings in byte order, then other keys; honours __pairs.
int ordered_pairs(lua_State* L);

/// Pushes pairs()'s three results for iterating the table at `table` in key order, returning the value at
/// `state` as the state (a read-only view returns itself, never the table behind it). [+3]
int ordered_iteration(lua_State* L, int table, int state);

}  // namespace verdict
