// How one seat's review of one tool differs between two reviews: its verdict
// and score, the rules whose points moved, and the facts whose values changed.
// `verdict diff` compares two reviews made now; the batch's history compares a
// review made now with the one the state recorded when the tool was last
// reviewed, so both sides are reduced to the same snapshot.
#pragma once

#include "aggregate/panel_verdict.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// A rule whose points differ between the two sides: none on a side where it did not fire.
struct rule_move {
    std::string rule;
    std::optional<double> before;
    std::optional<double> after;
    bool operator==(const rule_move&) const = default;
};

/// A fact a rule weighed whose value differs between the two sides: none on a side where no rule weighed it.
struct fact_change {
    std::string fact;
    std::optional<std::string> before;
    std::optional<std::string> after;
    bool operator==(const fact_change&) const = default;
};

/// How one seat came out on one tool, on one side.
struct seat_result {
    std::string verdict;   ///< "ship", "skip", "abstain", "failed", or "not seated" when the seat does not sit on the tool.
    std::optional<double> score;
    bool shadow = false;   ///< The seat sits as a shadow: its verdict does not count.

    bool operator==(const seat_result&) const = default;
    /// The verdict the panel counts: empty for a shadow seat or a seat that does not sit.
    std::string counted() const { return shadow || verdict == "not seated" ? std::string() : verdict; }
};

/// One seat's review of one tool, before and after.
struct review_change {
    std::string tool_id;
    std::string seat;
    seat_result before;
    seat_result after;
    std::vector<rule_move> moves;

    /// The verdict the panel counts changed. A shadow seat's verdict never counts, so trying a persona as a shadow
    /// flips nothing, while promoting one flips every verdict it starts to count.
    bool flipped() const { return before.counted() != after.counted(); }
};

/// What a seat's review comes to, for comparing it with another: its result, each fired rule's points (summed when
/// a rule fired more than once), and the value of each fact a rule weighed, fired or not.
struct seat_snapshot {
    seat_result result{"not seated", std::nullopt, false};
    std::map<std::string, double> points;
    std::map<std::string, std::string> facts;
    bool operator==(const seat_snapshot&) const = default;
};

/// The snapshot of `s`; of a seat that does not sit when null.
seat_snapshot snapshot_of(const seat_review* s);

std::vector<rule_move> moves_between(const seat_snapshot& before, const seat_snapshot& after);
std::vector<fact_change> facts_between(const seat_snapshot& before, const seat_snapshot& after);

}  // namespace verdict
