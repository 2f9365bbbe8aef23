// Throwaway catalogs for tests: a temporary folder holding panel.json and tools/.
#pragma once

#include "support/scratch_folder.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace verdict::test {

/// A temporary directory, removed with everything in it when the object dies.
class temp_dir : public scratch_folder {
public:
    temp_dir() : scratch_folder("test") {}
};

/// The bytes of `file`, or an empty string when it cannot be read.
std::string read_file(const std::filesystem::path& file);

/// The JSON document in `file`.
nlohmann::json read_json(const std::filesystem::path& file);

/// Writes `text` to `file`, creating its folders.
void write_file(const std::filesystem::path& file, const std::string& text);

/// The stock panel configuration (catalog/panel.json), for tests to modify.
nlohmann::json stock_panel_json();

/// A schema-valid tool with only the required facts: id, name (from the id), vendor, category, tagline,
/// description and pricing.entry "free". Tests add the facts they need.
nlohmann::json minimal_tool(const std::string& id);

/// A catalog in a temporary folder: starts with the stock panel.json, no tools and no comparisons.
class temp_catalog {
public:
    temp_catalog();

    const std::filesystem::path& path() const { return dir_.path(); }
    /// Writes panel.json.
    void set_panel(const nlohmann::json& panel) const;
    /// Writes tools/<tool["id"]>.json.
    void add_tool(const nlohmann::json& tool) const;
    /// Writes tools/<file_name> with `text` exactly as given (for malformed files).
    void add_raw_tool_file(const std::string& file_name, const std::string& text) const;
    /// Copies every tool of the shipped catalog.
    void add_stock_tools() const;

private:
    temp_dir dir_;
};

}  // namespace verdict::test
