// Catalog statistics as a JSON document (docs/schema/stats.schema.json).
#pragma once

#include "stats/catalog_stats.hpp"

#include <nlohmann/json.hpp>

namespace verdict {

nlohmann::ordered_json stats_to_json(const catalog_stats& s);

}  // namespace verdict
