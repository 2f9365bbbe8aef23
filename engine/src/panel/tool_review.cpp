#include "panel/tool_review.hpp"

#include <algorithm>
#include <set>

namespace verdict {
namespace {

// The seat's identity and settings, before it reviews anything.
seat_review seat_header(const seat& s) {
    seat_review out;
    out.seat = s.config.id;
    out.shadow = s.config.shadow;
    if (s.backend) {
        out.base = s.effective.base;
        out.threshold = s.effective.threshold;
        out.persona_name = s.backend->identity().display_name;
        out.persona_version = s.backend->identity().version;
    }
    return out;
}

seat_review review_by_seat(const seat& s, const tool& t) {
    seat_review out = seat_header(s);
    if (!s.failure.empty()) {
        out.failure = s.failure;
        return out;
    }
    try {
        out.result = s.backend->review_tool(t, s.effective, &out.log);
    } catch (const host_error& error) {
        out.failure = error.what();
    } catch (const std::exception& error) {   // a host's own fault: the seat fails, the panel goes on
        out.failure = s.backend->source() + ": review of " + t.id + ": internal error: " + error.what();
    }
    return out;
}

}  // namespace

bool tool_review::any_failed() const {
    return std::any_of(seats.begin(), seats.end(), [](const seat_review& s) { return !s.result; });
}

std::vector<std::string> tool_review::shadow_seats() const {
    std::vector<std::string> ids;
    for (const seat_review& s : seats)
        if (s.shadow) ids.push_back(s.seat);
    return ids;
}

const seat_review* tool_review::find_seat(const std::string& id) const {
    for (const seat_review& s : seats)
        if (s.seat == id) return &s;
    return nullptr;
}

std::vector<std::string> seat_failures(const std::vector<tool_review>& reviews) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const tool_review& r : reviews)
        for (const seat_review& s : r.seats)
            if (r.unreadable.empty() && !s.result && seen.insert(s.failure).second) out.push_back("seat " + s.seat + " failed: " + s.failure);
    return out;
}

tool_review review_tool(const panel& p, const tool& t) {
    tool_review out;
    out.subject = &t;
    for (const seat* s : p.seats_for(t)) out.seats.push_back(review_by_seat(*s, t));
    out.verdict = aggregate(out.seats, p.config().quorum, p.config().rule_set);
    return out;
}

tool_review unreadable_review(const panel& p, const tool& placeholder, std::vector<std::string> problems) {
    tool_review out;
    out.subject = &placeholder;
    for (const seat* s : p.seats_for(placeholder)) {
        out.seats.push_back(seat_header(*s));
        out.seats.back().failure = "not reviewed: the tool's catalog file has problems";
    }
    out.verdict = aggregate(out.seats, p.config().quorum, p.config().rule_set);
    out.unreadable = std::move(problems);
    return out;
}

}  // namespace verdict
