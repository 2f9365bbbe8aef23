// A change of one seat's verdict or score, as the batch's history records it.
#pragma once

#include "diff/seat_change.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace verdict {

/// One change of one seat's review of one tool, as a run recorded it. Labelled by the rule set and the tool's data
/// date, never by the time of the run, so that pages made from it are the same bytes whenever they are made.
struct recorded_change {
    std::int64_t run = 0;            ///< The run that found it; 0 for the run under way.
    std::string rule_set;
    std::string data_date;           ///< The tool's "updated" date when the change was found.
    review_change change;
    std::vector<fact_change> facts;  ///< The facts a rule weighed whose values changed.
    /// When the run began (UTC), for `verdict history` only: a page that showed it would change with every run.
    std::string run_started;
};

/// How many of a tool's changes its pages show, newest first.
inline constexpr std::size_t changes_shown = 3;

}  // namespace verdict
