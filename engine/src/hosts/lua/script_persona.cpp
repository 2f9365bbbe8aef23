// The script error boundary. Every failure leaves as a host_error worded like
// the shared-library host's: "<file>: <what>: <why>", where a Lua error keeps
// its own "<file>:<line>:" and traceback.
//
// A review is a pure function of the persona, its settings and the tool: the
// script's top level runs again before every review, in a fresh environment,
// so nothing one review leaves (a global, a field of the module table, an
// upvalue) is there for the next. Nor is its memory, past a sliver: garbage
// and a grown Lua stack that earlier reviews left counted against the persona
// are given back before a review once they come to more than 1/64 of its
// allowance. The chunk is compiled once; running it again costs what its top
// level does, a few microseconds for a persona.
// Each review gets a fresh ctx only when the settings change (ctx is
// read-only), math.random seeded from the persona and the tool, and the
// runtime's budgets.
// Loading also reads the source for rule ids and fact names ctx would refuse
// (lua_source_names.hpp), so a misspelt one fails the load, not only the
// reviews of the tools that reach its line.
#include "hosts/lua/script_persona.hpp"

#include "hosts/lua/lua_ctx.hpp"
#include "hosts/lua/lua_returns.hpp"
#include "hosts/lua/lua_sandbox.hpp"
#include "hosts/lua/lua_source_names.hpp"
#include "hosts/lua/lua_tool_view.hpp"
#include "hosts/lua/script_engine.hpp"
#include "hosts/persona_defaults.hpp"
#include "support/fnv1a.hpp"
#include "support/text_file.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>

namespace verdict {
namespace {

bool same_settings(const settings& a, const settings& b) {
    return a.base == b.base && a.threshold == b.threshold && a.min_facts == b.min_facts && a.weights == b.weights;
}

// What earlier reviews may leave counted against a persona, as a fraction of its memory allowance, before a review
// starts from a new thread and a full collection (see review_unguarded()).
constexpr std::size_t residue_fraction = 64;

// Every failure leaves through here, so no message is longer than the bound, whatever the script threw.
[[noreturn]] void fail(std::string message) {
    if (message.size() > lua_runtime::max_error_bytes) {
        std::size_t cut = lua_runtime::max_error_bytes - 4;
        while (cut > 0 && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;   // not inside a character
        message = message.substr(0, cut) + " ...";
    }
    throw host_error(message);
}

// The name Lua gives the script in messages: its file name, or a fixed one when even that is too long to keep.
std::string chunk_label(const std::string& file) {
    const std::string name = std::filesystem::path(file).filename().string();
    return name.empty() || name.size() > 40 ? "script.lua" : name;
}

// FNV-1a over both ids: the same persona and tool always draw the same random numbers.
std::uint64_t random_seed(const std::string& persona, const std::string& tool) {
    std::uint64_t hash = fnv1a_basis;
    for (const std::string* text : {&persona, &tool}) hash = fnv1a(std::string_view(text->c_str(), text->size() + 1), hash);
    return hash;
}

// Puts the Lua stack back as it was found, however the block it guards ends.
class stack_guard {
public:
    explicit stack_guard(lua_State* L) : L_(L), top_(lua_gettop(L)) {}
    ~stack_guard() { lua_settop(L_, top_); }
    stack_guard(const stack_guard&) = delete;
    stack_guard& operator=(const stack_guard&) = delete;

private:
    lua_State* L_;
    int top_;
};

// A persona id as panel.json writes seat ids: lower case, digits and underscores, starting with a letter.
bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 40 || id[0] < 'a' || id[0] > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

class script_persona final : public persona_backend {
public:
    script_persona(std::string file, const script_limits& limits) : file_(std::move(file)), label_(chunk_label(file_)), limits_(limits) {}

    ~script_persona() override {
        std::lock_guard lock(engine_.runtime().mutex());
        for (const int ref : {chunk_ref_, ctx_ref_}) luaL_unref(engine_.runtime().state(), LUA_REGISTRYINDEX, ref);
    }

    void load(const std::string& source) {
        std::lock_guard lock(engine_.runtime().mutex());
        owner_ = engine_.runtime().add_owner(limits_.memory_bytes);
        lua_State* L = engine_.runtime().state();
        const stack_guard guard(L);
        seed_random(L, random_seed(label_, ""));   // the top level draws the same numbers on every run too
        const std::string chunk = "@" + label_;
        if (luaL_loadbufferx(L, source.data(), source.size(), chunk.c_str(), "t") != LUA_OK) {   // [+1] chunk or error
            const std::string error = lua_tostring(L, -1);
            lua_pop(L, 1);
            fail(located(error, "loading"));
        }
        lua_pushvalue(L, -1);                                                               // [+1]
        chunk_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);                                        // [-1]
        engine_.runtime().start_afresh();
        if (auto error = run_top_level(L, limits_.seconds)) fail(located(*error, "loading"));   // [-1, +1] the module table
        read_spec(L);
        if (const auto problem = check_source_names(source, spec_.defaults))
            fail(file_ + ":" + std::to_string(problem->line) + ": loading: " + problem->message);
    }

    const persona_identity& identity() const override { return spec_.identity; }
    const settings& defaults() const override { return spec_.defaults; }
    const std::string& source() const override { return file_; }

    review review_tool(const tool& t, const settings& s, std::vector<std::string>* log) const override {
        std::lock_guard lock(engine_.runtime().mutex());
        lua_State* L = engine_.runtime().state();
        const stack_guard guard(L);
        try {
            return review_unguarded(L, t, s, log);
        } catch (const host_error&) {
            throw;
        } catch (const std::exception& error) {
            fail(file_ + ": review of " + t.id + ": internal error: " + error.what());
        }
    }

private:
    // Runs the compiled chunk on top of the stack in a fresh environment, within the load budget: the module table
    // (or the error). [-1, +1|0]
    std::optional<std::string> run_top_level(lua_State* L, double seconds) const {
        push_script_environment(L);                                                         // [+1]
        lua_setupvalue(L, -2, 1);                                                           // [-1] the chunk's _ENV
        return engine_.runtime().call(owner_, 0, 1, limits_.instructions_per_load, seconds);
    }

    review review_unguarded(lua_State* L, const tool& t, const settings& s, std::vector<std::string>* log) const {
        using clock = std::chrono::steady_clock;
        const clock::time_point start = clock::now();
        script_review progress(s);
        // What the reviews before this one left counted against the persona, until the collector takes it, would
        // leave this review less than its allowance: garbage (some of it old, which only a major collection frees;
        // and a library function that builds a long string in C gets no emergency collection when its buffer is
        // refused), and the Lua stack and call frames of the calls' thread, which only shrink by halves. Past a
        // sliver of the allowance, the review gets a new thread and everything is collected first, so what a review
        // may allocate does not depend on the reviews that ran before it in this state.
        if (engine_.runtime().held(owner_) > limits_.memory_bytes / residue_fraction) {
            engine_.runtime().start_afresh();
            lua_gc(L, LUA_GCCOLLECT);
        }
        seed_random(L, random_seed(spec_.identity.id, t.id));
        lua_rawgeti(L, LUA_REGISTRYINDEX, chunk_ref_);                                      // [+1]
        if (auto error = run_top_level(L, limits_.seconds)) fail(located(*error, "review of " + t.id));   // [-1, +1] module
        lua_pushliteral(L, "review");                                                       // [+1]
        if (lua_rawget(L, -2) != LUA_TFUNCTION)                                             // [-1, +1]
            fail(file_ + ": review of " + t.id + ": expected the module's review to be a function on every run, found a " + luaL_typename(L, -1));
        engine_.push_view(t);                                                               // [+1]
        push_ctx_for(L, s);                                                                 // [+1]
        set_active_review(L, &progress);
        const double left = limits_.seconds - std::chrono::duration<double>(clock::now() - start).count();
        auto error = engine_.runtime().call(owner_, 2, 1, limits_.instructions_per_review, std::max(left, 0.0), limits_.seconds);   // [-3, +1|0]
        set_active_review(L, nullptr);
        retire_tool_views(L);   // `t` may go once this returns
        if (log) log->insert(log->end(), progress.log.begin(), progress.log.end());
        if (error) fail(located(*error, "review of " + t.id));
        return checked_result(L, progress, s, t);
    }

    // Lua's message starts "<label>:<line>: "; give the file its full name, and put what was being done after
    // the place.
    std::string located(const std::string& raw, const std::string& what) const {
        const std::string error = with_full_name(raw);
        const std::string prefix = file_ + ":";
        if (error.rfind(prefix, 0) == 0) {
            const std::size_t colon = error.find(": ", prefix.size());
            if (colon != std::string::npos) return error.substr(0, colon) + ": " + what + ": " + error.substr(colon + 2);
        }
        return file_ + ": " + what + ": " + error;
    }

    // `text` with every "<label>:" (message and traceback) written "<file>:".
    std::string with_full_name(std::string text) const {
        const std::string from = label_ + ":";
        const std::string to = file_ + ":";
        std::size_t at = 0;
        while ((at = text.find(from, at)) != std::string::npos) {
            // Where Lua writes a place: the message's start, a traceback line, or "function <place>".
            const bool starts_name = at == 0 || text[at - 1] == '\t' || text[at - 1] == '\n' || text[at - 1] == '<';
            if (starts_name) text.replace(at, from.size(), to);
            at += starts_name ? to.size() : from.size();
        }
        return text;
    }

    review checked_result(lua_State* L, script_review& progress, const settings& s, const tool& t) const {
        try {
            const bool finished = progress.finished != nullptr && lua_touserdata(L, -1) == progress.finished;
            review result = finished ? std::move(progress.result) : read_review_table(L, -1, s.weights.size() + 1);
            check_review(result, s, 1);
            return result;
        } catch (const invalid_review& error) {
            fail(file_ + ": review of " + t.id + ": " + error.what());
        }
    }

    // ctx is rebuilt only when the settings it carries change.
    void push_ctx_for(lua_State* L, const settings& s) const {
        if (ctx_ref_ == LUA_NOREF || !same_settings(ctx_settings_, s)) {
            luaL_unref(L, LUA_REGISTRYINDEX, ctx_ref_);
            push_ctx(L, s);                                   // [+1]
            ctx_ref_ = luaL_ref(L, LUA_REGISTRYINDEX);        // [-1]
            ctx_settings_ = s;
        }
        lua_rawgeti(L, LUA_REGISTRYINDEX, ctx_ref_);          // [+1]
    }

    void read_spec(lua_State* L) {
        try {
            spec_ = read_script_spec(L, -1);
            check_persona_defaults(spec_.defaults);
            if (!valid_id(spec_.identity.id))
                throw std::invalid_argument("id: expected lower case letters, digits and underscores, starting with a letter, found \"" +
                                            spec_.identity.id + "\"");
        } catch (const std::invalid_argument& error) {
            fail(file_ + ": loading: " + error.what());
        }
    }

    mutable script_engine engine_;   // this persona's own state: nothing in it is shared with another seat
    std::string file_;
    std::string label_;   // the chunk's name inside Lua: short, since Lua cuts names past 60 bytes
    script_limits limits_;
    lua_runtime::owner_id owner_ = lua_runtime::host;   // whose the memory of this persona's calls is
    script_spec spec_;
    int chunk_ref_ = LUA_NOREF;   // the compiled script, run again before each review
    mutable int ctx_ref_ = LUA_NOREF;
    mutable settings ctx_settings_;
};

}  // namespace

std::unique_ptr<persona_backend> load_script_persona(const std::filesystem::path& script, const script_limits& limits) {
    const std::string file = display_path(script);
    problem_list problems;
    const auto source = read_text_file(script, limits.source_bytes, problems);
    if (!source) fail(file + ": loading: expected " + problems.front().expected + ", found " + problems.front().found);
    auto persona = std::make_unique<script_persona>(file, limits);
    try {
        persona->load(*source);
    } catch (const host_error&) {
        throw;
    } catch (const std::exception& error) {
        fail(file + ": loading: internal error: " + error.what());
    }
    return persona;
}

}  // namespace verdict
