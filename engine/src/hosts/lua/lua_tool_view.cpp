// A flat walk over the SDK struct, one set() per fact, mirroring the tool
// decoder: the struct, not the JSON, is what both kinds of persona read.
#include "hosts/lua/lua_tool_view.hpp"

#include "hosts/lua/lua_read_only.hpp"

#include <string>

namespace verdict {
namespace {

template <class E> concept catalog_enum = requires { enum_names<E>::values; };

void push(lua_State* L, const std::string& value) { lua_pushlstring(L, value.data(), value.size()); }
void push(lua_State* L, bool value) { lua_pushboolean(L, value); }
void push(lua_State* L, int value) { lua_pushinteger(L, value); }
void push(lua_State* L, std::int64_t value) { lua_pushinteger(L, static_cast<lua_Integer>(value)); }
template <catalog_enum E> void push(lua_State* L, E value) { push(L, std::string(name_of(value))); }
void push(lua_State* L, const claim_facts& c);
void push(lua_State* L, const competitor_facts& c);
void push(lua_State* L, const benchmark_facts& b);

template <class T> void push(lua_State* L, const std::vector<T>& list) {
    lua_createtable(L, static_cast<int>(list.size()), 0);      // [+1]
    for (std::size_t i = 0; i < list.size(); ++i) {
        push(L, list[i]);                                       // [+1]
        lua_rawseti(L, -2, static_cast<lua_Integer>(i) + 1);    // [-1]
    }
    seal_table(L);
}

// Sets field `name` of the table on top; an absent fact stays nil. [0]
template <class T> void set(lua_State* L, const char* name, const T& value) {
    push(L, value);                 // [+1]
    lua_setfield(L, -2, name);      // [-1]
}

template <class T> void set(lua_State* L, const char* name, const std::optional<T>& value) {
    if (value) set(L, name, *value);
}

void push(lua_State* L, const claim_facts& c) {
    lua_createtable(L, 0, 3);   // [+1]
    set(L, "text", c.text);
    set(L, "evidence", c.evidence);
    set(L, "breaks_at", c.breaks_at);
    seal_table(L);
}

void push(lua_State* L, const competitor_facts& c) {
    lua_createtable(L, 0, 3);   // [+1]
    set(L, "name", c.name);
    set(L, "open_weights", c.open_weights);
    set(L, "commercial_use", c.commercial_use);
    seal_table(L);
}

void push(lua_State* L, const benchmark_facts& b) {
    lua_createtable(L, 0, 3);   // [+1]
    set(L, "names", b.names);
    set(L, "self_reported", b.self_reported);
    set(L, "methodology_published", b.methodology_published);
    seal_table(L);
}

// Pushes a sealed group table filled by `fill`. [+1]
template <class Fill> void group(lua_State* L, const char* name, int fields, Fill&& fill) {
    lua_createtable(L, 0, fields);   // [+1]
    fill();
    seal_table(L);
    lua_setfield(L, -2, name);       // [-1]
}

void set_groups(lua_State* L, const tool& t) {
    group(L, "pricing", 2, [&] { set(L, "entry", t.pricing.entry); set(L, "notes", t.pricing.notes); });
    group(L, "licence", 4, [&] {
        set(L, "name", t.licence.name);
        set(L, "open_weights", t.licence.open_weights);
        set(L, "open_source", t.licence.open_source);
        set(L, "commercial_use", t.licence.commercial_use);
    });
    group(L, "setup", 4, [&] {
        set(L, "api_key", t.setup.api_key);
        set(L, "env_vars", t.setup.env_vars);
        set(L, "steps", t.setup.steps);
        set(L, "first_run", t.setup.first_run);
    });
    group(L, "problem", 2, [&] { set(L, "statement", t.problem.statement); set(L, "solved", t.problem.solved); });
    group(L, "risks", 3, [&] { set(L, "legal", t.risks.legal); set(L, "legal_notes", t.risks.legal_notes); set(L, "threat", t.risks.threat); });
    group(L, "traction", 2, [&] { set(L, "github_stars", t.traction.github_stars); set(L, "note", t.traction.note); });
}

void set_business_and_future(lua_State* L, const tool& t) {
    group(L, "market", 6, [&] {
        set(L, "buyer", t.market.buyer);
        set(L, "budget_line", t.market.budget_line);
        set(L, "revenue_model", t.market.revenue_model);
        set(L, "moat", t.market.moat);
        set(L, "expansion", t.market.expansion);
        set(L, "upgrade_path", t.market.upgrade_path);
    });
    group(L, "thesis", 6, [&] {
        set(L, "statement", t.thesis.statement);
        set(L, "falsifiable", t.thesis.falsifiable);
        set(L, "dependency", t.thesis.dependency);
        set(L, "dependency_status", t.thesis.dependency_status);
        set(L, "second_order", t.thesis.second_order);
        set(L, "timing", t.thesis.timing);
    });
}

}  // namespace

void push_tool_view(lua_State* L, const tool& t) {
    lua_createtable(L, 0, 32);   // [+1]
    set(L, "id", t.id);
    set(L, "name", t.name);
    set(L, "vendor", t.vendor);
    set(L, "category", t.category);
    set(L, "tagline", t.tagline);
    set(L, "description", t.description);
    set(L, "kind", t.kind);
    set(L, "primitive", t.primitive);
    set(L, "availability", t.availability);
    set(L, "distribution", t.distribution);
    set(L, "integrations", t.integrations);
    set(L, "examples", t.examples);
    set(L, "deployment", t.deployment);
    set(L, "lock_in", t.lock_in);
    set(L, "performance", t.performance);
    set(L, "benchmarks", t.benchmarks);
    set(L, "claims", t.claims);
    set(L, "competitors", t.competitors);
    set(L, "audience", t.audience);
    set(L, "ecosystem", t.ecosystem);
    set(L, "seats", t.seats);
    set_groups(L, t);
    set_business_and_future(L, t);
    seal_table(L);
}

}  // namespace verdict
