// Synthetic catalog tools and comparison pairs, as JSON documents.
//
// Everything here is a pure function of the plan and an index: tool i is the
// same bytes whether the catalog holds 10 tools or 10,000, which keeps
// benchmark catalogs of different sizes comparable. Writing files is the
// program's job (generate_catalog.cpp), not this module's.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verdict::bench {

/// What to generate.
struct catalog_plan {
    std::uint64_t seed = 0;
    std::vector<std::string> categories;   ///< category names; tool i < categories.size() takes category i
    std::vector<std::string> seat_ids;     ///< the panel's seat ids in panel order, for the tools that list their own seats
};

/// What the comparison pairs need of a tool, kept after its document is written.
struct tool_key {
    std::string id;
    std::size_t category = 0;   ///< index into catalog_plan::categories
};

/// One generated tool.
struct generated_tool {
    nlohmann::ordered_json document;   ///< keys in the schema's order, like the hand-written tool files
    tool_key key;
};

/// The catalog's id rule (catalog/README.md): lower-cased, every run of other characters one hyphen.
std::string slug_of(std::string_view name);

/// `count` distinct category names: the stock list first, then the same names numbered ("Video 2").
std::vector<std::string> category_names(std::size_t count);

/// Tool number `index` (0-based) of the plan.
generated_tool make_tool(const catalog_plan& plan, std::size_t index);

/// {"categories": [...], "pairs": [["id-a", "id-b"], ...]}: pairs of tools of one category, each tool in at most
/// five pairs, the first id always the earlier tool.
nlohmann::ordered_json make_comparisons(const catalog_plan& plan, const std::vector<tool_key>& tools);

}  // namespace verdict::bench
