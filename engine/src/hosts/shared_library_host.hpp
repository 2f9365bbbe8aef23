// Loads a persona from a shared library built against the persona SDK.
#pragma once

#include "hosts/persona_backend.hpp"

#include <filesystem>
#include <memory>

namespace verdict {

/// Loads `library` with every symbol resolved now, checks its API version
/// before calling into it, and creates its persona. Throws host_error naming
/// the file for every way this can fail.
std::unique_ptr<persona_backend> load_shared_library_persona(const std::filesystem::path& library);

}  // namespace verdict
