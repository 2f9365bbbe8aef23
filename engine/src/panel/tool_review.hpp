// Reviews one tool with its seats and aggregates the result.
#pragma once

#include "aggregate/panel_verdict.hpp"
#include "panel/panel.hpp"
#include "verdict/tool.hpp"

#include <string>
#include <vector>

namespace verdict {

/// A tool's panel review: every seat that sits on it, in panel order, and the verdict.
struct tool_review {
    const tool* subject = nullptr;
    std::vector<seat_review> seats;
    panel_verdict verdict;
    /// The problems of the tool's catalog file when it could not be read. The panel then did not review the tool:
    /// every seat is failed, and `subject` knows only the id its file is named for and what could be read of its name
    /// and category. Pages show these problems in place of the tool's facts.
    std::vector<std::string> unreadable;

    /// True when a seat failed, shadow seats included: the run's exit status says so.
    bool any_failed() const;
    /// The ids of the shadow seats among `seats`, in panel order.
    std::vector<std::string> shadow_seats() const;
    /// The review of seat `id`; null when that seat does not sit on this tool's panel.
    const seat_review* find_seat(const std::string& id) const;
};

/// "seat <id> failed: <why>" for each distinct failure among `reviews`, in review order: a persona that fails on
/// every tool is told once. What the persona printed, if anything, follows.
std::vector<std::string> seat_failures(const std::vector<tool_review>& reviews);

/// Each tool of `tools` reviewed by the seats that sit on it (by every seat, whether or not it sits there, when
/// `every_seat`), in order, in one call to the panel's host: a failing seat is recorded as failed and the others go
/// on. Each `tool_review` points at its tool, which must outlive it.
std::vector<tool_review> review_tools(const panel& p, const std::vector<const tool*>& tools, bool every_seat = false);

/// The seats `seat_ids` review each tool of `reviews` again, with `p`, and each verdict is aggregated anew: what a
/// change to those seats' personas reaches, the other seats' reviews kept. A seat that does not sit on a tool's
/// panel, and a tool whose file could not be read, are left as they are.
void review_seats_again(const panel& p, std::vector<tool_review>& reviews, const std::vector<std::string>& seat_ids);

/// Adds to `r` how seat `seat_id` would review its tool when the seat does not sit on that tool's panel, the panel's
/// verdict left as it is: what `explain --persona` shows of a seat being tried. False when nothing was added: the seat
/// sits there already, is not the panel's, or the tool's file could not be read.
bool add_unseated_review(const panel& p, tool_review& r, const std::string& seat_id);

/// Each seat reviews `t` once.
tool_review review_tool(const panel& p, const tool& t);

/// The review of a tool whose catalog file has `problems`: each seat that would sit on `placeholder` is failed
/// without being asked, and `problems` are kept as the review's `unreadable`.
tool_review unreadable_review(const panel& p, const tool& placeholder, std::vector<std::string> problems);

}  // namespace verdict
