// Read-only views of host data: a script reads them like tables, and cannot
// change them, reach the table behind them, or swap their metatable.
#pragma once

#include <lua.hpp>

namespace verdict {

/// Replaces the table on top of the stack with a read-only proxy of it. Reads, #, ipairs and pairs (in key
/// order) see the table; writes and rawset raise an error; getmetatable returns a string. [-1, +1]
void seal_table(lua_State* L);

}  // namespace verdict
