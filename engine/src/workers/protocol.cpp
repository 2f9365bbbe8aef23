#include "workers/protocol.hpp"

#include "workers/wire_codec.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace verdict {
namespace {

wire_writer start(message_kind kind) {
    wire_writer w;
    w.varint(static_cast<std::uint8_t>(kind));
    return w;
}

void write_result(wire_writer& w, const hosted_review& s) {
    w.boolean(s.result.has_value());
    if (s.result) encode(w, *s.result);
    w.text(s.failure);
    w.varint(s.log.size());
    for (const std::string& line : s.log) w.text(line);
    w.text(s.output);
    w.boolean(s.spent_limit);
}

hosted_review read_result(wire_reader& r) {
    hosted_review s;
    if (r.boolean()) s.result = decode_review(r);
    s.failure = r.text();
    s.log.resize(r.count());
    for (std::string& line : s.log) line = r.text();
    s.output = r.text();
    s.spent_limit = r.boolean();
    return s;
}

std::uint32_t read_u32(wire_reader& r) { return static_cast<std::uint32_t>(r.below(UINT32_MAX, "a seat")); }

}  // namespace

std::string load_message(const load_request& request) {
    wire_writer w = start(message_kind::load);
    w.varint(request.memory_cap);
    w.varint(request.seats.size());
    for (const seat_to_load& seat : request.seats) {
        w.boolean(seat.config.kind == persona_kind::script);
        w.text(seat.config.source.string());
        encode(w, seat.config.limits);
        w.boolean(seat.skip);
        w.text(seat.skip_reason);
    }
    return w.take();
}

std::string configure_message(const std::vector<std::optional<settings>>& effective) {
    wire_writer w = start(message_kind::configure);
    w.varint(effective.size());
    for (const auto& s : effective) {
        w.boolean(s.has_value());
        if (s) encode(w, *s);
    }
    return w.take();
}

std::string review_message(std::uint64_t chunk, const std::vector<job_to_send>& jobs) {
    wire_writer w = start(message_kind::review);
    w.varint(chunk);
    w.varint(jobs.size());
    for (const job_to_send& job : jobs) {
        w.varint(job.job);
        encode(w, *job.subject);
        w.varint(job.seats->size());
        for (const std::size_t seat : *job.seats) w.varint(seat);
    }
    return w.take();
}

std::string loaded_message(const loaded_report& report) {
    wire_writer w = start(message_kind::loaded);
    w.varint(report.seat);
    w.boolean(report.load.loaded);
    encode(w, report.load.identity);
    encode(w, report.load.defaults);
    w.text(report.load.source);
    w.text(report.load.failure);
    return w.take();
}

std::string reviewed_message(const reviewed_report& report) {
    wire_writer w = start(message_kind::reviewed);
    w.varint(report.job);
    w.varint(report.seats.size());
    for (const hosted_review& s : report.seats) write_result(w, s);
    return w.take();
}

std::string chunk_done_message(std::uint64_t chunk) {
    wire_writer w = start(message_kind::chunk_done);
    w.varint(chunk);
    return w.take();
}

message_kind kind_of(std::string_view message) {
    if (message.empty()) throw wire_error("an empty message");
    const auto kind = static_cast<message_kind>(static_cast<std::uint8_t>(message.front()));
    switch (kind) {
    case message_kind::load:
    case message_kind::configure:
    case message_kind::review:
    case message_kind::loaded:
    case message_kind::reviewed:
    case message_kind::chunk_done: return kind;
    }
    throw wire_error("a message of unknown kind " + std::to_string(static_cast<int>(kind)));
}

wire_reader body_of(std::string_view message) { return wire_reader(message.substr(1)); }

load_request read_load(wire_reader& r) {
    load_request request;
    request.memory_cap = r.varint();
    request.seats.resize(r.count());
    for (seat_to_load& seat : request.seats) {
        seat.config.kind = r.boolean() ? persona_kind::script : persona_kind::plugin;
        seat.config.source = r.text();
        seat.config.limits = decode_limits(r);
        seat.skip = r.boolean();
        seat.skip_reason = r.text();
    }
    return request;
}

std::vector<std::optional<settings>> read_configure(wire_reader& r) {
    std::vector<std::optional<settings>> effective(r.count());
    for (auto& s : effective)
        if (r.boolean()) s = decode_settings(r);
    return effective;
}

std::uint64_t read_chunk_number(wire_reader& r) { return r.varint(); }

std::vector<received_job> read_jobs(wire_reader& r) {
    std::vector<received_job> jobs(r.count());
    for (received_job& job : jobs) {
        job.job = r.varint();
        job.subject = decode_tool(r);
        job.seats.resize(r.count());
        for (std::uint32_t& seat : job.seats) seat = read_u32(r);
    }
    return jobs;
}

loaded_report read_loaded(wire_reader& r) {
    loaded_report report;
    report.seat = read_u32(r);
    report.load.loaded = r.boolean();
    report.load.identity = decode_identity(r);
    report.load.defaults = decode_settings(r);
    report.load.source = r.text();
    report.load.failure = r.text();
    return report;
}

reviewed_report read_reviewed(wire_reader& r) {
    reviewed_report report;
    report.job = r.varint();
    report.seats.resize(r.count());
    for (hosted_review& s : report.seats) s = read_result(r);
    return report;
}

std::string framed(const std::string& message) {
    const auto size = static_cast<std::uint32_t>(message.size());
    std::string out(4, '\0');
    for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((size >> (8 * i)) & 0xFF);
    return out + message;
}

std::optional<std::string> frame_reader::next() {
    if (pending_.size() - start_ < 4) return std::nullopt;
    std::uint32_t size = 0;
    for (int i = 0; i < 4; ++i) size |= static_cast<std::uint32_t>(static_cast<unsigned char>(pending_[start_ + static_cast<std::size_t>(i)])) << (8 * i);
    if (size > max_message_bytes) throw wire_error("a message of " + std::to_string(size) + " bytes, more than any the engine sends or takes");
    if (pending_.size() - start_ - 4 < size) return std::nullopt;
    std::string message = pending_.substr(start_ + 4, size);
    start_ += 4 + size;
    if (start_ == pending_.size() || start_ > (std::size_t{1} << 20)) {   // keep the buffer from growing with what was read
        pending_.erase(0, start_);
        start_ = 0;
    }
    return message;
}

std::optional<std::string> frame_stream::next() {
    char buffer[65536];
    for (;;) {
        if (auto message = frames_.next()) return message;
        const ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw wire_error(std::string("a read error: ") + std::strerror(errno));
        if (n == 0) return std::nullopt;
        frames_.append(buffer, static_cast<std::size_t>(n));
    }
}

}  // namespace verdict
