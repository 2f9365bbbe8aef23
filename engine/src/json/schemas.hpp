// The catalog's schemas, compiled into the engine from catalog/schema/.
//
// The engine's decoders are written against these exact schemas, so they are
// embedded at build time rather than read from whichever catalog is loaded.
#pragma once

#include "json/schema_validator.hpp"

#include <string_view>

namespace verdict {

std::string_view tool_schema_text();    ///< catalog/schema/tool.schema.json
std::string_view panel_schema_text();   ///< catalog/schema/panel.schema.json
std::string_view comparisons_schema_text();   ///< catalog/schema/comparisons.schema.json
std::string_view fixtures_schema_text();      ///< catalog/schema/fixtures.schema.json
std::string_view site_schema_text();          ///< catalog/schema/site.schema.json

const schema_validator& tool_schema();
const schema_validator& panel_schema();
const schema_validator& comparisons_schema();
const schema_validator& fixtures_schema();
const schema_validator& site_schema();

}  // namespace verdict
