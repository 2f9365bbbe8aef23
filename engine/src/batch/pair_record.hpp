// The comparisons as the last run resolved them, kept in the state's pairs table.
// Parsing and validating comparisons.json and resolving its ids and
// categories is a sixth of a one-tool change's cost at 50,000 comparisons;
// a run whose comparisons.json and tools' ids and categories are as they
// were takes the pairs from here instead.
//
// The record is keyed by a hash of everything the pairs follow from: the
// engine's version, the bytes of comparisons.json, and every tool's id and
// category in id order. It holds the pairs as positions in that order, so it
// is only ever read against the same list of tools.
#pragma once

#include "state/state_database.hpp"
#include "catalog/catalog.hpp"
#include "catalog/comparisons.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verdict {

struct pair_record {
    std::string key;                                          ///< comparisons_key() of what the pairs follow from.
    std::vector<std::pair<std::size_t, std::size_t>> pairs;   ///< Positions of the left and right tools, in page order.
};

/// A tool as the pairs follow from it.
struct paired_tool {
    std::string_view id;
    std::string_view category;
};

/// The key of `<catalog_dir>/comparisons.json` read against `tools` (every tool, in id order); nullopt when the file
/// cannot be read (the comparisons are then loaded, and their problems reported, as usual).
std::optional<std::string> comparisons_key(const std::filesystem::path& catalog_dir, const std::vector<paired_tool>& tools);

/// The tools of `tools` as the pairs follow from them.
std::vector<paired_tool> paired_tools(const catalog& tools);

/// `pairs` (pointing into `tools`) as a record under `key`.
pair_record record_of(std::string key, const std::vector<comparison_pair>& pairs, const catalog& tools);

/// The state's record when it was made under `key` for `tool_count` tools; nullopt when there is none, it was made
/// under another key, or a position is out of range.
std::optional<pair_record> read_pair_record(state_database& state, const std::string& key, std::size_t tool_count);

/// The pairs of `record`, pointing into `tools` (those the record was read for).
std::vector<comparison_pair> pairs_in(const pair_record& record, const catalog& tools);

/// Records `record` in place of the state's, inside the caller's transaction.
void record_pair_record(state_database& state, const pair_record& record);

}  // namespace verdict
