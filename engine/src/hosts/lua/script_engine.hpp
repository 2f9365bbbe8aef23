// The Lua side of a panel: one sandboxed runtime shared by every script seat,
// and the views of the tools under review, built once per tool per pass.
#pragma once

#include "hosts/lua/lua_runtime.hpp"
#include "verdict/tool.hpp"

#include <map>

namespace verdict {

class script_engine {
public:
    script_engine();

    lua_runtime& runtime() { return runtime_; }

    /// Keeps a view of `t` for every seat that reviews it until the matching unpin(); calls nest.
    /// The caller holds the runtime's mutex.
    void pin(const tool& t);
    void unpin(const tool& t);

    /// Pushes the view of `t`: the pinned one, or a fresh one when `t` is not pinned. [+1]
    void push_view(const tool& t);

    /// How many tool views this engine has built.
    std::size_t views_built() const { return views_built_; }

private:
    struct pinned_view {
        int ref;
        int count;
    };
    lua_runtime runtime_;
    std::map<const tool*, pinned_view> pinned_;
    std::size_t views_built_ = 0;
};

}  // namespace verdict
