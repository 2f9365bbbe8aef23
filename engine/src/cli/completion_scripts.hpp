// Shell completion for bash and zsh, made from every command's options as its
// help lists them, so a new option completes as soon as it exists. The build
// writes them with `verdict __completions bash|zsh`.
#pragma once

#include "cli/command.hpp"

#include <string>

namespace verdict::cli {

/// Writes the completion script for `shell` ("bash" or "zsh") to ctx.out; bad_input for another shell.
exit_code write_completion_script(const std::string& shell, context& ctx);

}  // namespace verdict::cli
