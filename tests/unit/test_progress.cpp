// The batch's progress printer, with the clock under the test's control: one
// self-overwriting line on a terminal, whole lines at most every interval in a
// log, nothing when quiet, and the last update always shown.
#include "batch/progress.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace verdict;

namespace {

struct fake_clock {
    double now = 100;
    clock_function function() {
        return [this] { return now; };
    }
};

}  // namespace

TEST_CASE("on a terminal the progress line overwrites itself and ends with a newline", "[unit][progress]") {
    std::ostringstream out;
    fake_clock clock;
    auto p = make_progress(out, true, false, clock.function());
    clock.now = 101;
    p->update(50, 200);
    clock.now = 101.05;   // under a tenth of a second later: not drawn
    p->update(60, 200);
    clock.now = 102;
    p->update(200, 200);
    p->finish();
    CHECK(out.str() == "\r\x1b[K[50/200] 50 pages/s, ETA 3s\r\x1b[K[200/200] 100 pages/s, ETA 0s\n");
}

TEST_CASE("in a log, whole lines at most every interval, and always the last one", "[unit][progress]") {
    std::ostringstream out;
    fake_clock clock;
    auto p = make_progress(out, false, false, clock.function(), 2.0);
    clock.now = 100.5;
    p->update(10, 100);   // the first update prints
    clock.now = 101.5;
    p->update(20, 100);   // a second later: not yet
    clock.now = 102.5;
    p->update(50, 100);
    clock.now = 102.6;
    p->update(100, 100);  // done: printed whatever the interval
    p->finish();
    CHECK(out.str() == "[10/100] 20 pages/s, ETA 4s\n[50/100] 20 pages/s, ETA 2s\n[100/100] 38 pages/s, ETA 0s\n");
}

TEST_CASE("quiet progress prints nothing at all", "[unit][progress]") {
    std::ostringstream out;
    fake_clock clock;
    auto p = make_progress(out, true, true, clock.function());
    p->update(1, 2);
    p->update(2, 2);
    p->finish();
    CHECK(out.str().empty());
}
