// verdict(1): the manual page, made from the same help every command prints,
// so the two cannot drift. The build writes it with `verdict __manual`.
#pragma once

#include "cli/command.hpp"

namespace verdict::cli {

/// Writes the manual page, in roff, to ctx.out.
exit_code write_manual_page(context& ctx);

}  // namespace verdict::cli
