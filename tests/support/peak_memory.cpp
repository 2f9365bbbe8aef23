#include "support/peak_memory.hpp"

#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

namespace verdict::test {

measured_run run_verdict_measured(const std::vector<std::string>& args) {
    temp_dir dir;
    const std::filesystem::path report = dir.path() / "peak-kb";
    std::vector<std::string> argv{report.string(), verdict_binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    measured_run run{run_process(VERDICT_PEAK_RSS, argv, source_dir()), -1};
    const std::string kb = read_file(report);
    if (!kb.empty()) run.peak_kb = std::stol(kb);
    return run;
}

}  // namespace verdict::test
