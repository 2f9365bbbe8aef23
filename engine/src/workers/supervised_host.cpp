// The supervisor. One loop serves loading and reviewing alike: send what each
// worker's channel takes, poll, read whole messages, check every worker's
// watch slot against its seat's deadline, and deal with any worker that ended.
//
// Work is handed out in chunks of jobs, at most two in flight per worker, so
// a worker never waits for the engine. When a worker dies or is killed, its
// watch slot names the job and seat it was running. A crash is tried again
// with that seat alone, since a persona may only have been finishing what an
// earlier one broke; a second crash on its own, a deadline or the memory cap
// fails that seat on that tool. The job's other seats, and the other jobs the
// worker held, go back in the queue for a fresh worker: reviews are pure, so
// doing one again gives the same result.
#include "workers/supervised_host.hpp"

#include "hosts/local_personas.hpp"
#include "support/display_text.hpp"
#include "support/text_file.hpp"
#include "workers/failure_words.hpp"
#include "workers/wire_codec.hpp"
#include "workers/worker_process.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <poll.h>
#include <sys/wait.h>
#include <thread>

namespace verdict {
namespace {

constexpr int poll_ms = 50;
constexpr std::size_t chunks_in_flight = 2;
constexpr std::size_t most_chunk_jobs = 64;
constexpr std::size_t jobs_per_new_worker = 8;   ///< A new worker costs its start-up; fewer jobs do not pay for it.
constexpr int faults_without_a_seat = 3;          ///< Workers lost between reviews before the jobs left are failed.

struct work_item {
    std::size_t job = 0;                 ///< In the jobs of the review() call.
    std::vector<std::size_t> seats;      ///< Panel seats, a subset of the job's.
    bool solo = false;                   ///< A seat tried again on its own after a crash.
    bool done = false;
};

struct chunk {
    std::uint64_t id = 0;
    std::vector<std::size_t> items;
};

struct worker {
    std::unique_ptr<worker_process> process;
    std::deque<chunk> in_flight;
    std::optional<std::string> killed_for;   ///< Why the engine stopped it, when it did.
    std::size_t loaded = 0;                  ///< Seats it has reported on.
};

class supervised_host final : public persona_host {
public:
    explicit supervised_host(host_options options) : options_(std::move(options)) {}

    std::vector<persona_load> load(const std::vector<seat_config>& seats) override {
        std::lock_guard lock(mutex_);
        seats_ = seats;
        loads_.assign(seats.size(), std::nullopt);
        counted_.assign(seats.size(), {});
        stopped_.assign(seats.size(), false);
        downed_.clear();
        for (const seat_config& s : seats_) memory_cap_ += s.limits.memory_bytes;
        faults_ = 0;
        while (std::any_of(loads_.begin(), loads_.end(), [](const auto& l) { return !l; })) {
            if (workers_.empty() && !spawn()) break;
            pump();
        }
        std::vector<persona_load> out;
        for (std::size_t i = 0; i < seats_.size(); ++i) out.push_back(loads_[i].value_or(failed_load(i, start_failure_)));
        return out;
    }

    void configure(const std::vector<std::optional<settings>>& effective) override {
        std::lock_guard lock(mutex_);
        effective_ = effective;
        for (worker& w : workers_) w.process->send(configure_message(effective_));
    }

    std::vector<std::vector<hosted_review>> review(const std::vector<review_job>& jobs) override {
        std::lock_guard lock(mutex_);
        jobs_ = &jobs;
        results_.assign(jobs.size(), {});
        items_.clear();
        queue_.clear();
        faults_ = 0;
        for (std::size_t j = 0; j < jobs.size(); ++j) {
            results_[j].resize(jobs[j].seats.size());
            std::vector<std::size_t> seats;
            for (const std::size_t seat : jobs[j].seats) {
                if (const hosted_review* before = downed_before(seat, *jobs[j].subject)) result_for(j, seat) = *before;
                else seats.push_back(seat);
            }
            if (seats.empty()) continue;
            items_.push_back({j, std::move(seats), false, false});
            queue_.push_back(items_.size() - 1);
        }
        while (!all_done()) {
            hand_out();
            if (workers_.empty()) {
                fail_queued(start_failure_.empty() ? "no worker process could be started" : start_failure_);
                break;
            }
            pump();
        }
        // A seat stopped during this call fails on every job of it, those it reviewed before it was stopped too:
        // which reviews come first depends on the workers, and the result must not.
        for (std::size_t j = 0; j < jobs.size(); ++j)
            for (const std::size_t seat : jobs[j].seats)
                if (stopped_[seat]) result_for(j, seat) = {std::nullopt, stopped_failure(seat, jobs[j].subject->id), {}, {}};
        jobs_ = nullptr;
        return std::move(results_);
    }

    std::vector<std::string> stop_notices() const override {
        std::lock_guard lock(mutex_);
        std::vector<std::string> out;
        for (std::size_t seat = 0; seat < seats_.size(); ++seat) {
            if (!stopped_[seat]) continue;
            std::string line = "seat " + seats_[seat].id + " was stopped for the rest of the run, its reviews having taken their worker down:";
            for (std::size_t i = 0; i < counted_[seat].size(); ++i) line += (i ? "; " : " ") + counted_[seat][i];
            out.push_back(std::move(line));
        }
        return out;
    }

    std::size_t seats_stopped() const override {
        std::lock_guard lock(mutex_);
        return static_cast<std::size_t>(std::count(stopped_.begin(), stopped_.end(), true));
    }

private:
    // ----- workers

    bool spawn() {
        try {
            worker w;
            w.process = std::make_unique<worker_process>(options_.program);
            w.process->send(load_message(load_request_now()));
            if (!effective_.empty()) w.process->send(configure_message(effective_));
            workers_.push_back(std::move(w));
            return true;
        } catch (const std::exception& error) {
            start_failure_ = error.what();
            return false;
        }
    }

    load_request load_request_now() const {
        load_request request{worker_program_memory + memory_cap_, {}};
        for (std::size_t i = 0; i < seats_.size(); ++i) {
            const bool failed = loads_[i] && !loads_[i]->loaded;
            request.seats.push_back({seats_[i], failed, failed ? loads_[i]->failure : ""});
        }
        return request;
    }

    persona_load failed_load(std::size_t seat, const std::string& cause) const {
        persona_load out;
        out.source = display_path(seats_[seat].source);
        out.failure = cause.empty() ? out.source + ": loading: no worker process could be started" : seat_failure(out.source, "", cause);
        return out;
    }

    // ----- the loop

    void pump() {
        std::vector<pollfd> fds;
        for (worker& w : workers_) {
            if (w.process->has_unsent() && !w.process->send_some()) w.process->kill();
            fds.push_back({w.process->channel(), static_cast<short>(POLLIN | (w.process->has_unsent() ? POLLOUT : 0)), 0});
        }
        ::poll(fds.data(), fds.size(), poll_ms);
        std::vector<std::size_t> ended;
        for (std::size_t i = 0; i < workers_.size(); ++i) {
            if (fds[i].revents == 0) continue;
            std::vector<std::string> messages;
            bool open = true;
            try {
                open = workers_[i].process->receive(messages);
                for (const std::string& message : messages) take(workers_[i], message);
            } catch (const wire_error& error) {   // not one of ours: whatever wrote it cannot be trusted with the channel
                workers_[i].killed_for = std::string("wrote something that is not a verdict message on its worker's channel (") + error.what() + ")";
                open = false;
            }
            if (!open) ended.push_back(i);
        }
        watch_deadlines();
        for (auto it = ended.rbegin(); it != ended.rend(); ++it) bury(*it);
    }

    void take(worker& w, const std::string& message) {
        wire_reader body = body_of(message);
        switch (kind_of(message)) {
        case message_kind::loaded: {
            loaded_report report = read_loaded(body);
            if (report.seat >= seats_.size()) throw wire_error("a report on a seat the panel does not have");
            ++w.loaded;
            if (!loads_[report.seat]) loads_[report.seat] = std::move(report.load);
            return;
        }
        case message_kind::reviewed: {
            reviewed_report report = read_reviewed(body);
            if (report.job >= items_.size() || report.seats.size() != items_[report.job].seats.size() || items_[report.job].done)
                throw wire_error("a review of a job the engine did not send");
            work_item& item = items_[report.job];
            item.done = true;
            const std::size_t job = item.job;
            const std::vector<std::size_t> seats = item.seats;   // counting below may queue items, and move this one
            for (std::size_t k = 0; k < seats.size(); ++k) {
                hosted_review& r = result_for(job, seats[k]) = std::move(report.seats[k]);
                if (r.spent_limit) count_against(seats[k], job, r);   // a persona's own time stop costs what a hang does
            }
            return;
        }
        case message_kind::chunk_done:
            if (w.in_flight.empty() || w.in_flight.front().id != read_chunk_number(body)) throw wire_error("the end of a chunk the engine did not send");
            w.in_flight.pop_front();
            return;
        default: throw wire_error("a request where an answer was expected");
        }
    }

    void watch_deadlines() {
        const std::uint64_t now = monotonic_ns();
        for (worker& w : workers_) {
            const watch_reading r = w.process->slot().read();
            if (w.killed_for || r.phase == worker_phase::idle || r.seat >= seats_.size() || r.started_ns > now) continue;   // begun since `now`
            const double limit = seats_[r.seat].limits.seconds;
            if (static_cast<double>(now - r.started_ns) / 1e9 <= limit + deadline_grace_seconds) continue;
            w.killed_for = ran_past(limit);
            w.process->kill();
        }
    }

    // A worker whose channel ended: what it was doing is failed or tried again, the rest goes back in the queue.
    void bury(std::size_t index) {
        worker w = std::move(workers_[index]);
        workers_.erase(workers_.begin() + static_cast<std::ptrdiff_t>(index));
        const watch_reading reading = w.process->slot().read();
        const int status = w.process->wait_briefly();
        const std::string output = w.process->last_output();
        std::string cause = w.killed_for ? *w.killed_for : reading.memory_refused ? went_over_memory(worker_program_memory + memory_cap_) : ended_as(status);
        if (!w.killed_for && !reading.memory_refused && WIFEXITED(status)) cause += reading.phase == worker_phase::loading ? " while loading" : " during a review";
        // What the worker held goes back to the front of the queue, in its order, before the seat to blame is tried
        // again on its own ahead of it all: that retry decides, and a seat that crashes everywhere is stopped sooner.
        for (auto c = w.in_flight.rbegin(); c != w.in_flight.rend(); ++c)
            for (auto item = c->items.rbegin(); item != c->items.rend(); ++item)
                if (!items_[*item].done) queue_.push_front(*item);
        bool laid = false;
        if (reading.phase == worker_phase::loading && reading.seat < seats_.size() && !loads_[reading.seat]) {
            persona_load failed = failed_load(reading.seat, cause);
            if (!output.empty()) failed.failure += " (it printed: \"" + printable_text(output) + "\")";   // as a review's failure shows it
            loads_[reading.seat] = std::move(failed);
            laid = true;
        }
        if (reading.phase == worker_phase::reviewing) laid = lay_at_seat(w, reading, cause, output);
        if (!laid && ++faults_ >= faults_without_a_seat) give_up("its worker process " + cause + ", again and again, with no persona running");
    }

    // Workers keep ending with no seat to blame (the program itself cannot run as one): whatever is left fails.
    void give_up(const std::string& why) {
        for (std::size_t i = 0; i < seats_.size(); ++i)
            if (!loads_[i]) loads_[i] = failed_load(i, why);
        if (jobs_) fail_queued(why);
    }

    // Fails or retries the seat the slot names; false when the slot names nothing the worker held.
    bool lay_at_seat(const worker& w, const watch_reading& reading, const std::string& cause, const std::string& output) {
        const auto held = std::any_of(w.in_flight.begin(), w.in_flight.end(), [&](const chunk& c) {
            return std::find(c.items.begin(), c.items.end(), reading.job) != c.items.end();
        });
        if (!held || reading.job >= items_.size() || items_[reading.job].done) return false;
        const work_item item = items_[reading.job];   // a copy: queueing below may move the items
        const std::size_t seat = reading.seat;
        if (std::find(item.seats.begin(), item.seats.end(), seat) == item.seats.end()) return false;
        items_[reading.job].done = true;
        std::vector<std::size_t> others;
        for (const std::size_t s : item.seats)
            if (s != seat) others.push_back(s);
        if (!others.empty()) enqueue_front({item.job, others, false, false});
        if (!w.killed_for && !reading.memory_refused && !item.solo) {   // perhaps only finishing what another broke
            enqueue_front({item.job, {seat}, true, false});
            return true;
        }
        hosted_review& r = result_for(item.job, seat);
        r.failure = seat_failure(display_path(seats_[seat].source), (*jobs_)[item.job].subject->id, cause);
        r.output = output;
        count_against(seat, item.job, r);
        return true;
    }

    // A failure as costly as taking the worker down: remembered, so the review is not run again this run, and
    // counted, so a seat that keeps failing so is stopped.
    void count_against(std::size_t seat, std::size_t job, const hosted_review& r) {
        downed_[downed_key(seat, *(*jobs_)[job].subject)] = r;
        counted_[seat].push_back(r.failure);
        if (counted_[seat].size() == seat_worker_failures) stopped_[seat] = true;
    }

    // A review that took its worker down earlier in the run is not run again, in this call or a later one (a batch
    // reviews a tool again for its pages when its first review could not be set aside): reviews are pure, so it would
    // only fail the same way again, costing another time limit and counting against its seat twice for one tool. Its
    // failure is given again.
    static std::pair<std::size_t, std::string> downed_key(std::size_t seat, const tool& t) {
        wire_writer w;
        encode(w, t);
        return {seat, w.take()};
    }

    const hosted_review* downed_before(std::size_t seat, const tool& t) const {
        if (downed_.empty()) return nullptr;
        const auto found = downed_.find(downed_key(seat, t));
        return found == downed_.end() ? nullptr : &found->second;
    }

    // ----- the queue

    void enqueue_front(work_item item) {
        items_.push_back(std::move(item));
        queue_.push_front(items_.size() - 1);
    }

    void hand_out() {
        const auto busy = static_cast<std::size_t>(std::count_if(workers_.begin(), workers_.end(), [](const worker& w) { return w.in_flight.size() >= chunks_in_flight; }));
        if (!queue_.empty() && (workers_.empty() || (busy == workers_.size() && workers_.size() < options_.jobs &&
                                                     queue_.size() >= jobs_per_new_worker * workers_.size())))
            spawn();
        const std::size_t size = std::clamp<std::size_t>(queue_.size() / (std::max<std::size_t>(options_.jobs, 1) * 4), 1, most_chunk_jobs);
        for (worker& w : workers_) {
            while (!queue_.empty() && w.in_flight.size() < chunks_in_flight) {
                chunk c{next_chunk_++, {}};
                while (!queue_.empty() && c.items.size() < size) {
                    const std::size_t item = queue_.front();
                    if (items_[item].solo && !c.items.empty()) break;   // a seat tried again goes on its own
                    queue_.pop_front();
                    skip_stopped_seats(items_[item]);
                    if (items_[item].done) continue;
                    c.items.push_back(item);
                    if (items_[item].solo) break;
                }
                if (c.items.empty()) continue;
                std::vector<job_to_send> sending;
                for (const std::size_t item : c.items) sending.push_back({item, (*jobs_)[items_[item].job].subject, &items_[item].seats});
                w.process->send(review_message(c.id, sending));
                w.in_flight.push_back(std::move(c));
            }
        }
    }

    // A stopped seat is not run again: its results are filled in when the call ends.
    void skip_stopped_seats(work_item& item) {
        std::erase_if(item.seats, [&](std::size_t seat) { return stopped_[seat]; });
        if (item.seats.empty()) item.done = true;
    }

    std::string stopped_failure(std::size_t seat, const std::string& tool_id) const {
        return seat_failure(display_path(seats_[seat].source), tool_id,
                            "not reviewed: its reviews took its worker process down " + std::to_string(seat_worker_failures) +
                                " times in this run (a crash, an exit, its time limit or its memory cap), so it was stopped for the rest of the run");
    }

    void fail_queued(const std::string& why) {
        for (work_item& item : items_) {
            if (item.done) continue;
            for (const std::size_t seat : item.seats) {
                hosted_review& r = result_for(item.job, seat);
                r.failure = seat_failure(display_path(seats_[seat].source), (*jobs_)[item.job].subject->id, why);
            }
            item.done = true;
        }
        queue_.clear();
    }

    bool all_done() const {
        const bool items = std::all_of(items_.begin(), items_.end(), [](const work_item& i) { return i.done; });
        return items && std::all_of(workers_.begin(), workers_.end(), [](const worker& w) { return w.in_flight.empty(); });
    }

    hosted_review& result_for(std::size_t job, std::size_t seat) {
        const std::vector<std::size_t>& seats = (*jobs_)[job].seats;
        return results_[job][static_cast<std::size_t>(std::find(seats.begin(), seats.end(), seat) - seats.begin())];
    }

    host_options options_;
    mutable std::mutex mutex_;
    std::vector<seat_config> seats_;
    std::vector<std::optional<persona_load>> loads_;
    std::vector<std::optional<settings>> effective_;
    std::uint64_t memory_cap_ = 0;   ///< The seats' memory, before the program's own.
    std::string start_failure_;
    std::deque<worker> workers_;
    std::uint64_t next_chunk_ = 0;
    const std::vector<review_job>* jobs_ = nullptr;
    std::vector<std::vector<hosted_review>> results_;
    std::vector<work_item> items_;
    std::deque<std::size_t> queue_;
    int faults_ = 0;
    std::vector<std::vector<std::string>> counted_;   ///< By seat: the failures of reviews that took a worker down, this run.
    std::vector<bool> stopped_;                  ///< By seat: stopped for the rest of the run.
    std::map<std::pair<std::size_t, std::string>, hosted_review> downed_;   ///< By seat and encoded tool: reviews that took a worker down.
};

}  // namespace

std::unique_ptr<persona_host> make_persona_host(const host_options& options) {
    if (options.mode == isolation::none) return make_in_process_host();
    return std::make_unique<supervised_host>(options);
}

}  // namespace verdict
