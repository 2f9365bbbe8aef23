// One worker process as the engine holds it: started with posix_spawn, its
// channel (a socket the engine never blocks on), its watch slot mapped here
// too, and the file its personas print to. Destroying it kills and reaps the
// process, so a worker never outlives the engine's interest in it.
#pragma once

#include "workers/protocol.hpp"
#include "workers/watch_slot.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace verdict {

class worker_process {
public:
    /// Starts `program __worker`; throws std::runtime_error, saying why, when it cannot.
    explicit worker_process(const std::filesystem::path& program);
    ~worker_process();
    worker_process(const worker_process&) = delete;
    worker_process& operator=(const worker_process&) = delete;

    int channel() const { return channel_; }
    const watch_slot& slot() const { return *slot_; }

    /// Queues `message` (framed here) to send as the channel takes it.
    void send(const std::string& message) { outbox_ += framed(message); }
    bool has_unsent() const { return !outbox_.empty(); }
    /// Sends what the channel takes now; false when the worker is gone.
    bool send_some();
    /// Reads what has arrived into whole messages; false at the end of the stream or on a read error. Throws
    /// wire_error when the worker sent a damaged frame.
    bool receive(std::vector<std::string>& messages);

    /// Kills the process now (it may be stuck in a call that never returns).
    void kill();
    /// Waits for the process to end, and returns its wait status.
    int wait();
    /// Its wait status once it has ended: at once when it has, after a moment when it is about to (its channel has just
    /// closed), otherwise it is killed first.
    int wait_briefly();
    /// What its personas printed and no review took, cut to a few kilobytes: what a persona printed as it crashed.
    std::string last_output() const;

private:
    pid_t pid_ = -1;
    int channel_ = -1;
    int output_ = -1;
    watch_slot* slot_ = nullptr;
    std::string outbox_;
    frame_reader frames_;
    std::optional<int> status_;
};

}  // namespace verdict
