// One tool file, read on its own: what a batch reads when it needs a tool,
// and what the catalog loader reads for each file of the folder.
#pragma once

#include "support/problem.hpp"
#include "verdict/tool.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

struct tool_file {
    std::filesystem::path path;
    std::optional<tool> subject;   ///< Absent when the file has any problem.
    std::string id;                ///< The id the file states, when it states one as a string.
    std::string name;              ///< Likewise its name and category, so a page can say which tool could not be read.
    std::string category;
};

/// The tool files of `<catalog_dir>/tools/` (every `*.json` not starting with a dot), in name order; a fatal
/// problem when the folder is missing, unreadable or not a folder.
std::vector<std::filesystem::path> tool_file_paths(const std::filesystem::path& catalog_dir, problem_list& problems);

/// Reads, validates and decodes `file`; `seat_ids` are the seats a tool may name. Checks that need other files (an
/// id claimed twice) are the caller's.
tool_file read_tool_file(const std::filesystem::path& file, const std::vector<std::string>& seat_ids, problem_list& problems);

/// Checks and decodes a tool given inside another file `shown`, at `pointer` (a test fixture's tool_facts): the tool
/// schema and the checks of a tool file, but for those against a file's name. Problems point into the outer file.
std::optional<tool> read_inline_tool(const nlohmann::json& document, const std::string& shown, const std::string& pointer,
                                     const std::vector<std::string>& seat_ids, problem_list& problems);

/// What a page shows of a tool whose file could not be read: its file's name as the id, and the name and category
/// the file states, if any.
tool placeholder_tool(const tool_file& file);

}  // namespace verdict
