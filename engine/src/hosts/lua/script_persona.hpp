// Loads a persona from a Lua script, into a sandboxed Lua state of its own.
#pragma once

#include "hosts/lua/script_limits.hpp"
#include "hosts/persona_backend.hpp"

#include <filesystem>
#include <memory>

namespace verdict {

/// Loads `script` as text into a sandboxed state of its own, runs its top level within the load limits, and checks
/// the table it returns. Throws host_error naming the script (and line) on any failure. Each review runs the top
/// level again in a fresh environment, so no review sees what another left.
std::unique_ptr<persona_backend> load_script_persona(const std::filesystem::path& script, const script_limits& limits);

}  // namespace verdict
