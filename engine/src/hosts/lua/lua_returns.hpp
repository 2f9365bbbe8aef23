// Reading what a script returns, strictly: unknown and missing keys are errors
// naming the key, wrong types are errors naming the field and both types.
#pragma once

#include "hosts/persona_backend.hpp"
#include "verdict/review.hpp"

#include <lua.hpp>

#include <string>

namespace verdict {

/// What a script's top level returns: who the persona is, its defaults, and its review function.
struct script_spec {
    persona_identity identity;
    settings defaults;
};

/// Reads the persona table at `index`, every key of its defaults optional (settings{}, no weights); throws
/// std::invalid_argument naming the key at fault.
/// Leaves the stack as it found it. [0]
script_spec read_script_spec(lua_State* L, int index);

/// Reads a review table a script built by hand at `index`, refusing more than `max_reasons` reasons before
/// copying any, and any text field longer than its bound or than what is left of a review's bound of text before
/// copying it; throws invalid_review naming the field. [0]
review read_review_table(lua_State* L, int index, std::size_t max_reasons);

}  // namespace verdict
