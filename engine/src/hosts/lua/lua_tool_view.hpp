// The tool as a script sees it: a read-only table with the catalog's names.
#pragma once

#include "verdict/tool.hpp"

#include <lua.hpp>

namespace verdict {

/// Pushes a read-only view of `t`. Fact groups (pricing, licence, setup, problem, risks, market, thesis,
/// traction) are always tables; absent facts and absent lists are nil; enums are their catalog spellings. [+1]
void push_tool_view(lua_State* L, const tool& t);

}  // namespace verdict
