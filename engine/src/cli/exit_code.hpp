// Exit statuses every command shares.
#pragma once

namespace verdict::cli {

enum class exit_code : int {
    ok = 0,          ///< Everything reviewed or checked cleanly.
    failed = 1,      ///< A review or a check failed (a seat failed, a persona threw, ...).
    bad_input = 2,   ///< Bad usage, or a problem in the catalog or the panel configuration.
};

/// The more serious of two statuses.
constexpr exit_code worst(exit_code a, exit_code b) { return static_cast<int>(a) > static_cast<int>(b) ? a : b; }

}  // namespace verdict::cli
