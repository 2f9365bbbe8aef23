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

namespace {

// Each of `tools` reviewed by the seats `seated` lists for it, in one call to the panel's host; a seat that cannot
// review is failed without being asked.
std::vector<std::vector<seat_review>> seat_reviews(const panel& p, const std::vector<const tool*>& tools,
                                                   const std::vector<std::vector<const seat*>>& seated) {
    std::vector<review_job> jobs;
    for (std::size_t j = 0; j < tools.size(); ++j) {
        review_job job{tools[j], {}};
        for (const seat* s : seated[j])
            if (s->failure.empty()) job.seats.push_back(p.index_of(*s));
        jobs.push_back(std::move(job));
    }
    std::vector<std::vector<hosted_review>> results = p.run(jobs);
    std::vector<std::vector<seat_review>> out(tools.size());
    for (std::size_t j = 0; j < tools.size(); ++j) {
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
            out[j].push_back(std::move(one));
        }
    }
    return out;
}

}  // namespace

std::vector<tool_review> review_tools(const panel& p, const std::vector<const tool*>& tools, bool every_seat) {
    std::vector<std::vector<const seat*>> seated;
    for (const tool* t : tools) seated.push_back(every_seat ? every_seat_of(p) : p.seats_for(*t));
    std::vector<std::vector<seat_review>> reviewed = seat_reviews(p, tools, seated);
    std::vector<tool_review> out;
    for (std::size_t j = 0; j < tools.size(); ++j) {
        tool_review r;
        r.subject = tools[j];
        r.seats = std::move(reviewed[j]);
        r.verdict = aggregate(r.seats, p.config().quorum, p.config().rule_set);
        out.push_back(std::move(r));
    }
    return out;
}

void review_seats_again(const panel& p, std::vector<tool_review>& reviews, const std::vector<std::string>& seat_ids) {
    std::vector<const tool*> tools;
    std::vector<std::vector<const seat*>> seated;
    for (const tool_review& r : reviews) {
        tools.push_back(r.subject);
        seated.emplace_back();
        if (!r.unreadable.empty()) continue;
        for (const seat* s : p.seats_for(*r.subject))
            if (std::find(seat_ids.begin(), seat_ids.end(), s->config.id) != seat_ids.end()) seated.back().push_back(s);
    }
    std::vector<std::vector<seat_review>> reviewed = seat_reviews(p, tools, seated);
    for (std::size_t j = 0; j < reviews.size(); ++j) {
        if (reviewed[j].empty()) continue;
        for (seat_review& fresh : reviewed[j])
            for (seat_review& held : reviews[j].seats)
                if (held.seat == fresh.seat) held = std::move(fresh);
        reviews[j].verdict = aggregate(reviews[j].seats, p.config().quorum, p.config().rule_set);
    }
}

bool add_unseated_review(const panel& p, tool_review& r, const std::string& seat_id) {
    if (r.find_seat(seat_id) || !r.unreadable.empty() || !p.config().find(seat_id)) return false;
    tool_review every = std::move(review_tools(p, {r.subject}, true).front());
    const seat_review* would = every.find_seat(seat_id);
    if (!would) return false;
    r.seats.push_back(*would);
    return true;
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
