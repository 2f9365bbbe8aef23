#include "panel/tool_review.hpp"

namespace verdict {
namespace {

seat_review review_by_seat(const seat& s, const tool& t) {
    seat_review out;
    out.seat = s.config.id;
    if (s.backend) {
        out.base = s.effective.base;
        out.threshold = s.effective.threshold;
        out.persona_name = s.backend->identity().display_name;
        out.persona_version = s.backend->identity().version;
    }
    if (!s.failure.empty()) {
        out.failure = s.failure;
        return out;
    }
    try {
        out.result = s.backend->review_tool(t, s.effective);
    } catch (const host_error& error) {
        out.failure = error.what();
    }
    return out;
}

}  // namespace

tool_review review_tool(const panel& p, const tool& t) {
    tool_review out;
    out.subject = &t;
    for (const seat* s : p.seats_for(t)) out.seats.push_back(review_by_seat(*s, t));
    out.verdict = aggregate(out.seats, p.config().quorum, p.config().rule_set);
    return out;
}

}  // namespace verdict
