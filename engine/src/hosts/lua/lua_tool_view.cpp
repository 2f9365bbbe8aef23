// A flat walk over the SDK struct, one set() per fact, mirroring the tool
// decoder: the struct, not the JSON, is what both kinds of persona read.
#include "hosts/lua/lua_tool_view.hpp"

#include "hosts/lua/lua_read_only.hpp"

#include <string>

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
        lua_createtable(L_, 0, 3);   // [+1]
        set("text", c.text);
        set("evidence", c.evidence);
        set("breaks_at", c.breaks_at);
        finish();
    }

    void push(const competitor_facts& c) {
        lua_createtable(L_, 0, 3);   // [+1]
        set("name", c.name);
        set("open_weights", c.open_weights);
        set("commercial_use", c.commercial_use);
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

    // Sets field `name` to a group table filled by `fill`. [0]
    template <class Fill> void group(const char* name, int fields, Fill&& fill) {
        lua_createtable(L_, 0, fields);   // [+1]
        fill();
        finish();
        lua_setfield(L_, -2, name);       // [-1]
    }

    // Seals the table on top when the view is read-only. [-1, +1]
    void finish() {
        if (sealed_) seal_table(L_);
    }

private:
    lua_State* L_;
    bool sealed_;
};

void set_identity(view_builder& v, const tool& t) {
    v.set("id", t.id);
    v.set("name", t.name);
    v.set("vendor", t.vendor);
    v.set("category", t.category);
    v.set("tagline", t.tagline);
    v.set("description", t.description);
    v.set("updated", t.updated);
    v.set("kind", t.kind);
    v.set("primitive", t.primitive);
    v.set("availability", t.availability);
    v.set("seats", t.seats);
}

void set_lists(view_builder& v, const tool& t) {
    v.set("distribution", t.distribution);
    v.set("integrations", t.integrations);
    v.set("examples", t.examples);
    v.set("deployment", t.deployment);
    v.set("lock_in", t.lock_in);
    v.set("performance", t.performance);
    v.set("benchmarks", t.benchmarks);
    v.set("claims", t.claims);
    v.set("competitors", t.competitors);
    v.set("audience", t.audience);
    v.set("ecosystem", t.ecosystem);
}

void set_groups(view_builder& v, const tool& t) {
    v.group("pricing", 2, [&] { v.set("entry", t.pricing.entry); v.set("notes", t.pricing.notes); });
    v.group("licence", 4, [&] {
        v.set("name", t.licence.name);
        v.set("open_weights", t.licence.open_weights);
        v.set("open_source", t.licence.open_source);
        v.set("commercial_use", t.licence.commercial_use);
    });
    v.group("setup", 4, [&] {
        v.set("api_key", t.setup.api_key);
        v.set("env_vars", t.setup.env_vars);
        v.set("steps", t.setup.steps);
        v.set("first_run", t.setup.first_run);
    });
    v.group("problem", 2, [&] { v.set("statement", t.problem.statement); v.set("solved", t.problem.solved); });
    v.group("risks", 3, [&] { v.set("legal", t.risks.legal); v.set("legal_notes", t.risks.legal_notes); v.set("threat", t.risks.threat); });
    v.group("traction", 2, [&] { v.set("github_stars", t.traction.github_stars); v.set("note", t.traction.note); });
}

void set_business_and_future(view_builder& v, const tool& t) {
    v.group("market", 6, [&] {
        v.set("buyer", t.market.buyer);
        v.set("budget_line", t.market.budget_line);
        v.set("revenue_model", t.market.revenue_model);
        v.set("moat", t.market.moat);
        v.set("expansion", t.market.expansion);
        v.set("upgrade_path", t.market.upgrade_path);
    });
    v.group("thesis", 6, [&] {
        v.set("statement", t.thesis.statement);
        v.set("falsifiable", t.thesis.falsifiable);
        v.set("dependency", t.thesis.dependency);
        v.set("dependency_status", t.thesis.dependency_status);
        v.set("second_order", t.thesis.second_order);
        v.set("timing", t.thesis.timing);
    });
}

}  // namespace

void push_tool_view(lua_State* L, const tool& t, view_access access) {
    view_builder v(L, access);
    lua_createtable(L, 0, 32);   // [+1]
    set_identity(v, t);
    set_lists(v, t);
    set_groups(v, t);
    set_business_and_future(v, t);
    v.finish();
}

}  // namespace verdict
