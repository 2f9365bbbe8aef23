// The sandbox's pattern functions against Lua's own: the same calls, in a plain
// state with the standard string library and in the sandbox, must give the
// same results, or both fail. Hand-picked cases cover every pattern item and
// the edge cases of each function; generated ones cover their combinations.
#include "hosts/lua/script_engine.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace verdict;

namespace {

// Runs `code` (a Lua expression) and renders all its results, or "error" when it raises one.
class lua_session {
public:
    explicit lua_session(lua_State* L) : L_(L) {}

    // `runtime` null: the plain state; otherwise the sandbox, on behalf of `owner`.
    std::string results_of(const std::string& code, lua_runtime::owner_id owner, lua_runtime* runtime) {
        const std::string chunk = "local r = table.pack(" + code + ") local out = {} "
                                  "for i = 1, r.n do out[#out + 1] = type(r[i]) .. ':' .. tostring(r[i]) end "
                                  "return table.concat(out, '|')";
        if (luaL_loadbuffer(L_, chunk.data(), chunk.size(), "=case") != LUA_OK) return "compile error";
        if (runtime != nullptr) {
            lua_getfield(L_, LUA_REGISTRYINDEX, "verdict.sandbox");   // the sandbox's template: string, table, ...
            lua_setupvalue(L_, -2, 1);
            auto error = runtime->call(owner, 0, 1, 100'000'000, 10.0);
            if (error) return "error";
        } else if (lua_pcall(L_, 0, 1, 0) != LUA_OK) {
            lua_pop(L_, 1);
            return "error";
        }
        std::string out = lua_tostring(L_, -1);
        lua_pop(L_, 1);
        return out;
    }

private:
    lua_State* L_;
};

class comparison {
public:
    comparison() : plain_(luaL_newstate()), owner_(engine_.runtime().add_owner(64u << 20)) { luaL_openlibs(plain_); }
    ~comparison() { lua_close(plain_); }
    comparison(const comparison&) = delete;
    comparison& operator=(const comparison&) = delete;

    void same(const std::string& code) {
        INFO(code);
        const std::string expected = lua_session(plain_).results_of(code, lua_runtime::host, nullptr);
        const std::string actual = lua_session(engine_.runtime().state()).results_of(code, owner_, &engine_.runtime());
        CHECK(actual == expected);
    }

private:
    script_engine engine_;
    lua_State* plain_;
    lua_runtime::owner_id owner_;
};

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// A small deterministic generator (splitmix64): the same cases on every run.
class cases {
public:
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

    std::string subject() {
        static const std::string letters = "aab b(c)d1.x%[]-";
        std::string s;
        for (std::size_t n = below(14); n-- > 0;) s += letters[below(letters.size())];
        return s;
    }

    std::string pattern() {
        static const std::vector<std::string> items = {"a", "b", ".", "%a", "%d", "%s", "%p", "%S", "[ab]", "[^b]", "[a-c]",
                                                        "%(", "%.", "x", "()", "%b()", "%f[%a]", " "};
        static const std::vector<std::string> repeats = {"", "", "", "*", "+", "-", "?"};
        std::string p = below(5) == 0 ? "^" : "";
        bool open = false;
        for (std::size_t n = 1 + below(5); n-- > 0;) {
            if (!open && below(6) == 0) {
                p += "(";
                open = true;
            }
            const std::string& item = items[below(items.size())];
            p += item;
            if (item != "()" && item.rfind("%b", 0) != 0 && item.rfind("%f", 0) != 0) p += repeats[below(repeats.size())];
            if (open && below(3) == 0) {
                p += ")";
                open = false;
            }
        }
        if (open) p += ")";
        if (below(5) == 0) p += "$";
        return p;
    }

private:
    std::uint64_t state_ = 20261121;
};

}  // namespace

TEST_CASE("find, match, gmatch and gsub agree with Lua's on every kind of pattern item", "[lua][pattern]") {
    comparison c;
    for (const std::string call : {
             R"lua(string.find("hello world", "o w"))lua", R"lua(string.find("hello world", "o", 6))lua", R"lua(string.find("hello", "l", -2))lua",
             R"lua(string.find("a.b", ".", 1, true))lua", R"lua(string.find("abc", "", 10))lua", R"lua(string.find("abc", "", 4))lua",
             R"lua(string.find("abc", "b", -100))lua", R"lua(string.match("key = value", "(%w+)%s*=%s*(%w+)"))lua",
             R"lua(string.match("  trim me  ", "^%s*(.-)%s*$"))lua", R"lua(string.match("[[x]]", "%[(%b[])%]"))lua",
             R"lua(string.match("THE (quick) fox", "%f[%a]%a+"))lua", R"lua(string.match("hello", "()ll()"))lua",
             R"lua(string.match("abab", "(a)(b)%1%2"))lua", R"lua(string.match("x=1, y=22", "y=(%d+)"))lua",
             R"lua(string.match("aaa", "a-b"))lua", R"lua(string.match("aaab", "a-b"))lua", R"lua(string.match("]", "[]]"))lua",
             R"lua(string.match("a-b", "[a%-]+"))lua", R"lua(string.match("^x", "^^x"))lua", R"lua(string.match("x$y", "x$y"))lua",
             R"lua(string.match("abc", "((a)(b))"))lua", R"lua(string.match("", ".*"))lua", R"lua(string.match("abc", "[^%a]"))lua",
             R"lua(string.gsub("hello world", "o", "0"))lua", R"lua(string.gsub("hello world", "(o)", "[%1]"))lua",
             R"lua(string.gsub("abc", "", "-"))lua", R"lua(string.gsub("abc", "%w", "%0%0"))lua", R"lua(string.gsub("abc", "%w", "%%"))lua",
             R"lua(string.gsub("hello world", "%w+", {hello = "HI"}))lua", R"lua(string.gsub("hello world", "%w+", string.upper))lua",
             R"lua(string.gsub("hello world", "%w+", function(w) return #w > 4 and w:reverse() end))lua",
             R"lua(string.gsub("a b c", " ", "_", 1))lua", R"lua(string.gsub("aaa", "^a", "b"))lua", R"lua(string.gsub("abc", "b*", "-"))lua",
             R"lua(string.gsub("x", "x", "%2"))lua", R"lua(string.gsub("x", "x", "%z"))lua", R"lua(string.gsub("x", "x", true))lua",
             R"lua(string.gsub("abc", "(", "x"))lua", R"lua(string.gsub("abc", "%", "x"))lua", R"lua(string.gsub("abc", "[a", "x"))lua",
             R"lua(string.gsub("abc", "%b", "x"))lua", R"lua(string.gsub("abc", "%f", "x"))lua", R"lua(string.gsub("abc", "a)", "x"))lua",
             R"lua(string.match("abc", "%1"))lua", R"lua(string.find("abc", "()%1"))lua", R"lua(string.gsub("abc", "(a", "%0"))lua",
             R"lua(string.gsub("abc", "(a", "%1"))lua", R"lua(string.find("a needle in a haystack", "needle", 1, true))lua", R"lua(("x"):rep(3):gsub("x", "y"))lua",
             R"lua((function() local t = {} for k, v in string.gmatch("a=1, b=2", "(%w+)=(%w+)") do t[#t + 1] = k .. v end return table.concat(t, ",") end)())lua",
             R"lua((function() local t = {} for w in string.gmatch("one two  three", "%a*") do t[#t + 1] = "<" .. w .. ">" end return table.concat(t) end)())lua",
             R"lua((function() local t = {} for w in string.gmatch("^a^b", "^%a") do t[#t + 1] = w end return table.concat(t, ",") end)())lua",
             R"lua((function() local t = {} for a, b in string.gmatch("hello", "()l()") do t[#t + 1] = a .. "-" .. b end return table.concat(t, ",") end)())lua",
             R"lua((function() local t = {} for w in string.gmatch("abcde", "%a", 3) do t[#t + 1] = w end return table.concat(t) end)())lua",
         })
        c.same(call);
}

TEST_CASE("find, match and gsub agree with Lua's on five thousand generated patterns and subjects", "[lua][pattern]") {
    comparison c;
    cases generate;
    for (int i = 0; i < 5000; ++i) {
        const std::string subject = quoted(generate.subject());
        const std::string pattern = quoted(generate.pattern());
        switch (i % 3) {
        case 0: c.same("string.find(" + subject + ", " + pattern + ")"); break;
        case 1: c.same("string.match(" + subject + ", " + pattern + ")"); break;
        default: c.same("string.gsub(" + subject + ", " + pattern + ", \"<%0>\")"); break;
        }
    }
}
