// Verdicts' changes as JSON: a tool's timeline for `verdict history`
// (docs/schema/history.schema.json), and the changes a page shows.
#pragma once

#include "history/recorded_change.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace verdict {

/// One change as a page shows it: labelled by rule set and data date, with its cause and its line of text.
nlohmann::ordered_json change_to_json(const recorded_change& c);

/// A tool's timeline, oldest first, each change with the run that found it and when that run began.
nlohmann::ordered_json history_to_json(const std::string& tool_id, const std::vector<recorded_change>& changes);

}  // namespace verdict
