// Writing a whole buffer to a blocking descriptor, however many calls it takes.
#pragma once

#include <string_view>

namespace verdict {

/// Writes all of `bytes` to `fd`, going on after a partial write or an interrupted call; false on an error (errno
/// says which), with part of `bytes` perhaps written.
bool write_all(int fd, std::string_view bytes);

}  // namespace verdict
