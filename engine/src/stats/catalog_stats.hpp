// What the panel does across the whole catalog: per seat, how it votes and
// how often each of its rules fires; between seats, how often they agree;
// for the panel, Fleiss' kappa and whose vote decides the majority. What a
// maintainer reads to see whether a rule earns its place.
#pragma once

#include "panel/panel.hpp"
#include "panel/tool_review.hpp"

#include <optional>
#include <string>
#include <vector>

namespace verdict {

/// One rule of a seat's persona over the catalog.
struct rule_stats {
    std::string rule;
    double weight = 0;     ///< In force.
    int weighed = 0;       ///< Reviews that weighed it (its fact was known), when the persona records that.
    int fired = 0;         ///< Reviews it gave points in.
    std::optional<double> mean_points;   ///< Over the reviews it fired in.
};

/// One seat over the catalog.
struct seat_stats {
    std::string seat;
    bool shadow = false;
    int seated = 0;        ///< Tools the seat sits on.
    int ship = 0;
    int skip = 0;
    int abstain = 0;
    int failed = 0;
    std::optional<double> mean_score;    ///< Over its ship and skip votes.
    std::vector<rule_stats> rules;       ///< Every rule the persona declares, in id order; empty when it never loaded.
    /// Of its counted votes on tools whose panel has its quorum, those that decide the panel's majority: had the seat
    /// voted the other way, the majority (ship, skip or a tie) would differ. None for a shadow seat, whose vote never
    /// counts.
    std::optional<int> decisive;
    int counted_votes = 0;               ///< The votes `decisive` is out of.

    int votes() const { return ship + skip; }
};

/// How often two seats agree, over the tools both voted on (ship or skip).
struct pair_agreement {
    std::string first;
    std::string second;
    int both_voted = 0;
    int agreed = 0;
};

/// Fleiss' kappa over the counting seats' ship and skip votes, one subject per tool with at least two votes; the number
/// of votes may differ between tools. None when no tool has two votes, or when every vote is the same.
struct panel_agreement {
    int tools = 0;
    int votes = 0;
    std::optional<double> observed;   ///< Mean agreement between pairs of votes on the same tool.
    std::optional<double> expected;   ///< The agreement chance alone would give, from the share of ship votes.
    std::optional<double> kappa;
};

struct catalog_stats {
    int tools = 0;
    std::string rule_set;
    std::vector<seat_stats> seats;          ///< In panel order, shadow seats included.
    std::vector<pair_agreement> pairs;      ///< Every pair of seats, in panel order.
    panel_agreement panel;
};

/// The statistics of `reviews`, made by `seats`.
catalog_stats compute_stats(const std::vector<tool_review>& reviews, const panel& seats);

/// The votes part of the statistics: pairwise agreement, Fleiss' kappa, decisive votes (stats/agreement.cpp).
void add_agreement(const std::vector<tool_review>& reviews, catalog_stats& out);

}  // namespace verdict
