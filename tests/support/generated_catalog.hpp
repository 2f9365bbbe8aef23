// Catalogs made by bench/generate-catalog, for tests that need more tools
// than the shipped catalog has.
#pragma once

#include <filesystem>

namespace verdict::test {

/// Runs bench/generate-catalog into `dir` with the shipped panel; fails the test when it cannot.
void generate_catalog(const std::filesystem::path& dir, int tools, int categories, int seed);

}  // namespace verdict::test
