// The worker serves one panel: it loads the seats' personas, then reviews the
// chunks of jobs it is sent, one seat at a time, telling the watch slot what
// it is doing before each step so the engine can stop it from outside and
// name the seat at fault. It sets its own limits before any persona runs: a
// memory cap (RLIMIT_AS) from the engine, a cap on what the personas may
// print (RLIMIT_FSIZE on the capture file), and no core files.
//
// A fatal signal (a crash, an overflowed stack, an abort) is noted in the
// slot when the process is near its memory cap, so that running out of
// memory is told apart from other crashes, and then ends the process as it
// would have.
#include "workers/worker_main.hpp"

#include "hosts/local_personas.hpp"
#include "support/write_all.hpp"
#include "workers/protocol.hpp"
#include "workers/watch_slot.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <iostream>
#include <new>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace verdict {
namespace {

constexpr std::size_t answer_flush_bytes = std::size_t{64} << 10;
constexpr rlim_t max_output_file_bytes = rlim_t{16} << 20;

watch_slot* active_slot = nullptr;
rlim_t memory_cap = RLIM_INFINITY;

[[noreturn]] void allocation_refused() {
    if (active_slot) active_slot->note_memory_refused();
    throw std::bad_alloc();
}

// The process's virtual size, read with async-signal-safe calls only, in bytes; 0 when it cannot be read.
rlim_t virtual_size_in_signal() {
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char text[64] = {};
    const ssize_t n = ::read(fd, text, sizeof text - 1);
    ::close(fd);
    rlim_t pages = 0;
    for (ssize_t i = 0; i < n && text[i] >= '0' && text[i] <= '9'; ++i) pages = pages * 10 + static_cast<rlim_t>(text[i] - '0');
    return pages * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE));
}

void on_fatal_signal(int signal) {
    if (active_slot && memory_cap != RLIM_INFINITY && virtual_size_in_signal() + (rlim_t{16} << 20) >= memory_cap) active_slot->note_memory_refused();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// Fatal signals run their handler on a stack of their own, so an overflowed stack is caught too.
void watch_fatal_signals() {
    static char alternate[1 << 16];
    stack_t stack{};
    stack.ss_sp = alternate;
    stack.ss_size = sizeof alternate;
    ::sigaltstack(&stack, nullptr);
    struct sigaction action {};
    action.sa_handler = on_fatal_signal;
    action.sa_flags = static_cast<int>(SA_ONSTACK | SA_RESETHAND);
    for (const int signal : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) ::sigaction(signal, &action, nullptr);
}

void set_limit(int resource, rlim_t value) {
    const rlimit limit{value, value};
    ::setrlimit(resource, &limit);
}

// What the personas printed since the last call; the file starts over empty.
std::string take_output() {
    std::fflush(stdout);
    std::fflush(stderr);
    std::cout.flush();
    std::cerr.flush();
    std::string out = captured_output(STDOUT_FILENO);
    if (!out.empty() && ::ftruncate(STDOUT_FILENO, 0) == 0) ::lseek(STDOUT_FILENO, 0, SEEK_SET);
    return out;
}

class worker {
public:
    explicit worker(watch_slot& slot) : slot_(slot) {}

    // Answers one request; false when the engine sent something this worker cannot read.
    bool handle(const std::string& message) {
        wire_reader body = body_of(message);
        switch (kind_of(message)) {
        case message_kind::load: return load(read_load(body));
        case message_kind::configure: personas_.configure(read_configure(body)); return true;
        case message_kind::review: {
            const std::uint64_t chunk = read_chunk_number(body);
            return review(chunk, read_jobs(body));
        }
        default: return false;
        }
    }

private:
    bool load(const load_request& request) {
        memory_cap = static_cast<rlim_t>(request.memory_cap);
        for (const seat_to_load& each : request.seats) limits_.push_back(each.config.limits.seconds);
        set_limit(RLIMIT_AS, memory_cap);
        for (std::uint32_t seat = 0; seat < request.seats.size(); ++seat) {
            const seat_to_load& each = request.seats[seat];
            slot_.begin(worker_phase::loading, 0, seat, monotonic_ns());
            persona_load loaded;
            if (each.skip) {
                personas_.skip(each.config, each.skip_reason);
                loaded.failure = each.skip_reason;
            } else {
                loaded = personas_.load(each.config);
            }
            take_output();   // what a persona prints while loading is not a review's
            if (!write_all(worker_channel_fd, framed(loaded_message({seat, loaded})))) return false;
        }
        slot_.begin(worker_phase::idle, 0, 0, 0);
        return true;
    }

    bool review(std::uint64_t chunk, const std::vector<received_job>& jobs) {
        std::string answers;
        for (const received_job& job : jobs) {
            reviewed_report report{job.job, {}};
            for (const std::uint32_t seat : job.seats) {
                const std::uint64_t started = monotonic_ns();
                slot_.begin(worker_phase::reviewing, job.job, seat, started);
                hosted_review result = personas_.review(seat, job.subject);
                result.spent_limit = !result.result && seat < limits_.size() && static_cast<double>(monotonic_ns() - started) / 1e9 >= limits_[seat];
                if (!result.result && slot_.read().memory_refused) {
                    // The persona ran into the cap and may still hold all it took (a leak, a cache): the seats after
                    // it would find no memory left. The worker ends here, its slot still naming the seat, as if the
                    // allocation had killed it, so the engine fails the seat at its memory cap, counts it against
                    // the seat, and gives the rest to a fresh worker. What this chunk reviewed so far goes first.
                    write_all(worker_channel_fd, answers);
                    std::_Exit(4);
                }
                result.output = take_output();
                report.seats.push_back(std::move(result));
            }
            slot_.begin(worker_phase::idle, 0, 0, 0);
            answers += framed(reviewed_message(report));
            if (answers.size() >= answer_flush_bytes) {
                if (!write_all(worker_channel_fd, answers)) return false;
                answers.clear();
            }
        }
        answers += framed(chunk_done_message(chunk));
        return write_all(worker_channel_fd, answers);
    }

    watch_slot& slot_;
    local_personas personas_;
    std::vector<double> limits_;   // each seat's time limit, in seconds
};

}  // namespace

std::string captured_output(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size <= 0) return "";
    const auto total = static_cast<std::size_t>(info.st_size);
    std::string out(std::min(total, max_captured_output_bytes), '\0');
    const ssize_t got = ::pread(fd, out.data(), out.size(), 0);
    out.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    if (total > out.size()) out += " ... (" + std::to_string(total - out.size()) + " more bytes)";
    return out;
}

int run_worker() {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);   // an engine that dies takes its workers with it
    void* shared = ::mmap(nullptr, sizeof(watch_slot), PROT_READ | PROT_WRITE, MAP_SHARED, worker_watch_fd, 0);
    if (shared == MAP_FAILED) return 3;
    watch_slot& slot = *static_cast<watch_slot*>(shared);
    active_slot = &slot;
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    std::setvbuf(stderr, nullptr, _IONBF, 0);
    std::signal(SIGXFSZ, SIG_IGN);   // a persona printing past the cap gets a write error, not a dead worker
    set_limit(RLIMIT_FSIZE, max_output_file_bytes);
    set_limit(RLIMIT_CORE, 0);
    std::set_new_handler(allocation_refused);
    watch_fatal_signals();
    worker serving(slot);
    frame_stream requests(worker_channel_fd);
    try {
        while (auto message = requests.next())
            if (!serving.handle(*message)) return 3;
    } catch (const wire_error&) {
        return 3;
    }
    return 0;
}

}  // namespace verdict
