// One Lua state that hosts script personas, with the protections every call
// into script code runs under: a memory cap per persona enforced by the
// allocator, an instruction budget enforced by a count hook and by charges for
// work done in C, a time limit, and a stop that a script's own pcall cannot
// swallow.
//
// Built on Debian's C++ build of Lua (lua5.4-c++), where a Lua error unwinds
// C++ frames as an exception, so RAII holds in every C function below.
#pragma once

#include <lua.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

class lua_runtime {
public:
    /// Whose a block of memory is: the host's, or a persona's registered with add_owner().
    using owner_id = std::uint32_t;
    static constexpr owner_id host = 0;

    lua_runtime();
    ~lua_runtime();
    lua_runtime(const lua_runtime&) = delete;
    lua_runtime& operator=(const lua_runtime&) = delete;

    lua_State* state() const { return state_; }
    /// Serialises every use of the state: a Lua state is single-threaded.
    std::mutex& mutex() { return mutex_; }

    /// Registers a persona that may hold at most `memory_bytes` at once: what its calls allocate, counting what
    /// it keeps from one call to the next, until the collector frees it.
    owner_id add_owner(std::size_t memory_bytes);
    /// Calls the function below `nargs` arguments on the stack on behalf of `owner`, within `instructions` and
    /// `seconds`, in the calls' thread (see start_afresh()). Leaves `nresults` results on success; on failure leaves
    /// nothing and returns the error, with a traceback, at most max_error_bytes long. A time limit is named in the
    /// error as `named_seconds` when given (the limit of which `seconds` is what is left). [-(nargs+1), +(nresults|0)]
    std::optional<std::string> call(owner_id owner, int nargs, int nresults, std::uint64_t instructions, double seconds,
                                    std::optional<double> named_seconds = std::nullopt);

    /// Makes a new Lua thread for the calls from here on; the last one is garbage. The Lua stack and call frames a
    /// script grows are its thread's, and go with it when the collector takes it (an emergency collection too): on
    /// a thread that served later calls they would stay grown, counted against the persona (only a full cycle that
    /// is not an emergency shrinks them, and by halves), so one review's deep recursion would leave the next less
    /// memory than it would have had alone. [0]
    void start_afresh();

    /// Counts `units` instructions' worth of work done in C by a library function called from a script, and
    /// stops the call (raising an error at the script's line) once it is over its budget or its time.
    static void charge(lua_State* L, std::uint64_t units);

    /// True once the running call has been stopped (budget, time or memory): protected calls inside the script
    /// must pass the error on rather than catch it.
    bool stopped() const { return stop_reason_.has_value() || refused_ || memory_stopped_; }

    /// The bytes `owner` holds now: what its calls allocated that the collector has not freed, garbage included.
    std::size_t held(owner_id owner) const { return held_[owner]; }

    /// How many allocations have been refused so far.
    std::uint64_t refusals() const { return refusals_; }
    /// A protected call inside the script failed for want of memory (Lua's memory error, after a refusal): the
    /// call stays stopped for memory, though the unwinding may since have allocated (Lua moves a grown stack to a
    /// new, smaller block as it unwinds), which would otherwise read as the memory being there again.
    void keep_memory_stop() { memory_stopped_ = true; }

    /// From here to the end of the call, memory is the host's: reporting an error must not fail for want of it.
    void allocate_as_host() { current_ = host; }

    /// The runtime that owns `L`.
    static lua_runtime& of(lua_State* L);

    static constexpr std::size_t max_error_bytes = 2000;

private:
    static void* allocate(void* self, void* block, std::size_t old_size, std::size_t new_size);
    static void count_hook(lua_State* L, lua_Debug* ar);
    /// Raises the stop if the call is over its budget, its time or its memory; `level` 0 is a hook's, 1 a C
    /// function's caller.
    void enforce(lua_State* L, int level);
    [[noreturn]] void stop(lua_State* L, std::string reason, int level);
    std::string memory_reason() const;

    lua_State* state_ = nullptr;
    lua_State* thread_ = nullptr;   // where calls run; anchored in the registry at thread_ref_
    int thread_ref_ = LUA_NOREF;
    std::mutex mutex_;
    std::vector<std::size_t> held_{0};
    std::vector<std::size_t> caps_{SIZE_MAX};
    owner_id current_ = host;
    bool refused_ = false;   // the last growing allocation was refused, and none has succeeded since
    bool memory_stopped_ = false;   // a memory error was caught by the script's pcall: see keep_memory_stop()
    std::uint64_t refusals_ = 0;
    std::uint64_t executed_ = 0;
    std::uint64_t budget_ = UINT64_MAX;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
    double seconds_ = 0;
    std::optional<std::string> stop_reason_;
};

}  // namespace verdict
