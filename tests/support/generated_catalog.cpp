#include "support/generated_catalog.hpp"

#include "support/paths.hpp"
#include "support/process.hpp"

#include <catch2/catch.hpp>

#include <string>

namespace verdict::test {

void generate_catalog(const std::filesystem::path& dir, int tools, int categories, int seed) {
    const auto run = run_process(VERDICT_GENERATOR,
                                 {"--tools", std::to_string(tools), "--categories", std::to_string(categories), "--seed", std::to_string(seed),
                                  "--out", dir.string(), "--panel", (stock_catalog() / "panel.json").string()},
                                 source_dir());
    INFO(VERDICT_GENERATOR << ": " << run.out << run.err);
    REQUIRE(run.exit_code == 0);
}

}  // namespace verdict::test
