// The messages between the engine and a worker, and how they are framed on
// the pipes: a four-byte length, then the message, whose first byte says what
// it is. The engine sends a panel to load, the settings to review under, and
// chunks of jobs; the worker answers with each persona it loaded, each job it
// reviewed, and the end of each chunk.
#pragma once

#include "hosts/persona_host.hpp"
#include "panel/panel_config.hpp"
#include "workers/wire.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verdict {

enum class message_kind : std::uint8_t {
    load = 1,          ///< engine -> worker: load_request
    configure = 2,     ///< engine -> worker: the settings of each seat
    review = 3,        ///< engine -> worker: a chunk of jobs
    loaded = 10,       ///< worker -> engine: one seat's persona_load
    reviewed = 11,     ///< worker -> engine: one job's seat results
    chunk_done = 12,   ///< worker -> engine: every job of a chunk is reviewed
};

/// The largest message either side accepts: a chunk of tools, or a job's reviews, is far smaller.
inline constexpr std::size_t max_message_bytes = std::size_t{64} << 20;

/// A seat for a worker to load, or to leave alone (it failed to load in an earlier worker).
struct seat_to_load {
    seat_config config;
    bool skip = false;
    std::string skip_reason;
};

struct load_request {
    std::uint64_t memory_cap = 0;   ///< The worker's RLIMIT_AS.
    std::vector<seat_to_load> seats;
};

struct loaded_report {
    std::uint32_t seat = 0;
    persona_load load;
};

struct reviewed_report {
    std::uint64_t job = 0;
    std::vector<hosted_review> seats;
};

/// A job as the engine sends it: its number, its tool (only encoded, never copied), its seats.
struct job_to_send {
    std::uint64_t job = 0;
    const tool* subject = nullptr;
    const std::vector<std::size_t>* seats = nullptr;
};

/// A job as the worker receives it.
struct received_job {
    std::uint64_t job = 0;
    tool subject;
    std::vector<std::uint32_t> seats;
};

std::string load_message(const load_request& request);
std::string configure_message(const std::vector<std::optional<settings>>& effective);
std::string review_message(std::uint64_t chunk, const std::vector<job_to_send>& jobs);
std::string loaded_message(const loaded_report& report);
std::string reviewed_message(const reviewed_report& report);
std::string chunk_done_message(std::uint64_t chunk);

/// The kind of `message` (its first byte), and a reader over the rest. Throws wire_error for an empty message or an
/// unknown kind.
message_kind kind_of(std::string_view message);
wire_reader body_of(std::string_view message);

load_request read_load(wire_reader& r);
std::vector<std::optional<settings>> read_configure(wire_reader& r);
std::uint64_t read_chunk_number(wire_reader& r);
/// The jobs of a review message, after its chunk number.
std::vector<received_job> read_jobs(wire_reader& r);
loaded_report read_loaded(wire_reader& r);
reviewed_report read_reviewed(wire_reader& r);

/// `message` with its length in front, ready to write.
std::string framed(const std::string& message);

/// Collects bytes read from a pipe and hands out whole frames.
class frame_reader {
public:
    void append(const char* bytes, std::size_t n) { pending_.append(bytes, n); }
    /// The next whole message, if one has arrived; throws wire_error for a frame longer than max_message_bytes.
    std::optional<std::string> next();

private:
    std::string pending_;
    std::size_t start_ = 0;
};

/// The frames arriving on a blocking descriptor, one whole message at a time.
class frame_stream {
public:
    explicit frame_stream(int fd) : fd_(fd) {}
    /// The next message; nullopt at the end of the stream. Throws wire_error for a damaged frame or a read error.
    std::optional<std::string> next();

private:
    int fd_;
    frame_reader frames_;
};

}  // namespace verdict
