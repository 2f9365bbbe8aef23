// How a seat's failure is worded when its worker had to be stopped or died:
// the cause in words a maintainer can act on, after the file and the tool,
// in the shape every seat failure has ("<file>: review of <id>: <cause>").
#pragma once

#include <cstdint>
#include <string>

namespace verdict {

/// "went over its worker's memory cap of 576 MiB".
std::string went_over_memory(std::uint64_t cap_bytes);

/// "ran past its 10 s limit and was stopped".
std::string ran_past(double seconds);

/// How a process ended, from its wait status: "crashed (SIGSEGV)", "exited (status 0)".
std::string ended_as(int wait_status);

/// "<file>: review of <tool>: <cause>" or, while loading, "<file>: loading: <cause>".
std::string seat_failure(const std::string& file, const std::string& tool_id, const std::string& cause);

}  // namespace verdict
