// The verdict program: a thin main over the engine library.
//
// Stock personas are found next to the program, in ../lib/verdict/personas,
// both in the build tree and after installation, so no flag or environment
// variable is needed to run the shipped panel.
#include "cli/command.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <iostream>

int main(int argc, char** argv) {
    std::error_code ec;
    const std::filesystem::path program = boost::dll::program_location(ec);
    verdict::cli::context ctx{std::cout, std::cerr, (program.parent_path().parent_path() / "lib/verdict/personas").lexically_normal()};
    verdict::cli::exit_code status = verdict::cli::exit_code::failed;
    try {
        status = verdict::cli::run(std::vector<std::string>(argv + 1, argv + argc), ctx);
    } catch (const std::exception& error) {   // a fault of the engine's own: said, with the failed status, never an abort
        std::cerr << "verdict: error: internal error: " << error.what() << "\n";
    }
    std::cout.flush();
    if (!std::cout) {   // a full disk or a closed pipe: the output is lost, so the run must not look successful
        std::cerr << "verdict: error: cannot write standard output\n";
        return static_cast<int>(verdict::cli::worst(status, verdict::cli::exit_code::failed));
    }
    return static_cast<int>(status);
}
