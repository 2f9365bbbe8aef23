// What each page is made from, reduced to a hash: the batch compares it with
// the manifest's to decide whether a page must be made again.
//
// A tool's part is hashed from its review as reviewed this run, not from the
// persona's settings, so a settings change remakes only the pages whose
// reviews it actually changed.
#pragma once

#include "compare/comparison.hpp"
#include "panel/panel_config.hpp"

#include <string>
#include <string_view>

namespace verdict {

/// Bumped whenever a renderer changes what it writes for the same inputs, so every page is made again.
inline constexpr std::string_view page_renderer_version = "pages-1";

/// The facts a page shows of `t`, its panel review (every seat's verdict, score, quote, reasons, failure) and its
/// community vote.
std::string tool_fingerprint(const page_tool& t);

/// What every page depends on beyond its tools: the engine and renderer versions, the rule set, the seat order and
/// the community rules.
std::string site_fingerprint(const panel_config& config);

}  // namespace verdict
