// A tool's data as the comparison and tool pages' front matter hold it, with
// the names and values the JSON pages use, so a site template can read either.
#pragma once

#include "compare/comparison.hpp"
#include "reports/markdown/yaml_front_matter.hpp"

namespace verdict {

/// The keys of one tool (id, name, category, vendor, tagline, pricing, panel, community) into the map open in `fm`;
/// when its catalog file could not be read, its unknown facts null and its file's problems as `problems`.
void append_tool_data(yaml_front_matter& fm, const page_tool& t);

}  // namespace verdict
