// Views are pinned by the tool's address only for the span of one panel pass
// (prepare to release), so a tool changed between passes always gets a new
// view: the cache can never serve facts the tool no longer has.
#include "hosts/lua/script_engine.hpp"

#include "hosts/lua/lua_sandbox.hpp"
#include "hosts/lua/lua_tool_view.hpp"

namespace verdict {

script_engine::script_engine() { install_sandbox(runtime_.state()); }

void script_engine::pin(const tool& t) {
    auto found = pinned_.find(&t);
    if (found != pinned_.end()) {
        ++found->second.count;
        return;
    }
    push_tool_view(runtime_.state(), t);                                    // [+1]
    ++views_built_;
    pinned_[&t] = {luaL_ref(runtime_.state(), LUA_REGISTRYINDEX), 1};      // [-1]
}

void script_engine::unpin(const tool& t) {
    auto found = pinned_.find(&t);
    if (found == pinned_.end() || --found->second.count > 0) return;
    luaL_unref(runtime_.state(), LUA_REGISTRYINDEX, found->second.ref);
    pinned_.erase(found);
}

void script_engine::push_view(const tool& t) {
    const auto found = pinned_.find(&t);
    if (found != pinned_.end()) {
        lua_rawgeti(runtime_.state(), LUA_REGISTRYINDEX, found->second.ref);          // [+1]
        return;
    }
    push_tool_view(runtime_.state(), t);                                               // [+1]
    ++views_built_;
}

}  // namespace verdict
