// A catalog diff as a JSON document (docs/schema/diff.schema.json).
#pragma once

#include "diff/catalog_diff.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace verdict {

/// One seat's change: its tool, seat, whether the counted verdict flipped, before, after, and the rules that moved.
nlohmann::ordered_json review_change_to_json(const review_change& c);

nlohmann::ordered_json diff_to_json(const catalog_diff& d, const std::string& before, const std::string& after);

}  // namespace verdict
