// The worker side: `verdict __worker`, a process the engine starts to run a
// panel's personas, so that whatever a persona does to its process (crash,
// hang, exit, flood memory, print) happens away from the engine.
#pragma once

#include <cstddef>
#include <string>

namespace verdict {

/// The descriptors a worker is started with, besides 1 and 2, which point at a file the engine reads back as the
/// personas' captured output.
inline constexpr int worker_channel_fd = 3;   ///< A socket: requests in, answers out.
inline constexpr int worker_watch_fd = 4;     ///< The shared watch slot (watch_slot.hpp).

/// What a worker may keep of what one review printed, in bytes.
inline constexpr std::size_t max_captured_output_bytes = 4096;

/// What the capture file `fd` holds, cut to max_captured_output_bytes and saying how much more there was.
std::string captured_output(int fd);

/// Runs the worker until the engine closes the channel; returns the exit status.
int run_worker();

}  // namespace verdict
