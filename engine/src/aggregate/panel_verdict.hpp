// From seat reviews to a panel verdict: counts, ship %, mean score, quorum.
#pragma once

#include "verdict/review.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

/// How one seat came out on one tool.
enum class seat_outcome { ship, skip, abstain, failed };

/// "ship", "skip", "abstain", "failed": how JSON documents and reports name an outcome.
std::string_view name_of(seat_outcome outcome);

/// One seat's review of one tool, or the reason it has none.
struct seat_review {
    std::string seat;                  ///< Seat id, e.g. "developer".
    std::string persona_name;          ///< Empty when the persona never loaded.
    std::string persona_version;
    std::optional<double> base;        ///< The settings in force; absent when the persona never loaded.
    std::optional<double> threshold;
    std::optional<review> result;      ///< Absent when the seat failed.
    std::string failure;               ///< Why the seat failed, naming the file at fault.
    std::vector<std::string> log;      ///< What the persona logged while reviewing (a script's ctx.log).
    std::string output;                ///< What the persona printed (captured by its worker); shown with a failure.
    bool shadow = false;               ///< A shadow seat's review is shown but never counted.

    seat_outcome outcome() const;
};

/// The panel's verdict on one tool.
struct panel_verdict {
    int ship = 0;
    int skip = 0;
    int abstain = 0;
    int failed = 0;
    int quorum = 0;
    std::string rule_set;
    std::optional<int> ship_pct;       ///< Share of voting seats that ship, rounded; absent without a quorum.
    std::optional<double> mean_score;  ///< Mean score of the voting seats; absent when none voted.
    std::vector<std::string> missing;  ///< Seats that did not vote, when the quorum is not met.

    int voting() const { return ship + skip; }
    bool quorum_met() const { return voting() >= quorum; }
    bool operator==(const panel_verdict&) const = default;
};

/// `part` of `whole` as a whole percentage, rounded half up (2 of 3 is 67); `whole` must be positive.
inline int percent_half_up(int part, int whole) { return (200 * part + whole) / (2 * whole); }

/// Aggregates `reviews`; only counting seats that voted ship or skip count toward the ship % and the mean. Shadow
/// seats are left out altogether: they are neither voters nor missing.
panel_verdict aggregate(const std::vector<seat_review>& reviews, int quorum, const std::string& rule_set);

}  // namespace verdict
