// Library functions whose standard versions make the same script give
// different results from run to run, replaced by ones that do not.
#pragma once

#include <lua.hpp>

namespace verdict {

/// pairs() in key order: numbers ascending, then strings in byte order, then false before true. A key of any
/// other type has no order, and is an error. Sees through read-only views. [+3]
int ordered_pairs(lua_State* L);

/// next() in the same order as ordered_pairs, seeing through read-only views.
int ordered_next(lua_State* L);

/// Pushes pairs()'s three results for iterating the table at `table` in key order, returning the value at
/// `state` as the state (a read-only view returns itself, never the table behind it). [+3]
int ordered_iteration(lua_State* L, int table, int state);

/// tostring() without addresses: a table, function or other reference without __tostring reads as its type
/// name ("table"), since an address differs from run to run.
int deterministic_tostring(lua_State* L);

/// string.format() without addresses: "%p" is refused, and %s of a reference gives deterministic_tostring's
/// text. Upvalue 1 is the original string.format.
int deterministic_format(lua_State* L);

/// table.sort() as a stable merge sort: equal elements keep their order, and an inconsistent comparison
/// function cannot corrupt the list or read past it (Lua's own sort picks pivots from the clock).
int stable_sort(lua_State* L);

}  // namespace verdict
