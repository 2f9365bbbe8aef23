// scripts/.luacheckrc tells luacheck which names a persona script may use; the
// sandbox decides which names a script gets. The two lists must be the same,
// or luacheck would pass a script the sandbox fails, or flag one it runs.
#include "hosts/lua/lua_sandbox.hpp"
#include "hosts/lua/lua_read_only.hpp"
#include "hosts/lua/script_engine.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using namespace verdict;

namespace {

// The quoted names of .luacheckrc, as "name" for globals and "lib.name" for library fields.
std::set<std::string> luacheck_names() {
    // Only the read_globals table lists names; the rest of the file names the standard itself.
    const std::string whole = test::read_file(test::source_dir() / "scripts" / ".luacheckrc");
    const std::size_t start = whole.find("read_globals");
    REQUIRE(start != std::string::npos);
    const std::string config = whole.substr(start, whole.find("\nstd =") - start);
    std::set<std::string> names;
    const std::regex library(R"((\w+) = \{ fields = \{([^}]*)\} \})");
    std::string globals = config;
    for (std::sregex_iterator it(config.begin(), config.end(), library), end; it != end; ++it) {
        const std::string fields = (*it)[2];
        const std::regex quoted("\"(\\w+)\"");
        for (std::sregex_iterator f(fields.begin(), fields.end(), quoted), done; f != done; ++f) names.insert((*it)[1].str() + "." + (*f)[1].str());
        names.insert((*it)[1]);
        globals.replace(globals.find(it->str()), static_cast<std::size_t>(it->length()), "");
    }
    const std::regex quoted("\"(\\w+)\"");
    for (std::sregex_iterator it(globals.begin(), globals.end(), quoted), end; it != end; ++it) names.insert((*it)[1]);
    return names;
}

// The names a fresh script environment holds, in the same form.
std::set<std::string> sandbox_names() {
    script_engine engine;
    lua_State* L = engine.runtime().state();
    push_script_environment(L);
    std::set<std::string> names;
    for (lua_pushnil(L); lua_next(L, -2) != 0; lua_pop(L, 1)) {
        const std::string name = lua_tostring(L, -2);
        names.insert(name);
        if (lua_type(L, -1) != LUA_TTABLE || name == "_G") continue;
        push_behind_view(L, -1);   // [+1] a library is a read-only view of its table
        for (lua_pushnil(L); lua_next(L, -2) != 0; lua_pop(L, 1)) names.insert(name + "." + lua_tostring(L, -2));
        lua_pop(L, 1);             // [-1]
    }
    lua_pop(L, 1);
    return names;
}

}  // namespace

TEST_CASE("luacheck allows exactly the names the sandbox gives a script", "[lua][luacheck]") {
    const std::set<std::string> checked = luacheck_names();
    REQUIRE(checked.size() > 50);
    CHECK(checked == sandbox_names());
}
