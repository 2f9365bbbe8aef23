// Runs the real verdict program and captures what it prints.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace verdict::test {

struct process_result {
    int exit_code = -1;     ///< The exit status, or 128 + signal when killed by one.
    std::string out;
    std::string err;
};

/// Runs `program` with `args` in `working_dir`, stdin closed, and waits for it.
process_result run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                           const std::filesystem::path& working_dir);

/// What an independent validator (python3-jsonschema) finds wrong with `document` against docs/schema/<schema>.schema.json;
/// empty when it validates.
std::string json_schema_errors(const std::string& schema, const std::string& document);

/// Runs the built verdict program with `args`, from the source tree unless `working_dir` is given.
process_result run_verdict(const std::vector<std::string>& args, const std::filesystem::path& working_dir = {});

}  // namespace verdict::test
