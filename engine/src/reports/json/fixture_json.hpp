// A `verdict test` run as a JSON document (docs/schema/test.schema.json).
#pragma once

#include "fixtures/fixture_check.hpp"

#include <nlohmann/json.hpp>

#include <memory>
#include <vector>

namespace verdict {

nlohmann::ordered_json fixture_run_to_json(const std::vector<std::unique_ptr<fixture_outcome>>& outcomes);

}  // namespace verdict
