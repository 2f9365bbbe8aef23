// Loads a persona from a Lua script, into a panel's shared script engine.
#pragma once

#include "hosts/lua/script_engine.hpp"
#include "hosts/lua/script_limits.hpp"
#include "hosts/persona_backend.hpp"

#include <filesystem>
#include <memory>

namespace verdict {

/// Loads `script` as text into a fresh sandboxed environment of `engine`, runs its top level within the load
/// limits, and checks the table it returns. Throws host_error naming the script (and line) on any failure.
std::unique_ptr<persona_backend> load_script_persona(const std::filesystem::path& script, std::shared_ptr<script_engine> engine,
                                                     const script_limits& limits);

}  // namespace verdict
