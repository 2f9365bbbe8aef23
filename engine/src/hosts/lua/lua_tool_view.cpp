// A flat walk over the SDK struct, one set() per fact, mirroring the tool
// decoder: the struct, not the JSON, is what both kinds of persona read.
//
// A read-only view holds the plain facts from the start and makes each table
// fact (a group such as licence, or a list) when it is first read: a script
// reads a handful, and each table costs a proxy and a metatable to seal.
#include "hosts/lua/lua_tool_view.hpp"

#include "hosts/lua/lua_read_only.hpp"
#include "json/schemas.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>

namespace verdict {
namespace {

template <class E> concept catalog_enum = requires { enum_names<E>::values; };

class view_builder {
public:
    view_builder(lua_State* L, view_access access) : L_(L), sealed_(access == view_access::read_only) {}

    void push(const std::string& value) { lua_pushlstring(L_, value.data(), value.size()); }
    void push(bool value) { lua_pushboolean(L_, value); }
    void push(int value) { lua_pushinteger(L_, value); }
    void push(std::int64_t value) { lua_pushinteger(L_, static_cast<lua_Integer>(value)); }
    template <catalog_enum E> void push(E value) { push(std::string(name_of(value))); }

    template <class T> void push(const std::vector<T>& list) {
        lua_createtable(L_, static_cast<int>(list.size()), 0);      // [+1]
        for (std::size_t i = 0; i < list.size(); ++i) {
            push(list[i]);                                           // [+1]
            lua_rawseti(L_, -2, static_cast<lua_Integer>(i) + 1);    // [-1]
        }
        finish();
    }

    void push(const claim_facts& c) {
        lua_createtable(L_, 0, 4);   // [+1]
        set("text", c.text);
        if (!c.evidence.empty()) set("evidence", c.evidence);
        set("breaks_at", c.breaks_at);
        set("holds_for", c.holds_for);
        finish();
    }

    void push(const predecessor_facts& p) {
        lua_createtable(L_, 0, 2);   // [+1]
        set("name", p.name);
        set("improvement", p.improvement);
        finish();
    }

    void push(const support_facts& p) {
        lua_createtable(L_, 0, 2);   // [+1]
        set("name", p.name);
        set("day_zero", p.day_zero);
        finish();
    }

    void push(const dependency_facts& d) {
        lua_createtable(L_, 0, 2);   // [+1]
        set("text", d.text);
        set("status", d.status);
        finish();
    }

    void push(const competitor_facts& c) {
        lua_createtable(L_, 0, 3);   // [+1]
        set("name", c.name);
        set("open_weights", c.open_weights);
        set("commercial_use", c.commercial_use);
        set("note", c.note);
        finish();
    }

    void push(const benchmark_facts& b) {
        lua_createtable(L_, 0, 3);   // [+1]
        set("names", b.names);
        set("self_reported", b.self_reported);
        set("methodology_published", b.methodology_published);
        finish();
    }

    // Sets field `name` of the table on top; an absent fact stays nil. [0]
    template <class T> void set(const char* name, const T& value) {
        push(value);                  // [+1]
        lua_setfield(L_, -2, name);   // [-1]
    }

    template <class T> void set(const char* name, const std::optional<T>& value) {
        if (value) set(name, *value);
    }

    // Starts a group table of `fields` facts, to be filled by set() and closed by finish(). [+1]
    void open(int fields) { lua_createtable(L_, 0, fields); }

    // Seals the table on top when the view is read-only. [-1, +1]
    void finish() {
        if (sealed_) seal_table(L_);
    }

private:
    lua_State* L_;
    bool sealed_;
};

// The facts that are plain values, set when the view is made.
void set_values(view_builder& v, const tool& t) {
    v.set("id", t.id);
    v.set("name", t.name);
    v.set("vendor", t.vendor);
    v.set("category", t.category);
    v.set("tagline", t.tagline);
    v.set("description", t.description);
    v.set("updated", t.updated);
    v.set("kind", t.kind);
    v.set("primitive", t.primitive);
    v.set("dx_bet", t.dx_bet);
    v.set("hard_to_replicate", t.hard_to_replicate);
    v.set("track_record", t.track_record);
    v.set("differentiator", t.differentiator);
    v.set("audience_note", t.audience_note);
    v.set("availability", t.availability);
    v.set("examples", t.examples);
    v.set("lock_in", t.lock_in);
    v.set("performance", t.performance);
}

// Pushes the optional list or group `value` and returns true, or pushes nothing for an absent fact. [+1|0]
template <class T> bool push_present(view_builder& v, const std::optional<T>& value) {
    if (!value) return false;
    v.push(*value);
    return true;
}

// A fact whose value is a table, pushed by `push` (false, pushing nothing, when the fact is absent). A read-only
// view makes each one when a script first reads it: a persona reads a few of them, and sealing a table costs more
// than all the reads of a review.
struct table_fact {
    const char* name;
    bool (*push)(view_builder&, const tool&);
};

const table_fact table_facts[] = {
    {"seats", [](view_builder& v, const tool& t) { v.push(t.seats); return true; }},
    {"predecessor", [](view_builder& v, const tool& t) { return push_present(v, t.predecessor); }},
    {"supports", [](view_builder& v, const tool& t) { return push_present(v, t.supports); }},
    {"distribution", [](view_builder& v, const tool& t) { return push_present(v, t.distribution); }},
    {"integrations", [](view_builder& v, const tool& t) { return push_present(v, t.integrations); }},
    {"deployment", [](view_builder& v, const tool& t) { return push_present(v, t.deployment); }},
    {"benchmarks", [](view_builder& v, const tool& t) { return push_present(v, t.benchmarks); }},
    {"claims", [](view_builder& v, const tool& t) { return push_present(v, t.claims); }},
    {"competitors", [](view_builder& v, const tool& t) { return push_present(v, t.competitors); }},
    {"audience", [](view_builder& v, const tool& t) { return push_present(v, t.audience); }},
    {"ecosystem", [](view_builder& v, const tool& t) { return push_present(v, t.ecosystem); }},
    {"pricing", [](view_builder& v, const tool& t) {
         v.open(2);
         v.set("entry", t.pricing.entry);
         v.set("notes", t.pricing.notes);
         v.finish();
         return true;
     }},
    {"licence", [](view_builder& v, const tool& t) {
         v.open(4);
         v.set("name", t.licence.name);
         v.set("open_weights", t.licence.open_weights);
         v.set("open_source", t.licence.open_source);
         v.set("commercial_use", t.licence.commercial_use);
         v.finish();
         return true;
     }},
    {"setup", [](view_builder& v, const tool& t) {
         v.open(5);
         v.set("api_key", t.setup.api_key);
         v.set("env_vars", t.setup.env_vars);
         v.set("steps", t.setup.steps);
         v.set("first_run", t.setup.first_run);
         v.set("spares", t.setup.spares);
         v.finish();
         return true;
     }},
    {"problem", [](view_builder& v, const tool& t) {
         v.open(2);
         v.set("statement", t.problem.statement);
         v.set("solved", t.problem.solved);
         v.finish();
         return true;
     }},
    {"risks", [](view_builder& v, const tool& t) {
         v.open(3);
         v.set("legal", t.risks.legal);
         v.set("legal_notes", t.risks.legal_notes);
         v.set("threat", t.risks.threat);
         v.finish();
         return true;
     }},
    {"traction", [](view_builder& v, const tool& t) {
         v.open(3);
         v.set("github_stars", t.traction.github_stars);
         v.set("note", t.traction.note);
         v.set("becoming", t.traction.becoming);
         v.finish();
         return true;
     }},
    {"market", [](view_builder& v, const tool& t) {
         v.open(9);
         v.set("buyer", t.market.buyer);
         v.set("budget_line", t.market.budget_line);
         v.set("revenue_model", t.market.revenue_model);
         v.set("moat", t.market.moat);
         v.set("expansion", t.market.expansion);
         v.set("upgrade_path", t.market.upgrade_path);
         v.set("strategy", t.market.strategy);
         v.set("alternative", t.market.alternative);
         v.set("value", t.market.value);
         v.finish();
         return true;
     }},
    {"thesis", [](view_builder& v, const tool& t) {
         v.open(8);
         v.set("statement", t.thesis.statement);
         v.set("falsifiable", t.thesis.falsifiable);
         v.set("dependency", t.thesis.dependency);
         v.set("dependency_status", t.thesis.dependency_status);
         v.set("second_order", t.thesis.second_order);
         v.set("timing", t.thesis.timing);
         if (t.thesis.dependencies) v.set("dependencies", *t.thesis.dependencies);
         v.set("next", t.thesis.next);
         v.finish();
         return true;
     }},
};

constexpr const char* generation_key = "verdict.view_generation";

lua_Integer current_generation(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, generation_key);   // [+1]
    const lua_Integer generation = lua_tointeger(L, -1);
    lua_pop(L, 1);                                        // [-1]
    return generation;
}

// Makes table fact `fact` of `t` and keeps it in the view's own table (at 1), unless it is there or absent. [0]
void make_fact(lua_State* L, const table_fact& fact, const tool& t) {
    lua_pushstring(L, fact.name);                         // [+1]
    if (lua_rawget(L, 1) != LUA_TNIL) {                   // [-1, +1]
        lua_pop(L, 1);                                    // [-1]
        return;
    }
    lua_pop(L, 1);                                        // [-1]
    view_builder v(L, view_access::read_only);
    if (!fact.push(v, t)) return;                         // [+1] the value, or nothing
    lua_pushstring(L, fact.name);                         // [+1]
    lua_insert(L, -2);                                    // name below the value
    lua_rawset(L, 1);                                     // [-2]
}

// The maker of a read-only view's table facts (upvalue 1: the tool, 2: the generation the view belongs to). As
// __index (table, key) it makes the fact named and returns it; as __complete (table) it makes every one. Reading
// through a view after its review has ended is an error, since the tool may be gone.
int make_facts(lua_State* L) {
    if (lua_tointeger(L, lua_upvalueindex(2)) != current_generation(L))
        return luaL_error(L, "a view of a tool can be read only during the review it was given to");
    const tool& t = *static_cast<const tool*>(lua_touserdata(L, lua_upvalueindex(1)));
    if (lua_gettop(L) == 1) {
        for (const table_fact& fact : table_facts) make_fact(L, fact, t);
        return 0;
    }
    if (lua_type(L, 2) != LUA_TSTRING) return 0;
    const char* name = lua_tostring(L, 2);
    for (const table_fact& fact : table_facts)
        if (std::strcmp(fact.name, name) == 0) {
            make_fact(L, fact, t);
            lua_rawget(L, 1);   // [-1, +1] what was made, or nil for an absent fact
            return 1;
        }
    return 0;
}

// Adds the fact names under `node` of the tool schema `root`, each prefixed with `prefix`: its properties, and those
// of its items and of its alternatives.
void collect_fact_names(const nlohmann::json& root, const nlohmann::json& node, const std::string& prefix, std::vector<std::string>& names) {
    if (node.contains("$ref")) {
        collect_fact_names(root, root.at(nlohmann::json::json_pointer(node.at("$ref").get<std::string>().substr(1))), prefix, names);
        return;
    }
    if (node.contains("properties"))
        for (const auto& [key, child] : node.at("properties").items()) {
            names.push_back(prefix + key);
            collect_fact_names(root, child, prefix + key + ".", names);
        }
    if (node.contains("items")) collect_fact_names(root, node.at("items"), prefix, names);
    if (node.contains("oneOf"))
        for (const nlohmann::json& alternative : node.at("oneOf")) collect_fact_names(root, alternative, prefix, names);
}

}  // namespace

const std::vector<std::string>& tool_fact_names() {
    // The schema, not the view, since a view holds only the facts its tool states.
    static const std::vector<std::string> names = [] {
        const nlohmann::json schema = nlohmann::json::parse(tool_schema_text());
        std::vector<std::string> found;
        collect_fact_names(schema, schema, "", found);
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    }();
    return names;
}

bool is_tool_fact_name(std::string_view name) {
    static const std::unordered_set<std::string_view> names(tool_fact_names().begin(), tool_fact_names().end());
    return names.count(name) > 0;
}

void push_tool_view(lua_State* L, const tool& t, view_access access) {
    view_builder v(L, access);
    lua_createtable(L, 0, 32);   // [+1]
    set_values(v, t);
    if (access == view_access::plain) {
        for (const table_fact& fact : table_facts)
            if (fact.push(v, t)) lua_setfield(L, -2, fact.name);   // [+1, -1]
        return;
    }
    lua_createtable(L, 0, 2);                                 // [+1] the maker of table facts
    lua_pushlightuserdata(L, const_cast<tool*>(&t));          // [+1]
    lua_pushinteger(L, current_generation(L));                // [+1]
    lua_pushcclosure(L, make_facts, 2);                       // [-2, +1]
    lua_pushvalue(L, -1);                                     // [+1]
    lua_setfield(L, -3, "__index");                           // [-1]
    lua_setfield(L, -2, "__complete");                        // [-1]
    lua_setmetatable(L, -2);                                  // [-1]
    v.finish();
}

void retire_tool_views(lua_State* L) {
    lua_pushinteger(L, current_generation(L) + 1);            // [+1]
    lua_setfield(L, LUA_REGISTRYINDEX, generation_key);       // [-1]
}

}  // namespace verdict
