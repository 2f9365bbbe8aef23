// verdict serve: the site as a live preview. Every page is made on request
// from reviews held in memory; the catalog's files, its votes, panel.json and
// every seated persona's file are watched, and a change re-reviews only what
// it reaches and tells each open page to reload when its content changed.
#include "cli/command.hpp"
#include "cli/options.hpp"
#include "cli/workspace.hpp"
#include "serve/file_watcher.hpp"
#include "serve/head_baseline.hpp"
#include "serve/http_server.hpp"
#include "serve/live_catalog.hpp"
#include "serve/live_site.hpp"
#include "support/text_file.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/system/system_error.hpp>

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <csignal>
#include <iomanip>
#include <optional>
#include <sstream>
#include <thread>

namespace verdict::cli {

namespace po = boost::program_options;

namespace {

std::string duration_text(double seconds) {
    std::ostringstream out;
    if (seconds < 1) out << static_cast<long>(std::lround(seconds * 1000)) << " ms";
    else out << std::fixed << std::setprecision(2) << seconds << " s";
    return out.str();
}

void print_problems(const std::vector<serve::live_problem>& problems, context& ctx) {
    for (const serve::live_problem& p : problems)
        ctx.err << "  " << p.file << (p.where.empty() ? "" : ": " + p.where) << ": " << p.message << "\n";
}

// One line per reload: what changed, what it re-reviewed, how long it took, the reviews that failed, what it held
// back, and the problems standing, listed below it.
void print_reload(const std::string& changed, const serve::reload_report& report, const serve::live_catalog& catalog, context& ctx) {
    ctx.out << "reload: " << changed << ": re-reviewed " << report.what << " in " << duration_text(report.seconds);
    if (report.failed_reviews > 0) ctx.out << "; " << report.failed_reviews << (report.failed_reviews == 1 ? " seat" : " seats") << " failed";
    if (!report.held_back.empty()) ctx.out << "; held back until fixed: " << report.held_back;
    if (report.problems > 0) ctx.out << "; " << report.problems << (report.problems == 1 ? " problem:" : " problems:");
    ctx.out << std::endl;
    if (report.problems > 0) print_problems(catalog.problems(), ctx);
}

// Opens `url` in the desktop's browser without waiting for it.
void open_in_browser(const std::string& url, context& ctx) {
    pid_t pid = 0;
    std::vector<std::string> argv{"xdg-open", url};
    std::vector<char*> args{argv[0].data(), argv[1].data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);   // the browser gets none of the server's sockets
    const int spawned = posix_spawnp(&pid, "xdg-open", &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        ctx.err << "verdict serve: --open: cannot start xdg-open; open " << url << " in a browser\n";
        return;
    }
    std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
}

// The address --bind names: an IP address, or a name such as localhost, resolved; nullopt after saying why not.
std::optional<std::string> bind_address(const std::string& bind, context& ctx) {
    boost::system::error_code error;
    boost::asio::ip::make_address(bind, error);
    if (!error) return bind;
    boost::asio::io_context io;
    const auto found = boost::asio::ip::tcp::resolver(io).resolve(bind, "", error);
    if (!error && !found.empty()) return found.begin()->endpoint().address().to_string();
    report_error(ctx, "--bind: expected an IP address (such as 127.0.0.1 or ::1) or a name of this machine, found \"" + bind + "\"");
    return std::nullopt;
}

// The server's options, checked: the timeout, and the extra host names in lower case.
struct serve_options {
    std::string bind;
    unsigned short port = 0;
    std::vector<std::string> hosts;
    serve::server_limits limits;
};

std::optional<serve_options> checked_options(const option_parser& p, context& ctx) {
    serve_options out;
    const double timeout = p.values()["client-timeout"].as<double>();
    if (!(timeout > 0 && timeout <= 3600)) {
        report_error(ctx, "--client-timeout: expected seconds between 0 and 3600, found " + std::to_string(timeout));
        return std::nullopt;
    }
    out.limits.request_time = out.limits.write_time = std::chrono::milliseconds(static_cast<long>(timeout * 1000));
    const auto bind = bind_address(p.values()["bind"].as<std::string>(), ctx);
    if (!bind) return std::nullopt;
    out.bind = *bind;
    out.port = p.values()["port"].as<unsigned short>();
    if (p.values().count("allow-host")) out.hosts = p.values()["allow-host"].as<std::vector<std::string>>();
    for (std::string& host : out.hosts)
        std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Follows the catalog's files until `stopping`: each burst of changes is one reload, then the open pages are told.
void follow_changes(serve::file_watcher& watcher, serve::live_catalog& catalog, serve::live_site& site, const std::atomic<bool>& stopping,
                    context& ctx) {
    watcher.watch(catalog.folders());
    while (auto changed = watcher.next([&] { return stopping.load(); })) {
        try {
            serve::catalog_change change = catalog.classify(changed->paths);
            change.everything = change.everything || changed->overflowed;
            if (change.empty()) continue;
            print_reload(change.describe(), catalog.apply(change), catalog, ctx);
            site.reloaded();
            watcher.watch(catalog.folders());
        } catch (const std::exception& error) {   // the machine's trouble (memory, a process): the pages stay as they are
            ctx.err << "verdict serve: a reload failed: " << error.what() << "; the pages stay as they were\n";
        }
    }
}

// Runs the server's io_context until it is stopped; a handler that throws is said, and the serving goes on.
void serve_requests(boost::asio::io_context& io, context& ctx) {
    for (;;) {
        try {
            io.run();
            return;
        } catch (const std::exception& error) {
            ctx.err << "verdict serve: a request failed: " << error.what() << "\n";
        }
    }
}

}  // namespace

exit_code run_serve(const std::vector<std::string>& args, context& ctx) {
    option_parser p("serve", "[options]",
                    "Serves the whole site as a live preview, made on request from the reviews it holds: the index,\n"
                    "category, comparison and tool pages in HTML, each also as .json; the persona lab at /lab/; and the\n"
                    "API at /api/review/<id>, /api/explain/<id>?persona=SEAT, /api/compare/<a>/<b> and /api/stats.\n"
                    "It watches the catalog, its votes, panel.json and every seated script and plugin: a change\n"
                    "re-reviews what it reaches and reloads each open page whose content changed; a problem shows over\n"
                    "the last good page until it is fixed. It only reads the catalog. Ctrl-C stops it.",
                    ctx);
    p.add()("bind", po::value<std::string>()->default_value("127.0.0.1")->value_name("ADDR"), "the address to listen on")
        ("port", po::value<unsigned short>()->default_value(8080)->value_name("N"), "the port to listen on (0: any free port)")
        ("open", "open the site in the desktop's browser")
        ("allow-host", po::value<std::vector<std::string>>()->value_name("NAME"),
         "also answer requests for this host name (the Host header), e.g. a name for this machine on the network")
        ("client-timeout", po::value<double>()->default_value(10)->value_name("SECONDS"),
         "how long a client may take to send a request or read a response before it is dropped");
    p.add_persona_options();
    p.add_example("verdict serve --open", "the live preview at http://127.0.0.1:8080/, opened in the browser");
    p.add_example("verdict serve --port 0 --catalog my-catalog", "another catalog, on any free port (the address is printed)");
    if (auto stop = p.parse(args)) return *stop;
    const auto options = checked_options(p, ctx);
    if (!options) return exit_code::bad_input;
    if (problem_list missing; !check_catalog_folder(p.catalog_dir(), missing)) {
        for (const problem& each : missing) report_error(ctx, to_string(each));
        return exit_code::bad_input;
    }

    serve::live_catalog catalog(p.catalog_dir(), ctx.persona_dir, p.persona_host());
    serve::head_baseline head(p.catalog_dir(), ctx.persona_dir, p.persona_host());
    serve::live_site site(catalog, head);
    boost::asio::io_context io;
    std::optional<serve::http_server> server;
    try {
        server.emplace(io, options->bind, options->port, options->hosts, site, options->limits);
    } catch (const boost::system::system_error& error) {
        report_error(ctx, "cannot listen on " + options->bind + ":" + std::to_string(options->port) + ": " + error.code().message() +
                              "; choose another with --bind or --port");
        return exit_code::bad_input;
    }
    // Watched before the first load, so an edit saved while it runs is not missed: it is the first reload.
    std::optional<serve::file_watcher> watcher;
    try {
        watcher.emplace();
        watcher->watch(catalog.folders());
    } catch (const std::exception& error) {
        ctx.err << "verdict serve: the catalog is not watched, pages will not follow edits: " << error.what() << "\n";
    }

    const serve::reload_report first = catalog.load();
    const std::string host = options->bind.find(':') != std::string::npos ? "[" + options->bind + "]" : options->bind;
    const std::string url = "http://" + host + ":" + std::to_string(server->port()) + "/";
    ctx.out << "verdict serve: reviewed " << first.what << " in " << duration_text(first.seconds);
    if (first.failed_reviews > 0) ctx.out << "; " << first.failed_reviews << (first.failed_reviews == 1 ? " seat" : " seats") << " failed";
    ctx.out << "\n";
    if (first.problems > 0) {
        ctx.err << "verdict serve: " << first.problems << (first.problems == 1 ? " problem" : " problems") << " (shown on every page until fixed):\n";
        print_problems(catalog.problems(), ctx);
    }
    ctx.out << "verdict serve: serving " << display_path(p.catalog_dir()) << " at " << url << " (persona lab: " << url << "lab/); Ctrl-C stops"
            << std::endl;
    server->start();
    if (p.values().count("open")) open_in_browser(url, ctx);

    std::atomic<bool> stopping{false};
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& error, int) {
        if (error) return;
        stopping = true;
        server->stop();
        io.stop();
    });
    head.on_ready([&site] { site.reloaded(); });
    std::thread watching([&] {
        if (watcher) follow_changes(*watcher, catalog, site, stopping, ctx);
    });
    std::vector<std::thread> serving;
    for (unsigned i = 1; i < std::max(2u, std::thread::hardware_concurrency()); ++i) serving.emplace_back([&] { serve_requests(io, ctx); });
    serve_requests(io, ctx);
    stopping = true;
    for (std::thread& t : serving) t.join();
    watching.join();
    head.stop();
    ctx.out << "verdict serve: stopped" << std::endl;
    return exit_code::ok;
}

}  // namespace verdict::cli
