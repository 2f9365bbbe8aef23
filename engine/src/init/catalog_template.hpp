// The catalog `verdict init` writes: the stock panel, two tools of the shipped
// catalog with a comparison between them, a site.json to fill in, a test
// fixture, copies of the schemas for editors' tools, and a README for editors. Compiled in, so a
// new catalog needs nothing but the program.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace verdict {

/// Each file of a new catalog: its path inside the catalog folder, and its bytes.
const std::vector<std::pair<std::string_view, std::string_view>>& catalog_template();

}  // namespace verdict
