// Errors leave as text: a host_error is already worded for the reader; an
// invalid review is worded here with the file and tool; anything else is the
// host's own fault, said as such, and fails only the seat.
#include "hosts/local_personas.hpp"

#include "hosts/lua/script_persona.hpp"
#include "hosts/shared_library_host.hpp"
#include "support/text_file.hpp"

#include <mutex>

namespace verdict {

persona_load local_personas::load(const seat_config& seat) {
    persona_load out;
    out.source = display_path(seat.source);
    sources_.push_back(out.source);
    try {
        auto backend = seat.kind == persona_kind::plugin ? load_shared_library_persona(seat.source) : load_script_persona(seat.source, seat.limits);
        out = {true, backend->identity(), backend->defaults(), backend->source(), ""};
        backends_.push_back(std::move(backend));
        failures_.emplace_back();
    } catch (const host_error& error) {
        out.failure = error.what();
        backends_.push_back(nullptr);
        failures_.push_back(out.failure);
    }
    return out;
}

void local_personas::skip(const seat_config& seat, std::string why) {
    sources_.push_back(display_path(seat.source));
    backends_.push_back(nullptr);
    failures_.push_back(std::move(why));
}

hosted_review local_personas::review(std::size_t seat, const tool& t) const {
    hosted_review out;
    const persona_backend* backend = seat < backends_.size() ? backends_[seat].get() : nullptr;
    const settings* s = seat < effective_.size() && effective_[seat] ? &*effective_[seat] : nullptr;
    if (!backend || !s) {
        out.failure = seat < failures_.size() && !failures_[seat].empty() ? failures_[seat] : "the seat's persona is not loaded";
        return out;
    }
    try {
        verdict::review r = backend->review_tool(t, *s, &out.log);
        check_hosted_review(r, *s);
        out.result = std::move(r);
    } catch (const host_error& error) {
        out.failure = error.what();
    } catch (const invalid_review& error) {
        out.failure = backend->source() + ": review of " + t.id + ": expected a valid review, found " + error.what();
    } catch (const std::exception& error) {   // a host's own fault: the seat fails, the panel goes on
        out.failure = backend->source() + ": review of " + t.id + ": internal error: " + error.what();
    }
    return out;
}

void check_hosted_review(const review& r, const settings& s) {
    check_review(r, s);
    std::size_t bytes = r.quote.size();
    for (const reason& each : r.reasons) bytes += each.rule.size() + each.fact.size() + each.value.size() + each.why.size();
    for (const rule_check& each : r.checks) bytes += each.rule.size() + each.fact.size() + each.value.size();
    for (const quote_sentence& each : r.sentences)
        for (const auto* sources : {&each.rules, &each.facts})
            for (const std::string& source : *sources) bytes += source.size();
    if (bytes > max_review_text_bytes)
        throw invalid_review("a review of at most " + std::to_string(max_review_text_bytes) + " bytes of text (quote, reasons, rule checks and sentence sources), found " +
                             std::to_string(bytes));
}

namespace {

// One persona at a time, as the host always ran them: a Lua state is single-threaded, and a plugin's review() is
// documented as thread-safe but is not trusted to be.
class in_process_host final : public persona_host {
public:
    std::vector<persona_load> load(const std::vector<seat_config>& seats) override {
        std::lock_guard lock(mutex_);
        std::vector<persona_load> out;
        for (const seat_config& seat : seats) out.push_back(personas_.load(seat));
        return out;
    }

    void configure(const std::vector<std::optional<settings>>& effective) override {
        std::lock_guard lock(mutex_);
        personas_.configure(effective);
    }

    std::vector<std::vector<hosted_review>> review(const std::vector<review_job>& jobs) override {
        std::lock_guard lock(mutex_);
        std::vector<std::vector<hosted_review>> out(jobs.size());
        for (std::size_t j = 0; j < jobs.size(); ++j)
            for (const std::size_t seat : jobs[j].seats) out[j].push_back(personas_.review(seat, *jobs[j].subject));
        return out;
    }

private:
    std::mutex mutex_;
    local_personas personas_;
};

}  // namespace

std::unique_ptr<persona_host> make_in_process_host() { return std::make_unique<in_process_host>(); }

}  // namespace verdict
