// serve-load: a bounded load test of `verdict serve` on loopback. Each of
// --clients threads keeps one connection open and requests the paths of
// --paths (one per line) in turn, each thread from its own place in the list,
// for --seconds; every response is read whole. It prints, as JSON, how many
// requests were answered and how fast, and the latency percentiles.
//
// Usage: serve-load --port N --paths FILE [--clients 50] [--seconds 10]
#include <boost/program_options.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

struct client_result {
    std::vector<double> latencies_ms;
    std::size_t failures = 0;
    std::size_t bytes = 0;
};

int connect_to(unsigned short port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

// Sends one GET and reads its response whole; the status, or -1 when the connection failed.
int get(int fd, const std::string& request, std::string& buffer, std::size_t& bytes) {
    if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) return -1;
    buffer.clear();
    char chunk[65536];
    std::size_t header_end = std::string::npos;
    std::size_t length = 0;
    for (;;) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return -1;
        buffer.append(chunk, static_cast<std::size_t>(n));
        if (header_end == std::string::npos) {
            header_end = buffer.find("\r\n\r\n");
            if (header_end == std::string::npos) continue;
            const std::size_t field = buffer.find("Content-Length: ");
            if (field == std::string::npos || field > header_end) return -1;
            length = std::stoul(buffer.substr(field + 16));
        }
        if (buffer.size() >= header_end + 4 + length) break;
    }
    bytes += buffer.size();
    return std::stoi(buffer.substr(9, 3));
}

void run_client(unsigned short port, const std::vector<std::string>& paths, std::size_t start, clock_type::time_point until, client_result& out) {
    int fd = connect_to(port);
    std::string buffer;
    for (std::size_t i = start; clock_type::now() < until; ++i) {
        if (fd < 0) {
            ++out.failures;
            fd = connect_to(port);
            continue;
        }
        const std::string request = "GET " + paths[i % paths.size()] + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
        const auto sent = clock_type::now();
        const int status = get(fd, request, buffer, out.bytes);
        const double ms = std::chrono::duration<double, std::milli>(clock_type::now() - sent).count();
        if (status != 200) {
            ++out.failures;
            ::close(fd);
            fd = -1;
            continue;
        }
        out.latencies_ms.push_back(ms);
    }
    if (fd >= 0) ::close(fd);
}

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    namespace po = boost::program_options;
    po::options_description options("serve-load options");
    options.add_options()("port", po::value<unsigned short>()->required(), "the server's port on 127.0.0.1")
        ("paths", po::value<std::string>()->required(), "a file of paths to request, one per line")
        ("clients", po::value<std::size_t>()->default_value(50), "concurrent clients, one connection each")
        ("seconds", po::value<double>()->default_value(10), "how long to request for");
    po::variables_map values;
    try {
        po::store(po::parse_command_line(argc, argv, options), values);
        po::notify(values);
    } catch (const std::exception& error) {
        std::cerr << "serve-load: " << error.what() << "\n" << options;
        return 2;
    }
    std::vector<std::string> paths;
    std::ifstream list(values["paths"].as<std::string>());
    for (std::string line; std::getline(list, line);)
        if (!line.empty()) paths.push_back(line);
    if (paths.empty()) {
        std::cerr << "serve-load: --paths: expected a file of paths, one per line, found none\n";
        return 2;
    }
    const std::size_t clients = values["clients"].as<std::size_t>();
    const auto seconds = std::chrono::duration<double>(values["seconds"].as<double>());
    std::vector<client_result> results(clients);
    std::vector<std::thread> threads;
    const auto start = clock_type::now();
    const auto until = start + std::chrono::duration_cast<clock_type::duration>(seconds);
    for (std::size_t c = 0; c < clients; ++c)
        threads.emplace_back(run_client, values["port"].as<unsigned short>(), std::cref(paths), c * paths.size() / clients, until, std::ref(results[c]));
    for (std::thread& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
    std::vector<double> all;
    std::size_t failures = 0, bytes = 0;
    for (const client_result& r : results) {
        all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
        failures += r.failures;
        bytes += r.bytes;
    }
    std::sort(all.begin(), all.end());
    std::printf("{\"clients\": %zu, \"seconds\": %.2f, \"requests\": %zu, \"failures\": %zu, \"per_second\": %.0f, \"mb_per_second\": %.1f, "
                "\"p50_ms\": %.2f, \"p90_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f}\n",
                clients, elapsed, all.size(), failures, static_cast<double>(all.size()) / elapsed, static_cast<double>(bytes) / elapsed / 1e6,
                percentile(all, 50), percentile(all, 90), percentile(all, 99), all.empty() ? 0 : all.back());
    return failures == 0 ? 0 : 1;
}
