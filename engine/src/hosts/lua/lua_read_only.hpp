// Read-only views of host data: a script reads them like tables, and cannot
// change them, reach the table behind them, or swap their metatable.
#pragma once

#include <lua.hpp>

namespace verdict {

/// Replaces the table on top of the stack with a read-only proxy of it. Reads, ipairs, pairs (in key order)
/// and, for a table with a sequence, # see the table; writes raise an error; getmetatable returns a string.
/// [-1, +1]
void seal_table(lua_State* L);

/// True when the value at `index` is a read-only proxy made by seal_table. [0]
bool is_read_only(lua_State* L, int index);

/// Pushes the table behind the read-only proxy at `index`, or the value at `index` itself when it is not one:
/// what raw reads and key-order walks see. [+1]
void push_behind_view(lua_State* L, int index);

}  // namespace verdict
