// The proxy is an empty table whose metatable's __index is the real table, so
// a read costs one table lookup in the VM, with no C call. A real table may
// be made as it is read (its own metatable's __index makes what is missing);
// its __complete then makes the rest before anything walks it raw. The real table is
// reachable only from that metatable, which __metatable hides; __len and
// __pairs find it there too, so sealing creates no closures.
//
// Sealing runs for every table of every tool view, so its parts (metamethod
// names and shared functions) are made once per state and kept in one
// registry table, and each seal sets only raw fields from it.
#include "hosts/lua/lua_read_only.hpp"

#include "hosts/lua/lua_deterministic.hpp"

namespace verdict {
namespace {

int refuse_write(lua_State* L) {
    return luaL_error(L, "attempt to change a read-only table (field '%s')", luaL_tolstring(L, 2, nullptr));
}

int real_length(lua_State* L) {
    push_behind_view(L, 1);                                                    // [+1]
    lua_pushinteger(L, static_cast<lua_Integer>(lua_rawlen(L, -1)));           // [+1]
    return 1;
}

int real_pairs(lua_State* L) {
    lua_settop(L, 1);
    push_behind_view(L, 1);                 // [+1]
    return ordered_iteration(L, 2, 1);      // [+3] the proxy, not the real table, as the state
}

// Positions in the parts table: key then value, for each metamethod every proxy gets.
enum part : int { index_key = 1, newindex_key, newindex_value, pairs_key, pairs_value, metatable_key, metatable_value, len_key, len_value };
const char parts_key = 0;   // its address keys the parts table in the registry

// Pushes the parts table, making it on first use. [+1]
void push_parts(lua_State* L) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &parts_key) == LUA_TTABLE) return;   // [+1]
    lua_pop(L, 1);                                                             // [-1]
    lua_createtable(L, len_value, 0);                                          // [+1]
    const auto add = [L](part at, auto push) { push(); lua_rawseti(L, -2, at); };
    add(index_key, [L] { lua_pushliteral(L, "__index"); });
    add(newindex_key, [L] { lua_pushliteral(L, "__newindex"); });
    add(newindex_value, [L] { lua_pushcfunction(L, refuse_write); });
    add(pairs_key, [L] { lua_pushliteral(L, "__pairs"); });
    add(pairs_value, [L] { lua_pushcfunction(L, real_pairs); });
    add(metatable_key, [L] { lua_pushliteral(L, "__metatable"); });
    add(metatable_value, [L] { lua_pushliteral(L, "read-only"); });
    add(len_key, [L] { lua_pushliteral(L, "__len"); });
    add(len_value, [L] { lua_pushcfunction(L, real_length); });
    lua_pushvalue(L, -1);                                                      // [+1]
    lua_rawsetp(L, LUA_REGISTRYINDEX, &parts_key);                             // [-1]
}

// metatable[parts[key]] = parts[value] for the metatable at `mt` and the parts table on top. [0]
void copy_part(lua_State* L, int mt, part key, part value) {
    lua_rawgeti(L, -1, key);     // [+1]
    lua_rawgeti(L, -2, value);   // [+1]
    lua_rawset(L, mt);           // [-2]
}

}  // namespace

bool is_read_only(lua_State* L, int index) {
    if (!lua_getmetatable(L, index)) return false;              // [+1]
    lua_getfield(L, -1, "__newindex");                          // [+1]
    const bool read_only = lua_tocfunction(L, -1) == refuse_write;
    lua_pop(L, 2);                                              // [-2]
    return read_only;
}

void push_behind_view(lua_State* L, int index) {
    index = lua_absindex(L, index);
    if (!is_read_only(L, index)) {
        lua_pushvalue(L, index);           // [+1]
        return;
    }
    lua_getmetatable(L, index);            // [+1]
    lua_getfield(L, -1, "__index");        // [+1] the real table
    lua_remove(L, -2);                     // [-1]
    if (!lua_getmetatable(L, -1)) return;  // [+1 if any] a table made as it is read: complete it first
    if (lua_getfield(L, -1, "__complete") == LUA_TFUNCTION) {   // [+1]
        lua_pushvalue(L, -3);              // [+1]
        lua_call(L, 1, 0);                 // [-2]
        lua_pushnil(L);                    // [+1]
        lua_setmetatable(L, -3);           // [-1] complete: reads need its maker no more
        lua_pop(L, 1);                     // [-1] the metatable
        return;
    }
    lua_pop(L, 2);                         // [-2]
}

void seal_table(lua_State* L) {
    const int real = lua_gettop(L);
    const bool list = lua_rawlen(L, real) > 0;
    lua_newtable(L);                               // [+1] proxy
    lua_createtable(L, 0, list ? 5 : 4);           // [+1] its metatable
    const int mt = lua_gettop(L);
    push_parts(L);                                 // [+1]
    lua_rawgeti(L, -1, index_key);                 // [+1]
    lua_pushvalue(L, real);                        // [+1]
    lua_rawset(L, mt);                             // [-2]
    copy_part(L, mt, newindex_key, newindex_value);
    copy_part(L, mt, pairs_key, pairs_value);
    copy_part(L, mt, metatable_key, metatable_value);
    if (list) copy_part(L, mt, len_key, len_value);
    lua_pop(L, 1);                                 // [-1] parts
    lua_setmetatable(L, -2);                       // [-1]
    lua_replace(L, real);                          // [-1] proxy where the table was
}

}  // namespace verdict
