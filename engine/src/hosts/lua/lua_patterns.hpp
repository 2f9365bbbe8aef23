// string.find, string.match, string.gmatch and string.gsub for the sandbox,
// on the step-counting matcher, so pattern work counts against the budget.
#pragma once

#include <lua.hpp>

namespace verdict {

int pattern_find(lua_State* L);
int pattern_match(lua_State* L);
int pattern_gmatch(lua_State* L);
int pattern_gsub(lua_State* L);

}  // namespace verdict
