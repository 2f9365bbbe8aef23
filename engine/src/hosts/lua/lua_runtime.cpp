// The allocator, the hook and the protected call.
//
// Every block carries a header naming its owner: the persona whose call
// allocated it, or the host. A persona's cap counts its live blocks wherever
// they are freed, so a script that keeps data between reviews meets its own
// cap, and never another persona's. A refused allocation is not yet a stop:
// Lua collects garbage and asks again, and only a second refusal raises the
// memory error.
//
// The hook runs every hook_interval instructions, so a budget overrun is
// caught within that many instructions. One instruction can do a lot of work
// (concatenate long strings, call a library function on a long string), so the
// budget also counts allocated bytes and the work library functions report
// through charge(); the time limit is the safety net for work neither sees.
// Once a call is stopped, every later hook tick raises again and the sandbox's
// pcall re-raises, so the stop always reaches this file's lua_pcall.
//
// Calls run in a Lua thread of their own, made afresh after a failed call
// and whenever the persona asks (start_afresh()). The Lua stack and the call
// frames a script grows belong to that thread and go with it when the
// collector takes it, an emergency collection included; on a thread that
// lived on they would stay grown (only a full, non-emergency cycle shrinks
// them, by halves), counted against the persona, so that one review's deep
// recursion would leave the next less memory than it would have had alone.
#include "hosts/lua/lua_runtime.hpp"

#include "verdict/review.hpp"

#include <cstdlib>
#include <exception>
#include <new>

namespace verdict {
namespace {

constexpr int hook_interval = 1000;
constexpr std::size_t bytes_per_instruction = 128;

// Sixteen bytes, so the block after it keeps malloc's alignment.
struct block_header {
    std::uint64_t owner;
    std::uint64_t size;
};

// The message handler: adds a traceback, and never calls a script's __tostring (it could loop or throw).
int traceback_handler(lua_State* L) {
    lua_runtime::of(L).allocate_as_host();
    const char* message = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : nullptr;
    if (message == nullptr) lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));   // [+1]
    else lua_pushvalue(L, 1);                                                                          // [+1]
    luaL_traceback(L, L, lua_tostring(L, -1), 1);                                                      // [+1]
    return 1;
}

}  // namespace

lua_runtime::lua_runtime() {
    state_ = lua_newstate(&lua_runtime::allocate, this);
    if (state_ == nullptr) throw std::bad_alloc();
    *static_cast<lua_runtime**>(lua_getextraspace(state_)) = this;
    lua_gc(state_, LUA_GCGEN, 0, 0);
}

lua_runtime::~lua_runtime() { lua_close(state_); }

lua_runtime& lua_runtime::of(lua_State* L) { return **static_cast<lua_runtime**>(lua_getextraspace(L)); }

lua_runtime::owner_id lua_runtime::add_owner(std::size_t memory_bytes) {
    held_.push_back(0);
    caps_.push_back(memory_bytes);
    return static_cast<owner_id>(held_.size() - 1);
}

void* lua_runtime::allocate(void* self, void* block, std::size_t, std::size_t new_size) {
    auto& rt = *static_cast<lua_runtime*>(self);
    block_header* head = block == nullptr ? nullptr : static_cast<block_header*>(block) - 1;
    const std::uint64_t owner = head ? head->owner : rt.current_;
    const std::size_t old_bytes = head ? static_cast<std::size_t>(head->size) : 0;
    if (new_size == 0) {
        rt.held_[owner] -= old_bytes;
        std::free(head);
        return nullptr;
    }
    const bool growing = new_size > old_bytes;
    if (growing && rt.held_[owner] - old_bytes + new_size > rt.caps_[owner]) {
        rt.refused_ = true;
        ++rt.refusals_;
        return nullptr;   // Lua collects garbage and asks once more before raising a memory error
    }
    auto* grown = static_cast<block_header*>(std::realloc(head, sizeof(block_header) + new_size));
    if (grown == nullptr) return nullptr;
    grown->owner = owner;
    grown->size = new_size;
    rt.held_[owner] = rt.held_[owner] - old_bytes + new_size;
    if (growing) {
        rt.refused_ = false;
        rt.executed_ += (new_size - old_bytes) / bytes_per_instruction;
    }
    return grown + 1;
}

void lua_runtime::count_hook(lua_State* L, lua_Debug*) {
    lua_runtime& rt = of(L);
    rt.executed_ += hook_interval;
    rt.enforce(L, 0);
}

void lua_runtime::charge(lua_State* L, std::uint64_t units) {
    lua_runtime& rt = of(L);
    rt.executed_ = units > UINT64_MAX - rt.executed_ ? UINT64_MAX : rt.executed_ + units;
    rt.enforce(L, 1);
}

std::string lua_runtime::memory_reason() const {
    return "memory allowance of " + std::to_string(caps_[current_]) + " bytes exceeded";
}

void lua_runtime::enforce(lua_State* L, int level) {
    if (stop_reason_) stop(L, *stop_reason_, level);
    if (refused_ || memory_stopped_) stop(L, memory_reason(), level);
    if (executed_ > budget_) stop(L, "instruction budget of " + std::to_string(budget_) + " exceeded", level);
    if (std::chrono::steady_clock::now() > deadline_) stop(L, "time limit of " + number_text(seconds_) + " seconds exceeded", level);
}

void lua_runtime::stop(lua_State* L, std::string reason, int level) {
    stop_reason_ = std::move(reason);
    allocate_as_host();                                                        // reporting the stop must not fail
    luaL_where(L, level);                                                      // [+1] where the script was
    lua_pushfstring(L, "%s%s", lua_tostring(L, -1), stop_reason_->c_str());   // [+1]
    lua_error(L);
    std::terminate();   // not reached: lua_error throws in the C++ build of Lua
}

std::optional<std::string> lua_runtime::call(owner_id owner, int nargs, int nresults, std::uint64_t instructions, double seconds,
                                             std::optional<double> named_seconds) {
    lua_State* main = state_;
    if (thread_ == nullptr) start_afresh();
    lua_State* L = thread_;
    lua_xmove(main, L, nargs + 1);             // [-(nargs+1)] the function and its arguments, to the calls' thread
    const int function = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback_handler);   // [+1]
    lua_insert(L, function);                   // handler below the function
    executed_ = 0;
    budget_ = instructions;
    seconds_ = named_seconds.value_or(seconds);
    deadline_ = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    stop_reason_.reset();
    refused_ = false;
    memory_stopped_ = false;
    current_ = owner;
    lua_sethook(L, &lua_runtime::count_hook, LUA_MASKCOUNT, hook_interval);
    const int status = lua_pcall(L, nargs, nresults, function);   // [-(nargs+1), +(nresults|1)]
    lua_sethook(L, nullptr, 0, 0);
    current_ = owner;   // for memory_reason(): the handler may have switched to the host
    std::optional<std::string> error;
    if (status == LUA_ERRMEM || (status == LUA_OK && refused_) || (status != LUA_OK && memory_stopped_)) {
        error = "not enough memory: " + memory_reason();
    } else if (status != LUA_OK) {
        std::size_t length = 0;
        const char* text = lua_tolstring(L, -1, &length);
        error = status == LUA_ERRRUN || status == LUA_ERRSYNTAX || status == LUA_ERRERR
                    ? std::string(text == nullptr ? "(no message)" : std::string(text, length))
                    : "internal error: an exception that is not a Lua error reached the script's call";
    }
    if (status != LUA_OK) lua_pop(L, 1);                 // [-1] the error
    if (status == LUA_OK && refused_) lua_pop(L, nresults);
    current_ = host;
    budget_ = UINT64_MAX;
    deadline_ = std::chrono::steady_clock::time_point::max();
    stop_reason_.reset();
    refused_ = false;
    memory_stopped_ = false;
    lua_remove(L, function);                            // [-1] the handler
    lua_xmove(L, main, lua_gettop(L) - function + 1);   // the results, back on the state's stack
    if (error) {                                        // the failed call's garbage, its thread's grown stack too
        start_afresh();
        lua_gc(main, LUA_GCCOLLECT);
    }
    return error;
}

void lua_runtime::start_afresh() {
    thread_ = lua_newthread(state_);                            // [+1]
    luaL_unref(state_, LUA_REGISTRYINDEX, thread_ref_);
    thread_ref_ = luaL_ref(state_, LUA_REGISTRYINDEX);          // [-1]
}

}  // namespace verdict
