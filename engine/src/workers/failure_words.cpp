#include "workers/failure_words.hpp"

#include "verdict/review.hpp"

#include <cstring>
#include <sys/wait.h>

namespace verdict {

std::string went_over_memory(std::uint64_t cap_bytes) { return "went over its worker's memory cap of " + std::to_string(cap_bytes >> 20) + " MiB"; }

std::string ran_past(double seconds) { return "ran past its " + number_text(seconds) + " s limit and was stopped"; }

std::string ended_as(int wait_status) {
    if (WIFSIGNALED(wait_status)) {
        const char* name = ::sigabbrev_np(WTERMSIG(wait_status));
        return std::string("crashed (") + (name ? "SIG" + std::string(name) : "signal " + std::to_string(WTERMSIG(wait_status))) + ")";
    }
    return "exited (status " + std::to_string(WEXITSTATUS(wait_status)) + ")";
}

std::string seat_failure(const std::string& file, const std::string& tool_id, const std::string& cause) {
    return file + ": " + (tool_id.empty() ? std::string("loading") : "review of " + tool_id) + ": " + cause;
}

}  // namespace verdict
