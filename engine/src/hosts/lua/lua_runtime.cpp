// The allocator, the hook and the protected call. Memory is counted for the
// whole state and each call gets an allowance on top of what is in use when it
// starts; the hook runs every hook_interval instructions, so a budget overrun
// is caught within that many instructions. Once a call is stopped, every later
// hook tick raises again and the sandbox's pcall re-raises, so the stop always
// reaches this file's lua_pcall, never a script's handler.
//
// One VM instruction can do a lot of work (concatenate two long strings, call
// a library function on a long string), so the budget also counts allocated
// bytes and the work library functions report through charge(). The deadline
// is the safety net for work neither can see, such as comparing long strings.
#include "hosts/lua/lua_runtime.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <new>

namespace verdict {
namespace {

constexpr int hook_interval = 1000;
constexpr std::size_t bytes_per_instruction = 128;
// Room to format the error after a memory stop, so reporting it cannot fail in turn.
constexpr std::size_t error_headroom = 1u << 20;

// The message handler: adds a traceback, and never calls a script's __tostring (it could loop or throw).
int traceback_handler(lua_State* L) {
    const char* message = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : nullptr;
    if (message == nullptr) lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));   // [+1]
    else lua_pushvalue(L, 1);                                                                          // [+1]
    luaL_traceback(L, L, lua_tostring(L, -1), 1);                                                      // [+1]
    return 1;
}

std::string bounded(const char* text, std::size_t length) {
    std::string out(text == nullptr ? "(no message)" : std::string(text, length));
    if (out.size() > lua_runtime::max_error_bytes) out = out.substr(0, lua_runtime::max_error_bytes - 4) + " ...";
    return out;
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

void* lua_runtime::allocate(void* self, void* block, std::size_t old_size, std::size_t new_size) {
    auto& rt = *static_cast<lua_runtime*>(self);
    const std::size_t old_bytes = block == nullptr ? 0 : old_size;   // for a new block, old_size is its type
    if (new_size == 0) {
        std::free(block);
        rt.used_ -= old_bytes;
        return nullptr;
    }
    if (new_size > old_bytes && rt.used_ - old_bytes + new_size > rt.limit_) {
        if (!rt.stop_reason_) {
            rt.stop_reason_ = "memory allowance of " + std::to_string(rt.allowance_) + " bytes exceeded";
            rt.limit_ += error_headroom;   // so the error itself can still be reported
        }
        return nullptr;   // Lua raises a memory error
    }
    void* grown = std::realloc(block, new_size);
    if (grown != nullptr) {
        rt.used_ = rt.used_ - old_bytes + new_size;
        if (new_size > old_bytes) rt.executed_ += (new_size - old_bytes) / bytes_per_instruction;
    }
    return grown;
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

void lua_runtime::enforce(lua_State* L, int level) {
    if (stop_reason_) stop(L, *stop_reason_, level);
    if (executed_ > budget_) stop(L, "instruction budget of " + std::to_string(budget_) + " exceeded", level);
    if (std::chrono::steady_clock::now() > deadline_) stop(L, "time limit of " + std::to_string(seconds_) + " seconds exceeded", level);
}

void lua_runtime::stop(lua_State* L, std::string reason, int level) {
    stop_reason_ = std::move(reason);
    luaL_where(L, level);                                                      // [+1] where the script was
    lua_pushfstring(L, "%s%s", lua_tostring(L, -1), stop_reason_->c_str());   // [+1]
    lua_error(L);
    std::terminate();   // not reached: lua_error throws in the C++ build of Lua
}

std::optional<std::string> lua_runtime::call(int nargs, int nresults, std::uint64_t instructions, std::size_t memory, double seconds) {
    lua_State* L = state_;
    const int function = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback_handler);   // [+1]
    lua_insert(L, function);                   // handler below the function
    executed_ = 0;
    budget_ = instructions;
    stop_reason_.reset();
    allowance_ = memory;
    limit_ = std::min(used_ + memory, ceiling_);
    seconds_ = seconds;
    deadline_ = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    lua_sethook(L, &lua_runtime::count_hook, LUA_MASKCOUNT, hook_interval);
    const int status = lua_pcall(L, nargs, nresults, function);   // [-(nargs+1), +(nresults|1)]
    lua_sethook(L, nullptr, 0, 0);
    limit_ = SIZE_MAX;
    budget_ = UINT64_MAX;
    deadline_ = std::chrono::steady_clock::time_point::max();
    std::optional<std::string> error;
    if (status != LUA_OK) {
        std::size_t length = 0;
        const char* text = lua_tolstring(L, -1, &length);
        error = status == LUA_ERRMEM ? "not enough memory: " + stop_reason_.value_or("the allocator refused") : bounded(text, length);
        lua_pop(L, 1);                                           // [-1] the error
        lua_gc(L, LUA_GCCOLLECT);                                // the failed call's garbage
    }
    lua_remove(L, function);                                     // [-1] the handler
    stop_reason_.reset();
    return error;
}

}  // namespace verdict
