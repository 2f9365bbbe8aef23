// A charge is taken before the function runs, so work refused is never done.
// The wrapper calls the original C function directly, in its own frame, so an
// argument error still names the function and the script's line.
#include "hosts/lua/lua_charges.hpp"

#include "hosts/lua/lua_runtime.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace verdict {
namespace {

// One instruction's worth of work, in bytes handled by a library function.
constexpr std::uint64_t bytes_per_unit = 64;

enum class cost : int {
    by_size,   // every argument: 1, plus a string's bytes
    repeat,    // string.rep: the bytes of the result
    insert,    // table.insert at a position: the list's length
    remove,    // table.remove at a position: the list's length
    concat,    // table.concat(t, sep, i, j): the elements from i to j
    move,      // table.move(a1, f, e, t): the elements from f to e
    unpack,    // table.unpack(t, i, j): the elements from i to j
};

std::uint64_t saturating_multiply(std::uint64_t a, std::uint64_t b) {
    return b != 0 && a > std::numeric_limits<std::uint64_t>::max() / b ? std::numeric_limits<std::uint64_t>::max() : a * b;
}

std::uint64_t by_size(lua_State* L) {
    std::uint64_t units = 1;
    for (int i = 1; i <= lua_gettop(L); ++i) units += 1 + (lua_type(L, i) == LUA_TSTRING ? lua_rawlen(L, i) / bytes_per_unit : 0);
    return units;
}

std::uint64_t length_of(lua_State* L, int index) {
    const lua_Integer n = lua_type(L, index) == LUA_TTABLE ? luaL_len(L, index) : 0;   // __len may be a script's
    return n > 0 ? static_cast<std::uint64_t>(n) : 0;
}

// The number of elements from integer argument `first` to `last` (defaults: 1 and the list's length).
std::uint64_t range(lua_State* L, int first, int last, int list) {
    const lua_Integer from = luaL_optinteger(L, first, 1);
    const lua_Integer to = lua_isnoneornil(L, last) ? static_cast<lua_Integer>(length_of(L, list)) : luaL_checkinteger(L, last);
    if (to < from) return 0;
    const auto span = static_cast<lua_Unsigned>(to) - static_cast<lua_Unsigned>(from);
    return span >= std::numeric_limits<std::uint64_t>::max() ? span : span + 1;
}

// string.rep of the empty string (with an empty separator), or fewer than one time: the result is "".
bool nothing_to_repeat(lua_State* L) {
    std::size_t length = 0;
    std::size_t separator = 0;
    luaL_checklstring(L, 1, &length);
    luaL_optlstring(L, 3, "", &separator);
    return luaL_checkinteger(L, 2) <= 0 || length + separator == 0;
}

std::uint64_t cost_of(lua_State* L, cost kind) {
    switch (kind) {
    case cost::by_size: return by_size(L);
    case cost::repeat: {
        const lua_Integer n = luaL_checkinteger(L, 2);
        const std::uint64_t piece = lua_rawlen(L, 1) + (lua_type(L, 3) == LUA_TSTRING ? lua_rawlen(L, 3) : 0);
        return n <= 0 ? 1 : saturating_multiply(static_cast<std::uint64_t>(n), piece) / bytes_per_unit + 1;
    }
    case cost::insert: return lua_gettop(L) >= 3 ? length_of(L, 1) + 1 : 1;
    case cost::remove: return lua_gettop(L) >= 2 ? length_of(L, 1) + 1 : 1;
    case cost::concat: return range(L, 3, 4, 1) + 1;
    case cost::move: return range(L, 2, 3, 1) + 1;
    case cost::unpack: return range(L, 2, 3, 1) + 1;
    }
    return 1;
}

int charged(lua_State* L) {
    const auto kind = static_cast<cost>(lua_tointeger(L, lua_upvalueindex(2)));
    if (kind == cost::repeat && nothing_to_repeat(L)) {
        lua_pushliteral(L, "");   // [+1] Lua's own rep would loop n times over nothing
        return 1;
    }
    lua_runtime::charge(L, cost_of(L, kind));
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

// lib[name] = a charged wrapper around it. [0]
void charge(lua_State* L, int lib, const char* name, cost kind) {
    lua_getfield(L, lib, name);                       // [+1] the original
    lua_pushinteger(L, static_cast<int>(kind));       // [+1]
    lua_pushcclosure(L, charged, 2);                  // [-2, +1]
    lua_setfield(L, lib, name);                       // [-1]
}

}  // namespace

void install_charges(lua_State* L, int base, int string, int table, int utf8) {
    for (const char* name : {"byte", "char", "len", "lower", "pack", "packsize", "reverse", "sub", "unpack", "upper"})
        charge(L, string, name, cost::by_size);
    charge(L, string, "rep", cost::repeat);
    charge(L, table, "concat", cost::concat);
    charge(L, table, "unpack", cost::unpack);
    charge(L, table, "move", cost::move);
    charge(L, table, "insert", cost::insert);
    charge(L, table, "remove", cost::remove);
    charge(L, table, "pack", cost::by_size);
    for (const char* name : {"char", "codepoint", "len", "offset"}) charge(L, utf8, name, cost::by_size);
    for (const char* name : {"tonumber", "select"}) charge(L, base, name, cost::by_size);
}

}  // namespace verdict
