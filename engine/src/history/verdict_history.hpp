// The history of every verdict, kept in the folder's state: each seat's review
// of each tool as last recorded (seat_reviews), and each change of a seat's
// verdict or score a run found, with its cause (history).
//
// A run finds changes while it reviews, a stretch of tools at a time, and
// stages them in temporary tables of its own connection: the whole catalog's
// seats are never held in memory, and nothing reaches the history until the
// run records itself, in the same transaction as its pages. A run that is
// killed or refused leaves the history as it was, and the next run finds the
// same changes again.
#pragma once

#include "history/recorded_change.hpp"
#include "panel/tool_review.hpp"
#include "state/state_database.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace verdict {

class verdict_history {
public:
    explicit verdict_history(state_database& state);

    /// Forgets what was staged: the tools are about to be reviewed again.
    void restart();
    /// Compares each seat of each review with the seat as last recorded and stages what changed: a seat that failed
    /// is left as it was recorded, and a tool reviewed for the first time is recorded without a change.
    void stage(const std::vector<tool_review>& reviews, const std::string& rule_set);
    /// True when a staged change or snapshot waits for publish().
    bool staged() const { return staged_; }
    /// True when a staged change waits for publish(): the site's feed of changes is then made again.
    bool changes_staged() const { return changes_staged_; }
    /// Moves what was staged into the history, as found by `run`, inside the caller's transaction.
    void publish(std::int64_t run);

    /// The last `count` changes of the tool `tool_id`, newest first, those staged by the run under way included.
    std::vector<recorded_change> recent(const std::string& tool_id, std::size_t count);
    /// The last `count` changes of the whole catalog, newest first, those staged included.
    std::vector<recorded_change> latest(std::size_t count);

private:
    state_database& state_;
    bool recorded_ = false;   ///< The history held a change when the run began: most runs' pages have none to look up.
    bool staged_ = false;
    bool changes_staged_ = false;
    std::unique_ptr<sqlite_statement> recent_staged_;   ///< Prepared once: recent() runs for every tool a page shows.
    std::unique_ptr<sqlite_statement> recent_kept_;
};

/// Every change the state `state` recorded of the tool `tool_id`, oldest first.
std::vector<recorded_change> timeline_of(state_database& state, const std::string& tool_id);

}  // namespace verdict
