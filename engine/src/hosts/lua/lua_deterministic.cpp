// Keys are ordered by kind, then by value: integers compared as integers (so
// keys past 2^53 still sort right), an integer and a float exactly, strings
// by their bytes including zeros. Two different keys never compare equal, so
// next() always finds the key it was given, and iteration always ends.
// Every function here that walks a table is charged for it.
#include "hosts/lua/lua_deterministic.hpp"

#include "hosts/lua/lua_read_only.hpp"
#include "hosts/lua/lua_runtime.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace verdict {
namespace {

struct ordered_key {
    int rank = 0;              // 0 numbers, 1 strings, 2 booleans
    bool integer = false;
    lua_Integer whole = 0;
    lua_Number number = 0;
    std::string text;
    int position = 0;          // index in the keys table
};

ordered_key key_at(lua_State* L, int index) {
    ordered_key k;
    switch (lua_type(L, index)) {
    case LUA_TNUMBER:
        k.integer = lua_isinteger(L, index);
        k.whole = lua_tointeger(L, index);
        k.number = lua_tonumber(L, index);
        break;
    case LUA_TSTRING: {
        std::size_t length = 0;
        const char* text = lua_tolstring(L, index, &length);
        k.rank = 1;
        k.text.assign(text, length);
        break;
    }
    case LUA_TBOOLEAN:
        k.rank = 2;
        k.whole = lua_toboolean(L, index);
        break;
    default:
        luaL_error(L, "a key that is a %s has no order: keys must be numbers, strings or booleans", luaL_typename(L, index));
    }
    return k;
}

// -1, 0 or 1 as the integer `i` is below, equal to or above the float `f`, exactly: converting either to the other's
// type would make math.maxinteger equal 2^63, two keys the table holds apart. Keys are never NaN.
int compare_mixed(lua_Integer i, lua_Number f) {
    constexpr lua_Number two_to_63 = 9223372036854775808.0;
    if (f >= two_to_63) return -1;
    if (f < -two_to_63) return 1;
    const lua_Number whole = std::floor(f);
    const auto floor_of_f = static_cast<lua_Integer>(whole);   // exact: -2^63 <= whole < 2^63
    if (i != floor_of_f) return i < floor_of_f ? -1 : 1;
    return whole < f ? -1 : 0;
}

bool before(const ordered_key& a, const ordered_key& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.rank == 1) return a.text < b.text;
    if (a.rank == 2 || (a.integer && b.integer)) return a.whole < b.whole;
    if (a.integer) return compare_mixed(a.whole, b.number) < 0;
    if (b.integer) return compare_mixed(b.whole, a.number) > 0;
    return a.number < b.number;
}

bool same(const ordered_key& a, const ordered_key& b) { return !before(a, b) && !before(b, a); }

void charge_sort(lua_State* L, std::size_t n) {
    lua_runtime::charge(L, static_cast<std::uint64_t>(static_cast<double>(n) * std::log2(static_cast<double>(n) + 1)) + 1);
}

// The keys of the table at `table` in order; pushes a table holding them at the keys' `position`s. [+1]
std::vector<ordered_key> sorted_keys(lua_State* L, int table) {
    std::vector<ordered_key> keys;
    lua_newtable(L);                                          // [+1] keys, in next() order
    for (lua_pushnil(L); lua_next(L, table) != 0; lua_pop(L, 1)) {
        ordered_key k = key_at(L, -2);
        k.position = static_cast<int>(keys.size()) + 1;
        lua_pushvalue(L, -2);                                 // [+1]
        lua_rawseti(L, -4, k.position);                       // [-1]
        keys.push_back(std::move(k));
    }
    charge_sort(L, keys.size());
    std::stable_sort(keys.begin(), keys.end(), before);
    return keys;
}

int ordered_step(lua_State* L) {
    const lua_Integer next = lua_tointeger(L, lua_upvalueindex(3)) + 1;
    if (lua_rawgeti(L, lua_upvalueindex(2), next) == LUA_TNIL) return 1;   // [+1] nil ends the loop
    lua_pushinteger(L, next);                                              // [+1]
    lua_replace(L, lua_upvalueindex(3));                                   // [-1]
    lua_pushvalue(L, -1);                                                  // [+1] the key
    lua_rawget(L, lua_upvalueindex(1));                                    // [-1, +1] its value
    return 2;
}

// Merges the sorted runs [lo, mid) and [mid, hi) of `order` through `scratch`, taking from the left on ties.
template <class Less> void merge_runs(std::vector<int>& order, std::vector<int>& scratch, std::size_t lo, std::size_t mid, std::size_t hi, Less& less) {
    std::size_t left = lo;
    std::size_t right = mid;
    for (std::size_t out = lo; out < hi; ++out)
        scratch[out] = right >= hi || (left < mid && !less(order[right], order[left])) ? order[left++] : order[right++];
    std::copy(scratch.begin() + static_cast<std::ptrdiff_t>(lo), scratch.begin() + static_cast<std::ptrdiff_t>(hi),
              order.begin() + static_cast<std::ptrdiff_t>(lo));
}

}  // namespace

int ordered_iteration(lua_State* L, int table, int state) {
    table = lua_absindex(L, table);
    state = lua_absindex(L, state);
    lua_pushvalue(L, table);                                  // [+1] what the steps read
    const std::vector<ordered_key> keys = sorted_keys(L, table);   // [+1] keys, unsorted
    lua_createtable(L, static_cast<int>(keys.size()), 0);     // [+1] keys, sorted
    for (std::size_t i = 0; i < keys.size(); ++i) {
        lua_rawgeti(L, -2, keys[i].position);                 // [+1]
        lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);  // [-1]
    }
    lua_remove(L, -2);                                        // [-1] the unsorted keys
    lua_pushinteger(L, 0);                                    // [+1] position
    lua_pushcclosure(L, ordered_step, 3);                     // [-3, +1]
    lua_pushvalue(L, state);                                  // [+1] what pairs() returns as its state
    lua_pushnil(L);                                           // [+1]
    return 3;
}

int ordered_pairs(lua_State* L) {
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {   // [+1] a view (or any table) that orders itself
        lua_pushvalue(L, 1);                                 // [+1]
        lua_call(L, 1, 3);                                   // [-2, +3]
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    return ordered_iteration(L, 1, 1);
}

int ordered_next(lua_State* L) {
    lua_settop(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    push_behind_view(L, 1);                                   // [+1] at 3
    const std::vector<ordered_key> keys = sorted_keys(L, 3);  // [+1] at 4
    std::size_t next = 0;
    if (!lua_isnil(L, 2)) {
        const ordered_key current = key_at(L, 2);
        const auto at = std::find_if(keys.begin(), keys.end(), [&](const ordered_key& k) { return same(k, current); });
        if (at == keys.end()) return luaL_error(L, "invalid key to 'next'");
        next = static_cast<std::size_t>(at - keys.begin()) + 1;
    }
    if (next >= keys.size()) {
        lua_pushnil(L);                                       // [+1]
        return 1;
    }
    lua_rawgeti(L, 4, keys[next].position);                   // [+1] the key
    lua_pushvalue(L, -1);                                     // [+1]
    lua_rawget(L, 3);                                         // [-1, +1] its value
    return 2;
}

int deterministic_tostring(lua_State* L) {
    luaL_checkany(L, 1);
    if (luaL_callmeta(L, 1, "__tostring")) {                  // [+1] the script's own text
        if (!lua_isstring(L, -1)) return luaL_error(L, "'__tostring' must return a string");
        return 1;
    }
    switch (lua_type(L, 1)) {
    case LUA_TNIL:
    case LUA_TBOOLEAN:
    case LUA_TNUMBER:
    case LUA_TSTRING: luaL_tolstring(L, 1, nullptr); break;   // [+1]
    default: lua_pushstring(L, luaL_typename(L, 1));           // [+1]
    }
    return 1;
}

int deterministic_format(lua_State* L) {
    std::size_t length = 0;
    const char* format = luaL_checklstring(L, 1, &length);
    std::uint64_t units = 1 + length / 64;
    for (int i = 2; i <= lua_gettop(L); ++i) units += 1 + (lua_type(L, i) == LUA_TSTRING ? lua_rawlen(L, i) / 64 : 0);
    lua_runtime::charge(L, units);
    for (std::size_t i = 0; i + 1 < length; ++i) {
        if (format[i] != '%') continue;
        std::size_t spec = i + 1;
        while (spec < length && std::string_view("-+ #0123456789.").find(format[spec]) != std::string_view::npos) ++spec;
        if (spec < length && format[spec] == 'p') return luaL_error(L, "string.format: '%%p' is not available in scripts (it prints an address)");
        i = spec;
    }
    for (int i = 2; i <= lua_gettop(L); ++i) {
        const int type = lua_type(L, i);
        if (type == LUA_TNIL || type == LUA_TBOOLEAN || type == LUA_TNUMBER || type == LUA_TSTRING) continue;
        lua_pushcfunction(L, deterministic_tostring);   // [+1]
        lua_pushvalue(L, i);                            // [+1]
        lua_call(L, 1, 1);                              // [-2, +1]
        lua_replace(L, i);                              // [-1]
    }
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

int stable_sort(lua_State* L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const bool custom = !lua_isnoneornil(L, 2);
    if (custom) luaL_checktype(L, 2, LUA_TFUNCTION);
    const lua_Integer n = luaL_len(L, 1);
    if (n < 0 || n > (1 << 26)) return luaL_error(L, "table.sort: cannot sort %d elements", static_cast<int>(n));
    charge_sort(L, static_cast<std::size_t>(n));
    lua_settop(L, 2);
    lua_createtable(L, static_cast<int>(n), 0);                   // [+1] at 3: the values, read once
    for (lua_Integer i = 1; i <= n; ++i) {
        lua_geti(L, 1, i);                                        // [+1]
        lua_rawseti(L, 3, i);                                     // [-1]
    }
    auto less = [L, custom](int a, int b) {
        if (custom) lua_pushvalue(L, 2);                          // [+1]
        lua_rawgeti(L, 3, a);                                     // [+1]
        lua_rawgeti(L, 3, b);                                     // [+1]
        bool result = false;
        if (custom) {
            lua_call(L, 2, 1);                                    // [-3, +1]
            result = lua_toboolean(L, -1);
            lua_pop(L, 1);                                        // [-1]
        } else {
            result = lua_compare(L, -2, -1, LUA_OPLT);
            lua_pop(L, 2);                                        // [-2]
        }
        return result;
    };
    std::vector<int> order(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i) + 1;
    std::vector<int> scratch(order.size());
    for (std::size_t width = 1; width < order.size(); width *= 2)
        for (std::size_t lo = 0; lo + width < order.size(); lo += 2 * width)
            merge_runs(order, scratch, lo, lo + width, std::min(lo + 2 * width, order.size()), less);
    for (std::size_t i = 0; i < order.size(); ++i) {
        lua_rawgeti(L, 3, order[i]);                              // [+1]
        lua_seti(L, 1, static_cast<lua_Integer>(i) + 1);          // [-1]
    }
    return 0;
}

}  // namespace verdict
