// The verdict program: a thin main over the engine library.
//
// Stock personas are found next to the program, in ../lib/verdict/personas,
// both in the build tree and after installation, so no flag or environment
// variable is needed to run the shipped panel. The same program is the
// engine's worker (`verdict __worker`, never typed by a user): the engine
// starts it to run personas away from itself.
#include "cli/command.hpp"
#include "workers/worker_main.hpp"

#include <boost/dll/runtime_symbol_info.hpp>

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "__worker") == 0) return verdict::run_worker();
    std::error_code ec;
    const std::filesystem::path program = boost::dll::program_location(ec);
    verdict::cli::context ctx{std::cout, std::cerr, (program.parent_path().parent_path() / "lib/verdict/personas").lexically_normal(), program};
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
