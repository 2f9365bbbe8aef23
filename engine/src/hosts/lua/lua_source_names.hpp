// The names a script's source gives ctx as string literals, checked when it
// loads: a rule id in ctx.rule, ctx.decisive, ctx.weight or a sentence's list
// of rules that defaults.weights does not declare, and a fact name in ctx.rule
// or a sentence's list of facts that the catalog does not have. A review finds
// these only on a tool that reaches the line; read here, every line counts,
// so lint reports them whatever the tools.
//
// Only a literal that stands alone as the argument, or as an item of a table
// constructor that stands alone as the argument, counts: a computed name, a
// call whose arguments hold a function, or a `ctx` reached as a field is
// left to the review, so the check raises no false alarm.
#pragma once

#include "hosts/lua/lua_ctx.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace verdict {

/// A literal name the source gives ctx that is not known: its line, and the message worded as the review words it.
struct source_name_problem {
    int line = 0;
    std::string message;   ///< e.g. "bad argument #1 to 'ctx.rule' (expected a rule id declared in defaults.weights, found \"x\")"
};

/// The first literal name in `source` (Lua text that compiled) that ctx would refuse under `declared`, the
/// persona's own defaults, or nullopt.
std::optional<source_name_problem> check_source_names(std::string_view source, const settings& declared);

}  // namespace verdict
