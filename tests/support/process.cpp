// The program runs as the engine runs git (support/child_process). Every JSON
// page it prints is checked against its schema on the way back.
#include "support/process.hpp"

#include "support/child_process.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

namespace verdict::test {

process_result run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                           const std::filesystem::path& working_dir) {
    std::vector<std::string> argv{program.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    program_result ran = verdict::run_program(argv, working_dir);
    return {ran.exit_code, std::move(ran.out), std::move(ran.err)};
}

namespace {

// The schema a JSON output of `args` must follow, or an empty name when it prints no JSON document.
std::string schema_for(const std::vector<std::string>& args) {
    const bool json = std::find(args.begin(), args.end(), "json") != args.end();
    const bool to_file = std::find(args.begin(), args.end(), "-o") != args.end() || std::find(args.begin(), args.end(), "--output") != args.end();
    if (!json || to_file || args.empty()) return "";
    if (args[0] == "compare") return "comparison";
    if (args[0] == "index") return std::find(args.begin(), args.end(), "--category") != args.end() ? "category" : "index";
    for (const char* command : {"review", "explain", "diff", "test", "stats", "history"})
        if (args[0] == command) return command;
    return "";
}

}  // namespace

std::string json_schema_errors(const std::string& schema, const std::string& document) {
    temp_dir dir;
    write_file(dir.path() / "document.json", document);
    const auto check = run_process(VERDICT_PYTHON,
                                   {(source_dir() / "tests/tools/validate_json.py").string(), "--schema",
                                    (source_dir() / "docs/schema" / (schema + ".schema.json")).string(), "--document",
                                    (dir.path() / "document.json").string()},
                                   dir.path());
    if (check.exit_code == 0) return "";
    return "validate_json.py exited " + std::to_string(check.exit_code) + ":\n" + check.out + check.err;
}

process_result run_verdict(const std::vector<std::string>& args, const std::filesystem::path& working_dir) {
    process_result result = run_process(verdict_binary(), args, working_dir.empty() ? source_dir() : working_dir);
    const std::string schema = schema_for(args);
    // Every JSON page a test makes verdict print goes through the independent validator.
    if (!schema.empty() && !result.out.empty()) {
        const std::string errors = json_schema_errors(schema, result.out);
        if (!errors.empty()) FAIL_CHECK("verdict's JSON output breaks docs/schema/" << schema << ".schema.json:\n" << errors);
    }
    return result;
}

}  // namespace verdict::test
