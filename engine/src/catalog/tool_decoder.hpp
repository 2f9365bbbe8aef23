// Turns a schema-valid tool document into the SDK's tool facts.
#pragma once

#include "verdict/tool.hpp"

#include <nlohmann/json.hpp>

namespace verdict {

/// `document` must already have passed the tool schema; absent fields stay absent.
tool decode_tool(const nlohmann::json& document);

}  // namespace verdict
