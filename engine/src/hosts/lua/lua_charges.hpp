// Library functions that work in C, charged against the instruction budget by
// the work their arguments imply, so a script cannot do unbounded work in one
// instruction (upper() on a long string, table.insert at the front of a long
// list, string.rep with a huge count).
#pragma once

#include <lua.hpp>

namespace verdict {

/// Wraps the charged functions of the string, table and utf8 library tables at those indices, and of the
/// base library table at `base`, in place. [0]
void install_charges(lua_State* L, int base, int string, int table, int utf8);

}  // namespace verdict
