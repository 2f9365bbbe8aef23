// A view is built for each review: a persona reviews a tool once per pass, so
// there is nothing to share, and a view that outlived its review would be a
// place a script could leave something for the next.
#include "hosts/lua/script_engine.hpp"

#include "hosts/lua/lua_sandbox.hpp"
#include "hosts/lua/lua_tool_view.hpp"

namespace verdict {

script_engine::script_engine() { install_sandbox(runtime_.state()); }

void script_engine::push_view(const tool& t) { push_tool_view(runtime_.state(), t); }   // [+1]

}  // namespace verdict
