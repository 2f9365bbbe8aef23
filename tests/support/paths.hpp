// Where the tests find the source tree, the built program and the built plugins.
#pragma once

#include <filesystem>

namespace verdict::test {

inline std::filesystem::path source_dir() { return VERDICT_SOURCE_DIR; }
/// The shipped catalog: catalog/ of the source tree.
inline std::filesystem::path stock_catalog() { return source_dir() / "catalog"; }
/// Where the stock persona plugins are built.
inline std::filesystem::path persona_dir() { return VERDICT_PERSONA_DIR; }
/// Where tests/fixtures/plugins/<name>.cpp are built, as <name>.so.
inline std::filesystem::path fixture_plugin_dir() { return VERDICT_FIXTURE_PLUGIN_DIR; }
/// The built verdict program.
inline std::filesystem::path verdict_binary() { return VERDICT_BINARY; }

}  // namespace verdict::test
