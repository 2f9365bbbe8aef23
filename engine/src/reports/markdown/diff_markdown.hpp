// A catalog diff as Markdown, for a pull request's description or comment.
#pragma once

#include "diff/catalog_diff.hpp"

#include <string>

namespace verdict {

/// `before` and `after` name the two sides, e.g. the two panel files.
std::string render_diff_markdown(const catalog_diff& d, const std::string& before, const std::string& after);

}  // namespace verdict
