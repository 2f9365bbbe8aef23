// The HTTP side of `verdict serve`, on Boost.Beast: it accepts connections,
// reads each request under bounds (the header's size and field count, no
// body, a deadline for the whole request, so a slow or stuck client only ever
// holds its own connection), refuses what is not for it (another method, a
// Host that does not name this machine, a path that climbs out of the site),
// and hands the rest to its handler. A request for an event stream becomes a
// Server-Sent Events connection the handler can write to later.
#pragma once

#include "serve/request_target.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace verdict::serve {

struct server_limits {
    std::size_t header_bytes = 8192;            ///< The request line and headers together.
    std::size_t header_fields = 64;
    std::chrono::milliseconds request_time{10000};   ///< To read a whole request, or to wait for the next on a kept connection.
    std::chrono::milliseconds write_time{10000};     ///< To write a whole response, or one event.
    std::size_t connections = 512;              ///< Open at once; more are closed as they come.
};

struct http_reply {
    unsigned status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

/// An open event stream: the handler sends it events; it closes itself when its client goes.
class event_stream {
public:
    virtual ~event_stream() = default;
    /// Queues `text` (one or more whole events) for the client; safe from any thread.
    virtual void send(std::string text) = 0;
};

class request_handler {
public:
    virtual ~request_handler() = default;
    /// The reply to a GET of `target` (a HEAD is answered with its headers).
    virtual http_reply handle(const request_target& target) = 0;
    /// Whether `target` asks for an event stream.
    virtual bool is_event_stream(const request_target& target) const = 0;
    /// A new event stream for `target` is open.
    virtual void opened(const std::shared_ptr<event_stream>& stream, const request_target& target) = 0;
};

class http_server {
public:
    /// Listens on `address`:`port` (0: a free port), answering for the host names `hosts` as well as localhost and
    /// the loopback addresses. Throws boost::system::system_error when it cannot listen there.
    http_server(boost::asio::io_context& io, const std::string& address, unsigned short port, std::vector<std::string> hosts,
                request_handler& handler, server_limits limits = {});

    unsigned short port() const { return port_; }
    /// Starts accepting connections; the io_context's threads serve them.
    void start();
    /// Stops accepting: the connections open close as their requests end.
    void stop();

    struct shared;   // what every connection reads: the handler, the limits, the host names, the count open

private:
    void accept();

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;   // on a strand of its own: accepting, retrying and stopping never overlap
    boost::asio::steady_timer retry_;
    unsigned short port_ = 0;
    std::shared_ptr<shared> shared_;
};

}  // namespace verdict::serve
