// Helpers the host tests share: where a fixture plugin is built, how a call
// into the host ended, whether a library is still mapped into the process,
// and a tool to review.
#pragma once

#include "hosts/shared_library_host.hpp"
#include "support/paths.hpp"
#include "verdict/tool.hpp"

#include <dlfcn.h>

#include <exception>
#include <filesystem>
#include <string>
#include <vector>

namespace verdict::test {

/// tests/fixtures/plugins/<name>.cpp as built.
inline std::filesystem::path fixture_plugin(const std::string& name) { return fixture_plugin_dir() / (name + ".so"); }

/// A fixture plugin and the fragments its failure message must contain.
struct failure_case {
    const char* plugin;
    std::vector<std::string> fragments;
};

/// How a call ended: `ended` is "host_error", "no exception", "std::exception" or "another exception".
struct call_outcome {
    std::string ended;
    std::string message;
};

/// Runs `call` and reports how it ended. Tests compare `ended` with "host_error" rather than using
/// CHECK_THROWS_AS, so a failure shows what escaped instead of only that something did.
template <class Call> call_outcome outcome_of_call(Call&& call) {
    try {
        call();
        return {"no exception", ""};
    } catch (const host_error& error) {
        return {"host_error", error.what()};
    } catch (const std::exception& error) {
        return {"std::exception", error.what()};
    } catch (...) {
        return {"another exception", ""};
    }
}

/// True when `library` is still loaded. RTLD_NOLOAD never maps anything; it only finds a library
/// already loaded (matched by file identity), and takes a reference we give back at once.
inline bool is_mapped(const std::filesystem::path& library) {
    void* handle = dlopen(library.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    if (handle == nullptr) return false;
    dlclose(handle);
    return true;
}

/// A tool the developer persona ships: released, open, loads into standard stacks, runs locally.
inline tool probe_tool() {
    tool t;
    t.id = "probe-tool";
    t.name = "Probe Tool";
    t.vendor = "Example Labs";
    t.availability = release_stage::released;
    t.licence.open_weights = true;
    t.integrations = std::vector<std::string>{"PyTorch", "Hugging Face Transformers"};
    t.examples = examples_quality::working;
    t.deployment = std::vector<deployment_target>{deployment_target::local};
    t.distribution = std::vector<std::string>{"Hugging Face"};
    return t;
}

}  // namespace verdict::test
