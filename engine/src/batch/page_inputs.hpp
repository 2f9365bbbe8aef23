// What each page is made from, reduced to a hash: the batch compares it with
// the manifest's to decide whether a page must be made again.
//
// A tool's part is hashed from its review as reviewed this run, not from the
// persona's settings, so a settings change remakes only the pages whose
// reviews it actually changed. The review's part is kept between runs
// (review_records.hpp); the community's is taken from this run's votes.
#pragma once

#include "catalog/site_settings.hpp"
#include "compare/comparison.hpp"
#include "panel/panel_config.hpp"

#include <string>
#include <string_view>

namespace verdict {

/// Bumped whenever a renderer changes what it writes for the same inputs, so every page is made again.
inline constexpr std::string_view page_renderer_version = "pages-3";

/// The facts a page shows of a tool and its panel review: every seat's verdict, score, quote, reasons and failure,
/// and the problems of a file that could not be read.
std::string review_fingerprint(const tool_review& r);

/// All a page shows of one tool: its review's fingerprint and its community vote.
std::string tool_fingerprint(const std::string& review, const community_score& community);

/// What every page depends on beyond its tools: the engine and renderer versions, the rule set, the seat order, the
/// community rules, and the site's settings.
std::string site_fingerprint(const panel_config& config, const site_settings& site);

}  // namespace verdict
