// bench-lua-overhead: what the Lua sandbox costs per review.
//
// Reviews every tool of a catalog with a set of persona scripts three ways, in
// one process, on the same tools, in the same order:
//   sandboxed  as verdict runs them: the sandbox, read-only views (built once
//              per tool and shared by the seats), instruction budget, memory
//              allowance, per-review random seeding;
//   bare       the same scripts with the same host services (ctx) but no
//              sandbox: all standard libraries, plain tables, no hook, no
//              memory cap, no seeding;
//   plugins    the stock C++ personas of the same names, for reference.
// Each way runs --rounds times; the fastest round counts, which filters out
// noise from the rest of the machine.
#include "catalog/catalog.hpp"
#include "hosts/lua/lua_ctx.hpp"
#include "hosts/lua/lua_returns.hpp"
#include "hosts/lua/lua_runtime.hpp"
#include "hosts/lua/lua_tool_view.hpp"
#include "hosts/lua/script_persona.hpp"
#include "hosts/shared_library_host.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/program_options.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace verdict;
namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

const std::vector<std::string> persona_names{"developer", "skeptic", "futurist", "business", "creator"};

std::string read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Reviews every tool with every persona as a panel pass does. Returns a checksum.
double review_all(const std::vector<std::unique_ptr<persona_backend>>& personas, const catalog& tools) {
    double checksum = 0;
    for (const tool& t : tools.tools)
        for (const auto& p : personas) checksum += p->review_tool(t, p->defaults()).score;
    return checksum;
}

// The same scripts with no sandbox and no limits: a runtime (which ctx's functions report their work to) whose
// calls go straight to lua_pcall, with every standard library open.
class bare_scripts {
public:
    explicit bare_scripts(const std::vector<fs::path>& scripts) : L_(runtime_.state()) {
        luaL_openlibs(L_);
        for (const fs::path& file : scripts) load(file);
    }

    double review_all(const catalog& tools) {
        double checksum = 0;
        for (const tool& t : tools.tools) {
            push_tool_view(L_, t, view_access::plain);      // [+1] shared by the personas, like a pinned view
            const int view = lua_gettop(L_);
            for (const persona& p : personas_) checksum += review(p, view);
            lua_pop(L_, 1);                                 // [-1]
        }
        return checksum;
    }

private:
    struct persona {
        settings defaults;
        int review_ref;
        int ctx_ref;
    };

    void load(const fs::path& file) {
        const std::string source = read_all(file);
        if (luaL_loadbuffer(L_, source.data(), source.size(), file.string().c_str()) != LUA_OK || lua_pcall(L_, 0, 1, 0) != LUA_OK)
            throw std::runtime_error(lua_tostring(L_, -1));
        persona p{read_script_spec(L_, -1).defaults, LUA_NOREF, LUA_NOREF};
        lua_getfield(L_, -1, "review");                     // [+1]
        p.review_ref = luaL_ref(L_, LUA_REGISTRYINDEX);     // [-1]
        lua_pop(L_, 1);                                     // [-1] the spec
        push_ctx(L_, p.defaults);                           // [+1]
        p.ctx_ref = luaL_ref(L_, LUA_REGISTRYINDEX);        // [-1]
        personas_.push_back(p);
    }

    double review(const persona& p, int view) {
        script_review progress(p.defaults);
        set_active_review(L_, &progress);
        lua_rawgeti(L_, LUA_REGISTRYINDEX, p.review_ref);   // [+1]
        lua_pushvalue(L_, view);                            // [+1]
        lua_rawgeti(L_, LUA_REGISTRYINDEX, p.ctx_ref);      // [+1]
        if (lua_pcall(L_, 2, 1, 0) != LUA_OK) throw std::runtime_error(lua_tostring(L_, -1));
        if (lua_touserdata(L_, -1) != progress.finished) throw std::runtime_error("a bare review did not return ctx.finish()");
        lua_pop(L_, 1);                                     // [-1]
        return progress.result.score;
    }

    lua_runtime runtime_;
    lua_State* L_;
    std::vector<persona> personas_;
};

struct timing {
    double best_seconds = 1e300;
    double checksum = 0;
};

template <class Run> timing time_rounds(int rounds, Run&& run) {
    timing t;
    for (int i = 0; i < rounds; ++i) {
        const auto start = clock_type::now();
        t.checksum = run();
        t.best_seconds = std::min(t.best_seconds, std::chrono::duration<double>(clock_type::now() - start).count());
    }
    return t;
}

void report(const char* name, const timing& t, std::size_t reviews) {
    std::cout << name << ": " << t.best_seconds * 1e3 << " ms, " << t.best_seconds * 1e9 / static_cast<double>(reviews)
              << " ns per review (checksum " << t.checksum << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
    namespace po = boost::program_options;
    po::options_description options("bench-lua-overhead options");
    options.add_options()("help,h", "show this help")
        ("catalog", po::value<std::string>()->required(), "catalog folder to review (tools/)")
        ("scripts", po::value<std::string>()->default_value("scripts"), "folder holding developer.lua ... creator.lua")
        ("personas", po::value<std::string>(), "folder of the stock plugins (default: next to this program's build)")
        ("rounds", po::value<int>()->default_value(5), "rounds per way; the fastest counts");
    po::variables_map args;
    try {
        po::store(po::parse_command_line(argc, argv, options), args);
        if (args.count("help")) {
            std::cout << options;
            return 0;
        }
        po::notify(args);
    } catch (const po::error& error) {
        std::cerr << "bench-lua-overhead: " << error.what() << "\n";
        return 2;
    }
    problem_list problems;
    const catalog tools = load_catalog(args["catalog"].as<std::string>(), persona_names, problems);
    if (!problems.empty()) {
        std::cerr << "bench-lua-overhead: " << to_string(problems.front()) << "\n";
        return 2;
    }
    const fs::path plugin_dir = args.count("personas") ? fs::path(args["personas"].as<std::string>())
                                                        : boost::dll::program_location().parent_path().parent_path() / "lib/verdict/personas";
    std::vector<fs::path> scripts;
    std::vector<std::unique_ptr<persona_backend>> sandboxed;
    std::vector<std::unique_ptr<persona_backend>> plugins;
    for (const std::string& name : persona_names) {
        scripts.push_back(fs::path(args["scripts"].as<std::string>()) / (name + ".lua"));
        sandboxed.push_back(load_script_persona(scripts.back(), script_limits{}));
        plugins.push_back(load_shared_library_persona(plugin_dir / (name + ".so")));
    }
    bare_scripts bare(scripts);
    const int rounds = args["rounds"].as<int>();
    const std::size_t reviews = tools.tools.size() * persona_names.size();
    std::cout << tools.tools.size() << " tools x " << persona_names.size() << " personas = " << reviews << " reviews, best of " << rounds << " rounds\n";
    const timing guarded = time_rounds(rounds, [&] { return review_all(sandboxed, tools); });
    const timing plain = time_rounds(rounds, [&] { return bare.review_all(tools); });
    const timing native = time_rounds(rounds, [&] { return review_all(plugins, tools); });
    report("lua sandboxed", guarded, reviews);
    report("lua bare     ", plain, reviews);
    report("c++ plugins  ", native, reviews);
    std::cout << "sandboxed / bare: " << guarded.best_seconds / plain.best_seconds << "\n";
    return guarded.checksum == plain.checksum && plain.checksum == native.checksum ? 0 : 1;
}
