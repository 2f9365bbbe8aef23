// Reads whole files at once: inputs are small, and a size cap keeps a
// mistaken multi-gigabyte file from exhausting memory before parsing starts.
#include "support/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

namespace verdict {

std::string display_path(const std::filesystem::path& path) {
    std::error_code ec;
    const auto relative = std::filesystem::proximate(path, ec);
    if (ec || relative.empty() || *relative.begin() == "..") return path.lexically_normal().generic_string();
    return relative.generic_string();
}

std::optional<std::string> read_text_file(const std::filesystem::path& path, std::size_t max_bytes, problem_list& problems) {
    const std::string shown = display_path(path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        problems.push_back({shown, "", "a readable file", std::filesystem::exists(path, ec) ? "something that is not a file" : "no such file", ""});
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_bytes) {
        problems.push_back({shown, "", "a file of at most " + std::to_string(max_bytes) + " bytes", std::to_string(size) + " bytes", ""});
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    if (in) bytes << in.rdbuf();
    if (!in || ec) {
        problems.push_back({shown, "", "a readable file", std::string("a read error (") + std::strerror(errno) + ")", ""});
        return std::nullopt;
    }
    return bytes.str();
}

}  // namespace verdict
