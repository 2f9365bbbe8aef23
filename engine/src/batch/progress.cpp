// A terminal gets at most ten redraws a second: drawing costs far more than
// a page when pages are skipped. Updates come from every rendering thread, so
// the printer takes a lock, and only for the rare update that prints.
#include "batch/progress.hpp"

#include <cstdio>
#include <mutex>
#include <string>

namespace verdict {
namespace {

class printed_progress : public progress {
public:
    printed_progress(std::ostream& out, bool terminal, clock_function now, double interval)
        : out_(out), terminal_(terminal), now_(std::move(now)), interval_(terminal ? 0.1 : interval), start_(now_()) {}

    void update(std::size_t done, std::size_t total) override {
        std::lock_guard lock(mutex_);
        const double t = now_();
        if (t - last_ < interval_ && done != total) return;
        last_ = t;
        line(done, total, t - start_);
    }

    void finish() override {
        std::lock_guard lock(mutex_);
        if (terminal_ && drawn_) out_ << "\n";
        out_.flush();
    }

private:
    void line(std::size_t done, std::size_t total, double elapsed) {
        const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
        const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
        char text[128];
        std::snprintf(text, sizeof text, "[%zu/%zu] %.0f pages/s, ETA %.0fs", done, total, rate, eta);
        out_ << (terminal_ ? "\r\x1b[K" : "") << text << (terminal_ ? "" : "\n");
        out_.flush();
        drawn_ = true;
    }

    std::ostream& out_;
    bool terminal_;
    clock_function now_;
    double interval_;
    double start_;
    double last_ = -1e9;
    bool drawn_ = false;
    std::mutex mutex_;
};

class silent_progress : public progress {
public:
    void update(std::size_t, std::size_t) override {}
    void finish() override {}
};

}  // namespace

std::unique_ptr<progress> make_progress(std::ostream& out, bool terminal, bool quiet, clock_function now, double interval) {
    if (quiet) return std::make_unique<silent_progress>();
    return std::make_unique<printed_progress>(out, terminal, std::move(now), interval);
}

}  // namespace verdict
