// The batch's only way to change files: one interface, so that tests can make
// a write fail at any point and check what a failure leaves behind.
#pragma once

#include "support/atomic_file.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace verdict {

class file_writer {
public:
    virtual ~file_writer() = default;
    /// Replaces `path` with `bytes` atomically; an empty string on success, else why it failed.
    virtual std::string write(const std::filesystem::path& path, std::string_view bytes) = 0;
    /// Deletes `path`; an empty string on success (or when it is already gone), else why it failed.
    virtual std::string remove(const std::filesystem::path& path) = 0;
};

/// Writes through write_file_atomically(): a temporary in the same folder, renamed into place. A write into a missing
/// folder whose parent exists makes the folder; a delete that leaves its folder empty deletes the folder too.
class disk_writer : public file_writer {
public:
    std::string write(const std::filesystem::path& path, std::string_view bytes) override;
    std::string remove(const std::filesystem::path& path) override;
};

}  // namespace verdict
