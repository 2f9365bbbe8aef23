#include "serve/http_server.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <fcntl.h>

#include <array>
#include <atomic>
#include <deque>
#include <mutex>
#include <iterator>
#include <optional>

namespace verdict::serve {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

struct http_server::shared {
    shared(request_handler& h, server_limits l, std::vector<std::string> names, unsigned short p)
        : handler(h), limits(l), hosts(std::move(names)), port(p) {}

    request_handler& handler;
    server_limits limits;
    std::vector<std::string> hosts;
    unsigned short port = 0;
    std::atomic<std::size_t> open{0};
    std::mutex streams_mutex;                       // guards streams
    std::deque<std::weak_ptr<void>> streams;        // the open event streams, oldest first
};

namespace {

// The most events an event stream may have waiting: a client this far behind is not reading, and is dropped.
constexpr std::size_t max_waiting_events = 64;
// An event stream with nothing to say still says so this often, so a client that went away is noticed.
constexpr std::chrono::seconds keep_alive_every{15};
// The most event streams open at once: past it the oldest is closed (its page reconnects on its own), so clients
// that hold streams without reading them can never fill every connection.
constexpr std::size_t max_event_streams = 64;
// How long a refused client's unread request is drained before its connection closes, so the refusal reaches it
// rather than a reset.
constexpr std::chrono::seconds drain_time{1};

// Children (persona workers, git) must not inherit the server's sockets; the spawns close them too.
template <class Socket> void close_on_exec(Socket& socket) { ::fcntl(socket.native_handle(), F_SETFD, FD_CLOEXEC); }

const char* reason_text(unsigned status) {
    switch (status) {
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    default: return "Error";
    }
}

http_reply refusal(unsigned status, const std::string& why) {
    return {status, "text/plain; charset=utf-8", std::to_string(status) + " " + reason_text(status) + ": " + why + "\n", {}};
}

class connection : public std::enable_shared_from_this<connection>, public event_stream {
public:
    connection(tcp::socket socket, std::shared_ptr<http_server::shared> shared)
        : stream_(std::move(socket)), shared_(std::move(shared)), timer_(stream_.get_executor()) {
        ++shared_->open;
    }
    ~connection() override { --shared_->open; }

    void start() { net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); }); }

    void send(std::string text) override {
        net::post(stream_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
            if (self->closed_) return;
            if (self->waiting_.size() >= max_waiting_events) return self->close();
            self->waiting_.push_back(std::move(text));
            if (self->waiting_.size() == 1) self->write_event();
        });
    }

private:
    void read() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(shared_->limits.header_bytes));
        stream_.expires_after(shared_->limits.request_time);
        // The header alone: a body it announces is refused before any of it is waited for.
        http::async_read_header(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code error, std::size_t) { self->on_read(error); });
    }

    void on_read(beast::error_code error) {
        if (error == http::error::header_limit) return reply(refusal(431, "the request's header is larger than " + std::to_string(shared_->limits.header_bytes) + " bytes"), false);
        if (error == http::error::unexpected_body || error == http::error::body_limit || (!error && !parser_->is_done()))
            return reply(refusal(413, "a request here has no body"), false);
        if (error == http::error::bad_target || error == http::error::bad_method || error == http::error::bad_version ||
            error == http::error::bad_field || error == http::error::bad_value || error == http::error::bad_line_ending)
            return reply(refusal(400, error.message()), false);
        if (error) return close();   // the client went, or was too slow to send its request: nothing to answer
        const http::request<http::empty_body>& request = parser_->get();
        const bool keep = request.keep_alive();
        head_ = request.method() == http::verb::head;
        if (request.method() != http::verb::get && !head_) {
            http_reply r = refusal(405, "only GET and HEAD are served");
            r.headers.emplace_back("Allow", "GET, HEAD");
            return reply(std::move(r), keep);
        }
        if (static_cast<std::size_t>(std::distance(request.begin(), request.end())) > shared_->limits.header_fields)
            return reply(refusal(431, "the request has more than " + std::to_string(shared_->limits.header_fields) + " header fields"), false);
        if (request.count(http::field::host) != 1) return reply(refusal(400, "expected one Host header"), false);
        const auto host = request.find(http::field::host);
        if (!allowed_host(std::string_view(host->value().data(), host->value().size()), shared_->hosts, shared_->port))
            return reply(refusal(403, "the Host header must name this server (localhost or the address it listens on); see verdict serve --help"), false);
        const auto target = parse_target(std::string_view(request.target().data(), request.target().size()));
        if (const std::string* why = std::get_if<std::string>(&target)) return reply(refusal(400, *why), false);
        const request_target& asked = std::get<request_target>(target);
        try {
            if (shared_->handler.is_event_stream(asked) && !head_) return open_stream(asked);
            return reply(shared_->handler.handle(asked), keep);
        } catch (const std::exception& trouble) {   // the machine's (no memory, no process): this request fails, not the server
            return reply(refusal(500, trouble.what()), false);
        }
    }

    void reply(http_reply r, bool keep) {
        auto response = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(r.status), 11);
        if (r.status != 200) response->reason(reason_text(r.status));
        response->set(http::field::server, "verdict");
        response->set(http::field::content_type, r.content_type);
        response->set(http::field::cache_control, "no-store");
        response->set("X-Content-Type-Options", "nosniff");
        response->set("Referrer-Policy", "no-referrer");
        for (const auto& [name, value] : r.headers) response->set(name, value);
        response->keep_alive(keep);
        response->body() = std::move(r.body);
        response->prepare_payload();
        if (head_) response->body().clear();   // the length stays that of the GET's body
        stream_.expires_after(shared_->limits.write_time);
        http::async_write(stream_, *response, [self = shared_from_this(), response, keep](beast::error_code error, std::size_t) {
            if (error) return self->close();
            if (!keep) return self->drain();
            self->read();
        });
    }

    // Says no more, and reads what the client still sends for a while before closing: closing with its request
    // unread would reset the connection, and the client might never see the answer.
    void drain() {
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
        stream_.expires_after(drain_time);
        stream_.async_read_some(net::buffer(discard_), [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return self->close();
            self->drain_more();
        });
    }

    void drain_more() {
        stream_.async_read_some(net::buffer(discard_), [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return self->close();
            self->drain_more();
        });
    }

    void open_stream(const request_target& target) {
        std::shared_ptr<connection> oldest;
        {
            std::lock_guard lock(shared_->streams_mutex);
            std::erase_if(shared_->streams, [](const std::weak_ptr<void>& s) { return s.expired(); });
            if (shared_->streams.size() >= max_event_streams) {
                oldest = std::static_pointer_cast<connection>(shared_->streams.front().lock());
                shared_->streams.pop_front();
            }
            shared_->streams.push_back(shared_from_this());
        }
        if (oldest) net::post(oldest->stream_.get_executor(), [oldest] { oldest->close(); });
        watch_for_close();
        waiting_.push_back("HTTP/1.1 200 OK\r\nServer: verdict\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n"
                           "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\nretry: 500\n\n");
        write_event();
        keep_alive();
        shared_->handler.opened(shared_from_this(), target);
    }

    // A client sends nothing on an event stream: a read that ends means it went away.
    void watch_for_close() {
        stream_.socket().async_read_some(net::buffer(discard_), [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return self->close();
            self->watch_for_close();
        });
    }

    void keep_alive() {
        timer_.expires_after(keep_alive_every);
        timer_.async_wait([self = shared_from_this()](beast::error_code error) {
            if (error || self->closed_) return;
            self->send(": still here\n\n");
            self->keep_alive();
        });
    }

    void write_event() {
        stream_.expires_after(shared_->limits.write_time);
        net::async_write(stream_, net::buffer(waiting_.front()), [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) return self->close();
            self->waiting_.pop_front();
            if (!self->waiting_.empty()) self->write_event();
        });
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        timer_.cancel();
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

    beast::tcp_stream stream_;
    std::shared_ptr<http_server::shared> shared_;
    net::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::empty_body>> parser_;
    bool head_ = false;
    bool closed_ = false;
    std::array<char, 4096> discard_{};
    std::deque<std::string> waiting_;
};

}  // namespace

http_server::http_server(net::io_context& io, const std::string& address, unsigned short port, std::vector<std::string> hosts,
                         request_handler& handler, server_limits limits)
    : io_(io), acceptor_(net::make_strand(io)), retry_(acceptor_.get_executor()) {
    const tcp::endpoint endpoint(net::ip::make_address(address), port);
    acceptor_.open(endpoint.protocol());
    close_on_exec(acceptor_);
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
    for (const char* local : {"localhost", "127.0.0.1", "[::1]"}) hosts.emplace_back(local);
    hosts.push_back(endpoint.address().is_v6() ? "[" + endpoint.address().to_string() + "]" : endpoint.address().to_string());
    shared_ = std::make_shared<shared>(handler, limits, std::move(hosts), port_);
}

void http_server::start() { accept(); }

void http_server::stop() {
    net::post(acceptor_.get_executor(), [this] {
        beast::error_code ignored;
        acceptor_.close(ignored);
        retry_.cancel();
    });
}

void http_server::accept() {
    acceptor_.async_accept(net::make_strand(io_), [this](beast::error_code error, tcp::socket socket) {
        if (error == net::error::operation_aborted || !acceptor_.is_open()) return;
        if (error) {   // out of descriptors or memory, for now: try again shortly rather than spin
            retry_.expires_after(std::chrono::milliseconds(100));
            retry_.async_wait([this](beast::error_code waited) {
                if (!waited) accept();
            });
            return;
        }
        close_on_exec(socket);
        if (shared_->open.load() >= shared_->limits.connections) {
            beast::error_code ignored;
            socket.close(ignored);
        } else {
            std::make_shared<connection>(std::move(socket), shared_)->start();
        }
        accept();
    });
}

}  // namespace verdict::serve
