// Whether each tool's seats suit who the tool is for. The fourth seat is the
// business persona's or the creator's; a tool made for creators reviewed by
// the business seat, or a tool for companies reviewed by the creator, gets a
// verdict from the wrong reader. Lint warns, naming the seat list that fits.
#pragma once

#include "catalog/catalog.hpp"
#include "panel/panel.hpp"
#include "support/problem.hpp"

#include <filesystem>

namespace verdict {

/// A warning for each tool of `tools` whose audience and seats disagree: made for creators (and for no kind of
/// company) yet seated with the business persona and without the creator, or made for companies (and not for
/// creators) yet seated with the creator and without the business persona. Each names the tool's file, the seats
/// that review it, and the "seats" list that swaps the one for the other.
problem_list seat_fit_warnings(const panel& seats, const catalog& tools, const std::filesystem::path& catalog_dir);

}  // namespace verdict
