// The readers walk only the shape they expect, key by key, so a cyclic or
// enormous table cannot make them loop: anything off the expected shape is the
// first error, and reading stops there. They run after the script's call has
// returned, outside any budget, so every read is raw: no metamethod of the
// script's can run here.
#include "hosts/lua/lua_returns.hpp"

#include "hosts/persona_host.hpp"
#include "support/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace verdict {
namespace {

// t[key] without metamethods, for the table at absolute `index`. [+1]
int raw_field(lua_State* L, int index, const char* key) {
    lua_pushstring(L, key);          // [+1]
    return lua_rawget(L, index);     // [-1, +1]
}

std::string type_of(lua_State* L, int index) {
    const int type = lua_type(L, index);
    if (type == LUA_TNUMBER && lua_isinteger(L, index)) return "an integer";
    static const char* const articles[] = {"nil", "a boolean", "a light userdata", "a number", "a string", "a table", "a function", "a userdata", "a thread"};
    return type >= 0 && type < 9 ? articles[type] : "an unknown value";
}

// Throws `Error` unless the table at `index` has only string keys from `allowed`, and every key of `required`.
template <class Error> void check_keys(lua_State* L, int index, const std::string& where, const std::vector<std::string>& allowed,
                                       const std::vector<std::string>& required) {
    for (lua_pushnil(L); lua_next(L, index) != 0; lua_pop(L, 1)) {   // [+2 each step, -1]
        if (lua_type(L, -2) != LUA_TSTRING) {
            const std::string found = type_of(L, -2);
            lua_pop(L, 2);
            throw Error(where + ": expected only named keys, found a key that is " + found);
        }
        const std::string key = lua_tostring(L, -2);
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            lua_pop(L, 2);
            const std::string hint = did_you_mean(key, allowed);
            throw Error(where + ": unknown key \"" + key + "\"" + (hint.empty() ? "" : " (" + hint + ")"));
        }
    }
    for (const std::string& key : required) {
        const bool missing = raw_field(L, index, key.c_str()) == LUA_TNIL;     // [+1]
        lua_pop(L, 1);                                                        // [-1]
        if (missing) throw Error(where + ": missing key \"" + key + "\"");
    }
}

// What a hand-built review may still hold, in bytes of text, as its fields are read: the host's bound on a review,
// applied before a field is copied, so a script cannot make the host copy more text than a review may hold (every
// field of every reason may be the same string, held once by the script).
struct text_budget {
    std::size_t left = max_review_text_bytes;
};

// The string field `key` of the table at `index`; `where` prefixes the field in messages. With a `budget`, a field
// longer than `most` bytes, or than the budget has left, is refused before it is copied. [0]
template <class Error> std::string string_field(lua_State* L, int index, const std::string& where, const char* key,
                                                text_budget* budget = nullptr, std::size_t most = 0) {
    raw_field(L, index, key);      // [+1]
    if (lua_type(L, -1) != LUA_TSTRING) {
        const std::string found = type_of(L, -1);
        lua_pop(L, 1);
        throw Error(where + key + ": expected a string, found " + found);
    }
    std::size_t length = 0;
    const char* text = lua_tolstring(L, -1, &length);
    if (budget && length > most) {   // worded as check_review() words it
        lua_pop(L, 1);
        throw Error(where + key + ": expected at most " + std::to_string(most) + " bytes, found " + std::to_string(length));
    }
    if (budget && length > budget->left) {
        lua_pop(L, 1);
        throw Error("the review: expected at most " + std::to_string(max_review_text_bytes) +
                    " bytes of text (quote, reasons and rule checks), found more by " + where + key);
    }
    if (budget) budget->left -= length;
    std::string value(text, length);
    lua_pop(L, 1);                 // [-1]
    return value;
}

template <class Error> double number_field(lua_State* L, int index, const std::string& where, const char* key, double fallback, bool required) {
    const int type = raw_field(L, index, key);      // [+1]
    if (type == LUA_TNIL && !required) {
        lua_pop(L, 1);
        return fallback;
    }
    if (type != LUA_TNUMBER) {
        const std::string found = type_of(L, -1);
        lua_pop(L, 1);
        throw Error(where + key + ": expected a number, found " + found);
    }
    const double value = lua_tonumber(L, -1);
    lua_pop(L, 1);                                  // [-1]
    return value;
}

// defaults.weights, when given: without it the persona declares no rules, and every review scores its base.
void read_weights(lua_State* L, int index, settings& s) {
    if (raw_field(L, index, "weights") == LUA_TNIL) {    // [+1]
        lua_pop(L, 1);                                   // [-1]
        return;
    }
    const int weights = lua_gettop(L);
    if (!lua_istable(L, weights)) {
        const std::string found = type_of(L, weights);
        lua_pop(L, 1);
        throw std::invalid_argument("defaults.weights: expected a table of rule = points, found " + found);
    }
    for (lua_pushnil(L); lua_next(L, weights) != 0; lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TNUMBER) {
            lua_pop(L, 3);
            throw std::invalid_argument("defaults.weights: expected rule = points (a name and a number) in every entry");
        }
        s.weights[lua_tostring(L, -2)] = lua_tonumber(L, -1);
    }
    lua_pop(L, 1);                       // [-1]
}

reason read_reason(lua_State* L, int index, const std::string& where, text_budget& budget) {
    if (!lua_istable(L, index)) throw invalid_review(where + ": expected a table, found " + type_of(L, index));
    check_keys<invalid_review>(L, index, where, {"rule", "points", "fact", "value", "why"}, {"rule", "points", "fact", "value", "why"});
    reason r;
    r.rule = string_field<invalid_review>(L, index, where + ".", "rule", &budget, max_reason_text_bytes);
    r.points = number_field<invalid_review>(L, index, where + ".", "points", 0, true);
    r.fact = string_field<invalid_review>(L, index, where + ".", "fact", &budget, max_reason_text_bytes);
    r.value = string_field<invalid_review>(L, index, where + ".", "value", &budget, max_reason_text_bytes);
    r.why = string_field<invalid_review>(L, index, where + ".", "why", &budget, max_reason_text_bytes);
    return r;
}

std::vector<reason> read_reasons(lua_State* L, int index, std::size_t max_reasons, text_budget& budget) {
    raw_field(L, index, "reasons");      // [+1]
    const int list = lua_gettop(L);
    if (!lua_istable(L, list)) {
        const std::string found = type_of(L, list);
        lua_pop(L, 1);
        throw invalid_review("reasons: expected a list of reasons, found " + found);
    }
    const auto count = static_cast<lua_Integer>(lua_rawlen(L, list));
    if (static_cast<std::size_t>(count) > max_reasons) {
        lua_pop(L, 1);
        throw invalid_review("reasons: expected at most one per declared rule and a clamp (" + std::to_string(max_reasons) + "), found " +
                             std::to_string(count));
    }
    for (lua_pushnil(L); lua_next(L, list) != 0; lua_pop(L, 1)) {
        const bool in_sequence = lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 && lua_tointeger(L, -2) <= count;
        if (!in_sequence) {
            lua_pop(L, 3);
            throw invalid_review("reasons: expected a list (keys 1 to n), found another key");
        }
    }
    std::vector<reason> reasons;
    for (lua_Integer i = 1; i <= count; ++i) {
        lua_rawgeti(L, list, i);                                                            // [+1]
        reasons.push_back(read_reason(L, lua_gettop(L), "reasons[" + std::to_string(i) + "]", budget));
        lua_pop(L, 1);                                                                      // [-1]
    }
    lua_pop(L, 1);                                                                          // [-1]
    return reasons;
}

}  // namespace

script_spec read_script_spec(lua_State* L, int index) {
    index = lua_absindex(L, index);
    if (!lua_istable(L, index))
        throw std::invalid_argument("the script must return a table (id, name, version, defaults, review), found " + type_of(L, index));
    const std::vector<std::string> keys{"id", "name", "version", "defaults", "review"};
    check_keys<std::invalid_argument>(L, index, "the returned table", keys, keys);
    script_spec spec;
    spec.identity.id = string_field<std::invalid_argument>(L, index, "", "id");
    spec.identity.display_name = string_field<std::invalid_argument>(L, index, "", "name");
    spec.identity.version = string_field<std::invalid_argument>(L, index, "", "version");
    if (raw_field(L, index, "review") != LUA_TFUNCTION) {      // [+1]
        const std::string found = type_of(L, -1);
        lua_pop(L, 1);
        throw std::invalid_argument("review: expected a function (tool, ctx), found " + found);
    }
    lua_pop(L, 1);                                             // [-1]
    raw_field(L, index, "defaults");                           // [+1]
    const int defaults = lua_gettop(L);
    if (!lua_istable(L, defaults)) {
        const std::string found = type_of(L, defaults);
        lua_pop(L, 1);
        throw std::invalid_argument("defaults: expected a table (base, threshold, min_facts, weights), found " + found);
    }
    check_keys<std::invalid_argument>(L, defaults, "defaults", {"base", "threshold", "min_facts", "weights"}, {});
    spec.defaults.base = number_field<std::invalid_argument>(L, defaults, "defaults.", "base", spec.defaults.base, false);
    spec.defaults.threshold = number_field<std::invalid_argument>(L, defaults, "defaults.", "threshold", spec.defaults.threshold, false);
    const double min_facts = number_field<std::invalid_argument>(L, defaults, "defaults.", "min_facts", spec.defaults.min_facts, false);
    if (std::floor(min_facts) != min_facts || min_facts < 0 || min_facts > 1000)
        throw std::invalid_argument("defaults.min_facts: expected a whole number from 0 to 1000, found " + number_text(min_facts));
    spec.defaults.min_facts = static_cast<int>(min_facts);
    read_weights(L, defaults, spec.defaults);
    lua_pop(L, 1);                                             // [-1]
    return spec;
}

review read_review_table(lua_State* L, int index, std::size_t max_reasons) {
    index = lua_absindex(L, index);
    if (!lua_istable(L, index)) throw invalid_review("the review: expected a table (verdict, score, quote, reasons), found " + type_of(L, index));
    const std::vector<std::string> keys{"verdict", "score", "quote", "reasons"};
    check_keys<invalid_review>(L, index, "the review", keys, keys);
    review r;
    const std::string verdict = string_field<invalid_review>(L, index, "", "verdict");
    const auto& names = enum_names<verdict_kind>::values;
    const auto found = std::find(names.begin(), names.end(), verdict);
    if (found == names.end()) throw invalid_review("verdict: expected \"ship\", \"skip\" or \"abstain\", found \"" + verdict + "\"");
    r.verdict = static_cast<verdict_kind>(found - names.begin());
    r.score = number_field<invalid_review>(L, index, "", "score", 0, true);
    text_budget budget;
    r.quote = string_field<invalid_review>(L, index, "", "quote", &budget, max_quote_bytes);
    r.reasons = read_reasons(L, index, max_reasons, budget);
    return r;
}

}  // namespace verdict
