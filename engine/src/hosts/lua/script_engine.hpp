// The Lua side of one script persona: a sandboxed runtime of its own, so that
// its memory, its garbage and everything it could leave behind are its own
// and never another seat's, and fresh views of the tools it reviews.
#pragma once

#include "hosts/lua/lua_runtime.hpp"
#include "verdict/tool.hpp"

namespace verdict {

class script_engine {
public:
    script_engine();

    lua_runtime& runtime() { return runtime_; }

    /// Pushes a fresh read-only view of `t`. The caller holds the runtime's mutex. [+1]
    void push_view(const tool& t);

private:
    lua_runtime runtime_;
};

}  // namespace verdict
