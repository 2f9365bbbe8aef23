// The limits every script persona runs under, configurable in panel.json.
#pragma once

#include <cstddef>
#include <cstdint>

namespace verdict {

struct script_limits {
    std::uint64_t instructions_per_review = 20'000'000;   ///< Lua VM instructions one review may run.
    std::uint64_t instructions_per_load = 2'000'000;      ///< Instructions the script's top level may run when loaded.
    std::size_t memory_bytes = 64u << 20;                 ///< Memory the persona may hold at once, kept between calls or not.
    std::size_t source_bytes = 256u << 10;                ///< Largest script file accepted.
    double seconds = 10;   ///< Wall-clock time one call may take: a safety net behind the instruction budget.
};

}  // namespace verdict
