// Catalog statistics as plain text: a table of seats, the panel's agreement,
// agreement between each pair of seats, then each seat's rules.
#pragma once

#include "stats/catalog_stats.hpp"

#include <ostream>

namespace verdict {

void write_stats_text(std::ostream& out, const catalog_stats& s);

}  // namespace verdict
