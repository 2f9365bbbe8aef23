// The proxy is an empty table whose metatable's __index is the real table, so
// a read costs one table lookup in the VM, with no C call. The real table is
// reachable only from that metatable, which __metatable hides.
#include "hosts/lua/lua_read_only.hpp"

#include "hosts/lua/lua_sandbox.hpp"

namespace verdict {
namespace {

int refuse_write(lua_State* L) {
    return luaL_error(L, "attempt to change a read-only table (field '%s')", luaL_tolstring(L, 2, nullptr));
}

int real_length(lua_State* L) {
    lua_pushinteger(L, static_cast<lua_Integer>(lua_rawlen(L, lua_upvalueindex(1))));   // [+1]
    return 1;
}

int real_pairs(lua_State* L) {
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(1));   // [+1] the real table
    return ordered_pairs(L);
}

}  // namespace

void seal_table(lua_State* L) {
    const int real = lua_gettop(L);
    lua_newtable(L);                           // [+1] proxy
    lua_createtable(L, 0, 6);                  // [+1] its metatable
    lua_pushvalue(L, real);                    // [+1]
    lua_setfield(L, -2, "__index");            // [-1]
    lua_pushcfunction(L, refuse_write);        // [+1]
    lua_setfield(L, -2, "__newindex");         // [-1]
    lua_pushvalue(L, real);                    // [+1]
    lua_pushcclosure(L, real_length, 1);       // [-1, +1]
    lua_setfield(L, -2, "__len");              // [-1]
    lua_pushvalue(L, real);                    // [+1]
    lua_pushcclosure(L, real_pairs, 1);        // [-1, +1]
    lua_setfield(L, -2, "__pairs");            // [-1]
    lua_pushliteral(L, "read-only");           // [+1]
    lua_setfield(L, -2, "__metatable");        // [-1]
    lua_pushstring(L, read_only_name);         // [+1]
    lua_setfield(L, -2, "__name");             // [-1]
    lua_setmetatable(L, -2);                   // [-1]
    lua_replace(L, real);                      // [-1] proxy where the table was
}

}  // namespace verdict
