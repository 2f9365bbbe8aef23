// The four pattern functions, with the arguments, results and edge cases the
// reference manual gives them: negative init counts from the end; find's plain
// flag; '^' anchors find, match and gsub but not gmatch; an empty match never
// repeats at the position where the previous match ended. Results are built in
// a luaL_Buffer so their memory counts against the script's allowance. A plain
// find uses memmem (glibc's two-way search), linear in the text, so its charge
// by length is honest.
#include "hosts/lua/lua_patterns.hpp"

#include "hosts/lua/lua_guard.hpp"
#include "hosts/lua/lua_pattern_matcher.hpp"
#include "hosts/lua/lua_runtime.hpp"

#include <cstring>
#include <string>
#include <string_view>

namespace verdict {
namespace {

constexpr const char* specials = "^$*+?.([%-";

std::string_view check_view(lua_State* L, int index) {
    std::size_t length = 0;
    const char* text = luaL_checklstring(L, index, &length);
    return {text, length};
}

// Lua's rule for a start position: 1-based, negative from the end, clamped to 1.
std::size_t start_position(lua_State* L, int index, std::size_t length) {
    const lua_Integer position = luaL_optinteger(L, index, 1);
    if (position > 0) return static_cast<std::size_t>(position) - 1;
    if (position == 0 || static_cast<std::size_t>(-position) > length) return 0;
    return length - static_cast<std::size_t>(-position);
}

pattern_matcher make_matcher(lua_State* L, std::string_view subject, std::string_view pattern) {
    return pattern_matcher(subject, pattern, [L](std::uint64_t steps) { lua_runtime::charge(L, steps); });
}

// Pushes capture `i`, or the whole match [s, e) when the pattern has no captures and `i` is 0. [+1]
void push_capture(lua_State* L, const pattern_matcher& m, std::string_view subject, int i, std::size_t s, std::size_t e) {
    if (i >= m.capture_count()) {
        if (i != 0) luaL_error(L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(L, subject.data() + s, e - s);
        return;
    }
    const pattern_matcher::capture& c = m.capture_at(i);
    if (c.length == pattern_matcher::unfinished) luaL_error(L, "unfinished capture");
    if (c.length == pattern_matcher::position) lua_pushinteger(L, static_cast<lua_Integer>(c.start) + 1);
    else lua_pushlstring(L, subject.data() + c.start, static_cast<std::size_t>(c.length));
}

// Pushes every capture, or the whole match when there are none and `whole` is set. [+n]
int push_captures(lua_State* L, const pattern_matcher& m, std::string_view subject, std::size_t s, std::size_t e, bool whole) {
    const int count = m.capture_count() == 0 && whole ? 1 : m.capture_count();
    luaL_checkstack(L, count, "too many captures");
    for (int i = 0; i < count; ++i) push_capture(L, m, subject, i, s, e);
    return count;
}

int find_or_match(lua_State* L, bool find) {
    const std::string_view subject = check_view(L, 1);
    std::string_view pattern = check_view(L, 2);
    const std::size_t init = start_position(L, 3, subject.size());
    if (init > subject.size()) {
        lua_pushnil(L);   // [+1]
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || pattern.find_first_of(specials) == std::string_view::npos)) {
        lua_runtime::charge(L, (subject.size() - init + pattern.size()) / 64 + 1);
        const void* found = pattern.empty() ? subject.data() + init : memmem(subject.data() + init, subject.size() - init, pattern.data(), pattern.size());
        const std::size_t at = found == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(found) - subject.data());
        if (at == std::string_view::npos) {
            lua_pushnil(L);   // [+1]
            return 1;
        }
        lua_pushinteger(L, static_cast<lua_Integer>(at) + 1);                  // [+1]
        lua_pushinteger(L, static_cast<lua_Integer>(at + pattern.size()));     // [+1]
        return 2;
    }
    const bool anchored = !pattern.empty() && pattern[0] == '^';
    if (anchored) pattern.remove_prefix(1);
    return lua_guarded(L, [&] {
        pattern_matcher m = make_matcher(L, subject, pattern);
        for (std::size_t s = init; s <= subject.size(); ++s) {
            const std::size_t e = m.match(s);
            if (e != pattern_matcher::no_match) {
                if (!find) return push_captures(L, m, subject, s, e, true);
                lua_pushinteger(L, static_cast<lua_Integer>(s) + 1);   // [+1]
                lua_pushinteger(L, static_cast<lua_Integer>(e));       // [+1]
                return 2 + push_captures(L, m, subject, s, e, false);
            }
            if (anchored) break;
        }
        lua_pushnil(L);   // [+1]
        return 1;
    });
}

// Where the iteration stands: upvalues 1 and 2 are the subject and the pattern.
struct gmatch_state {
    std::size_t next;
    std::size_t last_match;
};

int gmatch_step(lua_State* L) {
    const std::string_view subject = {lua_tostring(L, lua_upvalueindex(1)), lua_rawlen(L, lua_upvalueindex(1))};
    const std::string_view pattern = {lua_tostring(L, lua_upvalueindex(2)), lua_rawlen(L, lua_upvalueindex(2))};
    auto* state = static_cast<gmatch_state*>(lua_touserdata(L, lua_upvalueindex(3)));
    return lua_guarded(L, [&] {
        pattern_matcher m = make_matcher(L, subject, pattern);
        for (std::size_t s = state->next; s <= subject.size(); ++s) {
            const std::size_t e = m.match(s);
            if (e != pattern_matcher::no_match && e != state->last_match) {
                state->next = state->last_match = e;
                return push_captures(L, m, subject, s, e, true);
            }
        }
        state->next = subject.size() + 1;
        return 0;
    });
}

// Adds the replacement for the match [s, e) to `b`: gsub's string, table and function forms.
void add_replacement(lua_State* L, luaL_Buffer& b, const pattern_matcher& m, std::string_view subject, std::size_t s, std::size_t e) {
    const int kind = lua_type(L, 3);
    if (kind == LUA_TSTRING || kind == LUA_TNUMBER) {
        std::size_t length = 0;
        const char* repl = lua_tolstring(L, 3, &length);
        for (std::size_t i = 0; i < length; ++i) {
            if (repl[i] != '%') {
                luaL_addchar(&b, repl[i]);
                continue;
            }
            const char next = ++i < length ? repl[i] : '\0';
            if (next == '%') {
                luaL_addchar(&b, '%');
            } else if (next == '0') {
                luaL_addlstring(&b, subject.data() + s, e - s);                 // the whole match, whatever the captures
            } else if (next >= '1' && next <= '9') {
                push_capture(L, m, subject, next - '1', s, e);                   // [+1]
                luaL_tolstring(L, -1, nullptr);                                  // [+1]
                lua_remove(L, -2);                                               // [-1]
                luaL_addvalue(&b);                                               // [-1]
            } else {
                luaL_error(L, "invalid use of '%%' in replacement string");
            }
        }
        return;
    }
    if (kind == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);                                                     // [+1]
        const int n = push_captures(L, m, subject, s, e, true);                  // [+n]
        lua_call(L, n, 1);                                                       // [-(n+1), +1]
    } else {
        push_capture(L, m, subject, 0, s, e);                                    // [+1]
        lua_gettable(L, 3);                                                      // [-1, +1]
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);                                                           // [-1] keep the original text
        luaL_addlstring(&b, subject.data() + s, e - s);
    } else if (!lua_isstring(L, -1)) {
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    } else {
        luaL_addvalue(&b);                                                       // [-1]
    }
}

}  // namespace

int pattern_find(lua_State* L) { return find_or_match(L, true); }

int pattern_match(lua_State* L) { return find_or_match(L, false); }

int pattern_gmatch(lua_State* L) {
    const std::string_view subject = check_view(L, 1);
    check_view(L, 2);
    const std::size_t init = start_position(L, 3, subject.size());
    lua_settop(L, 2);
    auto* state = static_cast<gmatch_state*>(lua_newuserdatauv(L, sizeof(gmatch_state), 0));   // [+1]
    *state = {init, pattern_matcher::no_match};
    lua_pushcclosure(L, gmatch_step, 3);                                                       // [-3, +1]
    return 1;
}

int pattern_gsub(lua_State* L) {
    const std::string_view subject = check_view(L, 1);
    std::string_view pattern = check_view(L, 2);
    const int kind = lua_type(L, 3);
    luaL_argexpected(L, kind == LUA_TNUMBER || kind == LUA_TSTRING || kind == LUA_TFUNCTION || kind == LUA_TTABLE, 3,
                     "string/function/table");
    const lua_Integer most = luaL_optinteger(L, 4, static_cast<lua_Integer>(subject.size()) + 1);
    const bool anchored = !pattern.empty() && pattern[0] == '^';
    if (anchored) pattern.remove_prefix(1);
    return lua_guarded(L, [&] {
        pattern_matcher m = make_matcher(L, subject, pattern);
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        std::size_t s = 0;
        std::size_t last_match = pattern_matcher::no_match;
        lua_Integer replaced = 0;
        while (replaced < most) {
            const std::size_t e = m.match(s);
            if (e != pattern_matcher::no_match && e != last_match) {
                ++replaced;
                add_replacement(L, b, m, subject, s, e);
                s = last_match = e;
            } else if (s < subject.size()) {
                luaL_addchar(&b, subject[s++]);
            } else {
                break;
            }
            if (anchored) break;
        }
        luaL_addlstring(&b, subject.data() + s, subject.size() - s);
        luaL_pushresult(&b);                 // [+1]
        lua_pushinteger(L, replaced);        // [+1]
        return 2;
    });
}

}  // namespace verdict
