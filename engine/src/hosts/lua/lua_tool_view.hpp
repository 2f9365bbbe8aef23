// The tool as a script sees it: a read-only table with the catalog's names.
#pragma once

#include "verdict/tool.hpp"

#include <lua.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// Whether the view's tables are read-only (every review) or plain (the benchmark's sandbox-free baseline).
enum class view_access { read_only, plain };

/// Pushes a view of `t`. Fact groups (pricing, licence, setup, problem, risks, market, thesis, traction) are
/// always tables; absent facts and absent lists are nil; enums are their catalog spellings. A read-only view makes
/// its table facts as they are first read, from `t`, which must outlive the view's review: retire_tool_views(). [+1]
void push_tool_view(lua_State* L, const tool& t, view_access access = view_access::read_only);

/// Ends every read-only view made so far: reading through one is an error from now on. Called when a review ends,
/// before its tool may go. [0]
void retire_tool_views(lua_State* L);

/// Every fact name a script may cite, sorted: the catalog's names as the tool schema gives them, a group's facts
/// after a dot ("setup.api_key"), and the fields of a list's items likewise ("claims.evidence").
const std::vector<std::string>& tool_fact_names();

/// True when `name` is one of tool_fact_names(). Scripts cite a fact with each rule they check, tens of times a
/// review: a hash lookup, not a search through the sorted names.
bool is_tool_fact_name(std::string_view name);

}  // namespace verdict
