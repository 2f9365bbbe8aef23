#include "support/scratch_folder.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>

namespace verdict {

scratch_folder::scratch_folder(const char* purpose) {
    // Absolute, so a relative TMPDIR cannot make it mean different folders to programs started elsewhere.
    std::string pattern = (std::filesystem::absolute(std::filesystem::temp_directory_path()) / (std::string("verdict-") + purpose + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder " + pattern + ": " + std::strerror(errno));
    path_ = pattern;
}

scratch_folder::~scratch_folder() {
    std::error_code ignored;   // a folder that cannot be removed is left behind rather than failing the command
    std::filesystem::remove_all(path_, ignored);
}

}  // namespace verdict
