// The tool's Lua view carries every fact of the catalog schema, under the
// schema's name and with its value: a tool with every property set is decoded,
// pushed to Lua, read back into JSON and compared with the document it came
// from. A fact added to the schema and the decoder but not to the view fails.
#include "catalog/tool_decoder.hpp"
#include "hosts/lua/lua_tool_view.hpp"
#include "json/schemas.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;

namespace {

// A valid value for `schema`, with every property of every object present.
json every_fact(const json& schema, const json& root) {
    if (schema.contains("$ref")) return every_fact(root.at("$defs").at(schema.at("$ref").get<std::string>().substr(8)), root);
    if (schema.contains("oneOf")) return every_fact(schema.at("oneOf").back(), root);   // the list form: Lua sees a list either way
    if (schema.contains("enum")) return schema.at("enum").back();
    const std::string type = schema.value("type", "");
    if (type == "object") {
        json out = json::object();
        for (const auto& [name, property] : schema.at("properties").items()) out[name] = every_fact(property, root);
        return out;
    }
    if (type == "array") return json::array({every_fact(schema.at("items"), root)});
    if (type == "integer") return schema.value("minimum", 0) + 1;
    if (type == "boolean") return true;
    if (schema.value("pattern", "").starts_with("^[0-9]{4}")) return "2026-04-14";   // the date of last check
    return schema.contains("pattern") ? json("developer") : json("some text");   // the other patterned strings: id and seats
}

// The plain (unsealed) view on top of the stack, read back as JSON: sequences become arrays.
json to_json(lua_State* L, int index) {
    switch (lua_type(L, index)) {
    case LUA_TBOOLEAN: return static_cast<bool>(lua_toboolean(L, index));
    case LUA_TNUMBER: return lua_isinteger(L, index) ? json(lua_tointeger(L, index)) : json(lua_tonumber(L, index));
    case LUA_TSTRING: return lua_tostring(L, index);
    case LUA_TTABLE: break;
    default: return "unexpected " + std::string(luaL_typename(L, index));
    }
    index = lua_absindex(L, index);
    if (lua_rawlen(L, index) > 0) {
        json list = json::array();
        for (lua_Integer i = 1; lua_rawgeti(L, index, i) != LUA_TNIL; ++i) {
            list.push_back(to_json(L, -1));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        return list;
    }
    json object = json::object();
    for (lua_pushnil(L); lua_next(L, index) != 0; lua_pop(L, 1)) object[lua_tostring(L, -2)] = to_json(L, -1);
    return object;
}

}  // namespace

TEST_CASE("the Lua view of a tool holds every fact of the schema, named and valued as in the catalog", "[lua][view]") {
    const json schema = json::parse(tool_schema_text());
    json document = every_fact(schema, schema);
    document["id"] = "full-tool";
    problem_list problems;
    tool_schema().validate(document, "full-tool.json", problems);
    REQUIRE(problems.empty());

    lua_State* L = luaL_newstate();
    push_tool_view(L, decode_tool(document), view_access::plain);
    const json seen = to_json(L, -1);
    lua_close(L);
    CHECK(seen.dump(2) == document.dump(2));
}
