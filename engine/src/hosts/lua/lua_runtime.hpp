// One Lua state that hosts script personas, with the protections every call
// into script code runs under: a memory allowance enforced by the allocator,
// an instruction budget enforced by a count hook, and a stop that a script's
// own pcall cannot swallow.
//
// Built on Debian's C++ build of Lua (lua5.4-c++), where a Lua error unwinds
// C++ frames as an exception, so RAII holds in every C function below.
#pragma once

#include "hosts/lua/script_limits.hpp"

#include <lua.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace verdict {

class lua_runtime {
public:
    lua_runtime();
    ~lua_runtime();
    lua_runtime(const lua_runtime&) = delete;
    lua_runtime& operator=(const lua_runtime&) = delete;

    lua_State* state() const { return state_; }
    /// Serialises every use of the state: a Lua state is single-threaded.
    std::mutex& mutex() { return mutex_; }

    /// Calls the function below `nargs` arguments on the stack within `limits` (instructions, memory, seconds).
    /// Leaves `nresults` results on success; on failure leaves nothing and returns the error, with a traceback,
    /// at most max_error_bytes long. [-(nargs+1), +(nresults|0)]
    std::optional<std::string> call(int nargs, int nresults, std::uint64_t instructions, std::size_t memory, double seconds);

    /// Counts `units` instructions' worth of work done in C by a library function called from a script, and
    /// stops the call (raising an error at the script's line) once it is over its budget or its time.
    static void charge(lua_State* L, std::uint64_t units);

    /// Raises the most memory the state may hold at all by `bytes`: each persona loaded brings its allowance,
    /// so personas that keep data between reviews cannot together grow the state past their shares.
    void raise_ceiling(std::size_t bytes) { ceiling_ += bytes; }

    /// Caps the state at what it holds now; raise_ceiling() then adds each persona's share.
    void set_ceiling_here() { ceiling_ = used_; }

    /// True once the running call has been stopped (budget or memory): protected calls inside the script
    /// must pass the error on rather than catch it.
    bool stopped() const { return stop_reason_.has_value(); }

    /// The runtime that owns `L`.
    static lua_runtime& of(lua_State* L);

    static constexpr std::size_t max_error_bytes = 2000;

private:
    static void* allocate(void* self, void* block, std::size_t old_size, std::size_t new_size);
    static void count_hook(lua_State* L, lua_Debug* ar);
    /// Raises the stop if the call is over its budget or its time; `level` 0 is a hook's, 1 a C function's caller.
    void enforce(lua_State* L, int level);
    [[noreturn]] void stop(lua_State* L, std::string reason, int level);

    lua_State* state_ = nullptr;
    std::mutex mutex_;
    std::size_t used_ = 0;
    std::size_t limit_ = SIZE_MAX;
    std::size_t ceiling_ = SIZE_MAX;
    std::size_t allowance_ = 0;
    std::uint64_t executed_ = 0;
    std::uint64_t budget_ = UINT64_MAX;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
    double seconds_ = 0;
    std::optional<std::string> stop_reason_;
};

}  // namespace verdict
