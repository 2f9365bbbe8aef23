// A private folder under the system's temporary folder, removed with what is
// in it when the object goes, however the command ends.
#pragma once

#include <filesystem>

namespace verdict {

class scratch_folder {
public:
    /// Creates a new, empty folder named after `purpose` ("verdict-<purpose>-XXXXXX"); throws std::runtime_error
    /// when it cannot.
    explicit scratch_folder(const char* purpose);
    ~scratch_folder();
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace verdict
