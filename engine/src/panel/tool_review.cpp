#include "panel/tool_review.hpp"

#include "support/display_text.hpp"

#include <algorithm>
#include <set>

namespace verdict {
namespace {

// The seat's identity and settings, before it reviews anything.
seat_review seat_header(const seat& s) {
    seat_review out;
    out.seat = s.config.id;
    out.shadow = s.config.shadow;
    if (s.loaded) {
        out.base = s.effective.base;
        out.threshold = s.effective.threshold;
        out.persona_name = s.identity.display_name;
        out.persona_version = s.identity.version;
    }
    return out;
}

// What a failed seat's persona printed, as a clause to follow its failure, shown as one line of plain text.
std::string printed_by(const seat_review& s) {
    return s.output.empty() ? "" : " (it printed: \"" + printable_text(s.output) + "\")";
}

std::vector<const seat*> every_seat_of(const panel& p) {
    std::vector<const seat*> out;
    for (const seat& s : p.seats()) out.push_back(&s);
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
            if (r.unreadable.empty() && !s.result && seen.insert(s.failure).second)
                out.push_back("seat " + s.seat + " failed: " + s.failure + printed_by(s));
    return out;
}

std::vector<tool_review> review_tools(const panel& p, const std::vector<const tool*>& tools, bool every_seat) {
    std::vector<review_job> jobs;
    std::vector<std::vector<const seat*>> seated;
    for (const tool* t : tools) {
        seated.push_back(every_seat ? every_seat_of(p) : p.seats_for(*t));
        review_job job{t, {}};
        for (const seat* s : seated.back())
            if (s->failure.empty()) job.seats.push_back(p.index_of(*s));
        jobs.push_back(std::move(job));
    }
    std::vector<std::vector<hosted_review>> results = p.run(jobs);
    std::vector<tool_review> out;
    for (std::size_t j = 0; j < tools.size(); ++j) {
        tool_review r;
        r.subject = tools[j];
        std::size_t next = 0;
        for (const seat* s : seated[j]) {
            seat_review one = seat_header(*s);
            if (!s->failure.empty()) one.failure = s->failure;
            else {
                hosted_review& result = results[j][next++];
                one.result = std::move(result.result);
                one.failure = std::move(result.failure);
                one.log = std::move(result.log);
                one.output = std::move(result.output);
            }
            r.seats.push_back(std::move(one));
        }
        r.verdict = aggregate(r.seats, p.config().quorum, p.config().rule_set);
        out.push_back(std::move(r));
    }
    return out;
}

tool_review review_tool(const panel& p, const tool& t) { return std::move(review_tools(p, {&t}).front()); }

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
