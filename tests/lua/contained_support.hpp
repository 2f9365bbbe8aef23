// What the contained-script tests share: a copy of the shipped catalog with a
// hostile script in the futurist seat, the real program run on it with its
// wall time and memory measured, and the checks every hostile script must
// pass: verdict survives and prints valid JSON, the seat fails with the named
// cause (or reviews the same way every time), every other seat says exactly
// what it says without the hostile seat, and time and memory stay within
// what the seat's limits allow.
//
// Memory is measured two ways, both covering the worker processes as well as
// the command: the largest resident set of any one process of the run (what
// wait4 reports for the command, which folds in every child it reaped: this is
// what support/peak_memory.hpp's run_verdict_measured reports too), and the
// largest sum of the resident sets of the command and its live workers,
// sampled every few milliseconds (the whole run at once).
#pragma once

#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace verdict::test::contained {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::size_t mib = std::size_t{1} << 20;

/// tests/fixtures/scripts/contained/<name>.lua.
inline fs::path script(const std::string& name) { return source_dir() / "tests" / "fixtures" / "scripts" / "contained" / (name + ".lua"); }

/// The number of the first line of script `name` holding "-- error here"; 0 when none does.
inline int marked_line(const std::string& name) {
    std::ifstream in(script(name));
    std::string line;
    for (int number = 1; std::getline(in, line); ++number)
        if (line.find("-- error here") != std::string::npos) return number;
    return 0;
}

/// "<name>.lua:<line>:", the place Lua names for the marked line.
inline std::string place(const std::string& name) { return name + ".lua:" + std::to_string(marked_line(name)) + ":"; }

/// The tools of the shipped catalog, in id order (the order `review --all` reviews them in).
inline std::vector<std::string> stock_tool_ids() {
    std::vector<std::string> ids;
    for (const auto& entry : fs::directory_iterator(stock_catalog() / "tools")) ids.push_back(entry.path().stem().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// A seat's limits as panel.json writes them.
struct seat_limits {
    double seconds = 2;
    std::size_t memory_bytes = 16 * mib;
    std::optional<std::uint64_t> instructions;

    json to_json() const {
        json out = {{"seconds", seconds}, {"memory_bytes", memory_bytes}};
        if (instructions) out["instructions_per_review"] = *instructions;
        return out;
    }
};

/// A copy of the shipped catalog (panel, tools, comparisons) in a temporary folder, whose panel tests edit.
class stock_copy {
public:
    stock_copy() : panel_(stock_panel_json()) {
        catalog_.add_stock_tools();
        fs::copy_file(stock_catalog() / "comparisons.json", path() / "comparisons.json", fs::copy_options::overwrite_existing);
        save();
    }

    const fs::path& path() const { return catalog_.path(); }
    json& panel() { return panel_; }
    void save() const { catalog_.set_panel(panel_); }

    /// Puts `entry` in the place of seat `id` (the seat keeps its place, and its place among the default seats).
    void replace_seat(const std::string& id, const json& entry) {
        for (json& seat : panel_["seats"])
            if (seat["id"] == id) seat = entry;
        save();
    }

    /// The futurist seat, as the shipped panel has it (the stock plugin) or held by `script`.
    void seat_futurist_plugin() { replace_seat("futurist", {{"id", "futurist"}, {"plugin", "futurist"}}); }
    void seat_futurist_script(const fs::path& file, const seat_limits& limits) {
        replace_seat("futurist", {{"id", "futurist"}, {"script", file.string()}, {"limits", limits.to_json()}});
    }

    /// The developer seat held by the stock developer.lua, which reviews exactly as the developer plugin does: a
    /// script neighbour, with a Lua state and a memory allowance of its own.
    void seat_developer_script(std::size_t memory_bytes = 16 * mib) {
        replace_seat("developer", {{"id", "developer"},
                                   {"script", (source_dir() / "scripts" / "developer.lua").string()},
                                   {"limits", {{"memory_bytes", memory_bytes}, {"seconds", 5}}}});
    }

    /// What every seat without limits of its own gets (and what each plugin seat adds to a worker's memory cap).
    void set_panel_script_memory(std::size_t memory_bytes) {
        panel_["script_limits"] = {{"memory_bytes", memory_bytes}};
        save();
    }

    /// The worker's RLIMIT_AS for this panel: 256 MiB and every seat's memory_bytes.
    std::size_t worker_memory_cap() const {
        const std::size_t panel_memory = panel_.contains("script_limits") ? panel_["script_limits"].value("memory_bytes", 64 * mib) : 64 * mib;
        std::size_t cap = 256 * mib;
        for (const json& seat : panel_["seats"]) cap += seat.contains("limits") ? seat["limits"].value("memory_bytes", panel_memory) : panel_memory;
        return cap;
    }

private:
    temp_catalog catalog_;
    json panel_;
};

/// One run of the real program, with its wall time and memory.
struct measured {
    process_result result;
    double seconds = 0;
    long peak_kb = -1;        ///< The largest resident set of any one process of the run (wait4 on the command).
    long tree_peak_kb = 0;    ///< The largest sum of the resident sets of the command and its children, sampled.
    long command_peak_kb = 0; ///< The largest resident set of the command alone, sampled.
    int signal = 0;           ///< The signal that ended the command, if one did.
};

namespace detail {

inline long resident_kb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/statm");
    long size = 0;
    long resident = 0;
    if (!(in >> size >> resident)) return 0;
    return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

inline std::set<pid_t> children_of(pid_t pid) {
    std::set<pid_t> out;
    std::error_code ec;
    for (const auto& task : fs::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream in(task.path() / "children");
        for (pid_t child = 0; in >> child;) out.insert(child);
    }
    return out;
}

}  // namespace detail

/// Runs the built verdict program with `args` from the source tree, sampling the resident sets of it and its
/// workers every 2 ms. A run that outlasts `timeout_seconds` is killed and fails the test.
inline measured run_measured(const std::vector<std::string>& args, double timeout_seconds = 120) {
    temp_dir dir;
    const fs::path out_file = dir.path() / "stdout";
    const fs::path err_file = dir.path() / "stderr";
    std::vector<std::string> argv{verdict_binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (std::string& each : argv) raw.push_back(each.data());
    raw.push_back(nullptr);
    const std::string cwd = source_dir().string();

    using clock = std::chrono::steady_clock;
    const clock::time_point started = clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        const int in = ::open("/dev/null", O_RDONLY);
        const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
        ::execv(raw[0], raw.data());
        ::_exit(127);
    }
    measured run;
    int status = 0;
    struct rusage usage {};
    bool timed_out = false;
    for (;;) {
        const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        if (done == pid) break;
        long sum = detail::resident_kb(pid);
        run.command_peak_kb = std::max(run.command_peak_kb, sum);
        for (const pid_t child : detail::children_of(pid)) sum += detail::resident_kb(child);
        run.tree_peak_kb = std::max(run.tree_peak_kb, sum);
        if (std::chrono::duration<double>(clock::now() - started).count() > timeout_seconds) {
            timed_out = true;
            ::kill(pid, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    run.seconds = std::chrono::duration<double>(clock::now() - started).count();
    run.peak_kb = usage.ru_maxrss;
    run.result.out = read_file(out_file);
    run.result.err = read_file(err_file);
    if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
    run.result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    INFO("verdict " << args.front() << " ran " << run.seconds << " s");
    REQUIRE_FALSE(timed_out);
    return run;
}

/// `verdict review --all --format json --catalog <catalog>` (or the given tools, in the given order), measured.
inline measured review_run(const fs::path& catalog, const std::vector<std::string>& tools = {}) {
    std::vector<std::string> args{"review"};
    if (tools.empty()) args.push_back("--all");
    args.insert(args.end(), tools.begin(), tools.end());
    for (const char* each : {"--format", "json", "--catalog"}) args.push_back(each);
    args.push_back(catalog.string());
    return run_measured(args);
}

/// Every review of a review run's JSON, by tool id then persona, as the JSON text of the review.
using reviews_by_seat = std::map<std::string, std::map<std::string, std::string>>;

/// The documents of `out` (one tool's object, or the array --all and several ids print), checked to be JSON.
inline json documents_of(const std::string& out) {
    const json doc = json::parse(out, nullptr, false);
    INFO("stdout: " << out.substr(0, 2000));
    REQUIRE_FALSE(doc.is_discarded());
    return doc.is_array() ? doc : json::array({doc});
}

inline reviews_by_seat reviews_of(const std::string& out) {
    reviews_by_seat by;
    for (const json& tool : documents_of(out))
        for (const json& each : tool.at("reviews")) by[tool.at("tool").at("id").get<std::string>()][each.at("persona").get<std::string>()] = each.dump();
    return by;
}

/// The JSON review of `persona` on `tool` in `by`; fails the test when there is none.
inline json review_in(const reviews_by_seat& by, const std::string& tool, const std::string& persona) {
    const auto t = by.find(tool);
    REQUIRE(t != by.end());
    const auto r = t->second.find(persona);
    INFO("tool " << tool << ", persona " << persona);
    REQUIRE(r != t->second.end());
    return json::parse(r->second);
}

/// What a hostile script is expected to do, and the limits it runs under.
struct expectation {
    enum class kind {
        fails,          ///< fails on every tool, each failure holding every fragment
        downs_worker,   ///< takes its worker down on every tool (killed past its time limit, or over the worker's memory
                        ///< cap): stopped after three in --all; `fragments` are the cause, checked on one tool alone
        reviews,        ///< reviews every tool, the same way whatever the order
    };
    expectation(kind what_, std::vector<std::string> fragments_, const seat_limits& limits_)
        : what(what_), fragments(std::move(fragments_)), limits(limits_) {}

    kind what = kind::fails;
    std::vector<std::string> fragments;       ///< For fails: in every failure. For reviews: in every quote.
    seat_limits limits;
    std::optional<std::size_t> panel_script_memory;   ///< The panel's script_limits.memory_bytes, if set.
    bool script_neighbour = true;              ///< developer.lua in the developer seat, beside the hostile one.
    std::size_t memory_bound = 0;              ///< Extra memory allowed over the clean run; 0: the seat's memory_bytes.
};

/// Fixed allowance over a clean run's memory: the Lua state, the worker's own data, sampling jitter.
constexpr long overhead_kb = 48 * 1024;

/// What the wall time of two runs of the same work may differ by on a busy machine.
constexpr double jitter_seconds = 0.5;

/// The wall time one failing tool may add: its limit and one second.
inline double per_failing_tool(const seat_limits& limits) { return limits.seconds + 1.0; }

/// Lists the failures of seat futurist in `by`, by tool.
inline std::map<std::string, std::string> futurist_failures(const reviews_by_seat& by) {
    std::map<std::string, std::string> out;
    for (const auto& [tool, seats] : by) {
        const auto f = seats.find("futurist");
        if (f == seats.end()) continue;
        const json review = json::parse(f->second);
        if (review.at("verdict") == "failed") out[tool] = review.at("error").get<std::string>();
    }
    return out;
}

/// Runs script `name` in the futurist seat of a copy of the shipped catalog with `review --all`, and holds
/// verdict to containment as `expected` says. Returns the hostile run's reviews.
inline reviews_by_seat check_contained(const std::string& name, const expectation& expected) {
    const fs::path file = script(name);
    REQUIRE(fs::exists(file));
    stock_copy catalog;
    if (expected.panel_script_memory) catalog.set_panel_script_memory(*expected.panel_script_memory);
    if (expected.script_neighbour) catalog.seat_developer_script();

    // Without the hostile seat: the same panel with the stock futurist plugin.
    catalog.seat_futurist_plugin();
    const measured clean = review_run(catalog.path());
    INFO("clean run: " << clean.result.err);
    REQUIRE(clean.result.exit_code == 0);
    const reviews_by_seat clean_reviews = reviews_of(clean.result.out);

    catalog.seat_futurist_script(file, expected.limits);
    const measured hostile = review_run(catalog.path());
    const std::vector<std::string> tools = stock_tool_ids();
    INFO("hostile run of " << name << ".lua: exit " << hostile.result.exit_code << " after " << hostile.seconds << " s (clean run "
                           << clean.seconds << " s); peak of one process " << hostile.peak_kb << " KiB (clean " << clean.peak_kb
                           << "), peak of the whole run " << hostile.tree_peak_kb << " KiB (clean " << clean.tree_peak_kb << ")\nstderr:\n"
                           << hostile.result.err.substr(0, 4000));
    std::printf("%-32s exit %d  %6.2f s (clean %5.2f)  peak %7ld KiB (clean %6ld)  run peak %7ld KiB (clean %6ld)\n", name.c_str(),
                hostile.result.exit_code, hostile.seconds, clean.seconds, hostile.peak_kb, clean.peak_kb, hostile.tree_peak_kb,
                clean.tree_peak_kb);

    // verdict survives, and prints valid JSON that follows its schema.
    CHECK(hostile.signal == 0);
    const reviews_by_seat by = reviews_of(hostile.result.out);
    CHECK(json_schema_errors("review", hostile.result.out).empty());
    REQUIRE(by.size() == tools.size());

    // Every other seat says exactly what it says without the hostile seat.
    for (const auto& [tool, seats] : clean_reviews) {
        for (const auto& [persona, text] : seats) {
            if (persona == "futurist") continue;
            INFO("tool " << tool << ", seat " << persona);
            const auto t = by.find(tool);
            REQUIRE(t != by.end());
            const auto r = t->second.find(persona);
            REQUIRE(r != t->second.end());
            CHECK(r->second == text);
        }
        CHECK(by.at(tool).size() == seats.size());
    }

    const std::map<std::string, std::string> failures = futurist_failures(by);
    std::size_t failing = failures.size();
    switch (expected.what) {
    case expectation::kind::fails:
        CHECK(hostile.result.exit_code == 1);
        CHECK(failing == tools.size());
        for (const auto& [tool, failure] : failures) {
            INFO("tool " << tool);
            CHECK_THAT(failure, Catch::Contains(name + ".lua"));
            CHECK_THAT(failure, Catch::Contains("review of " + tool + ": "));
            for (const std::string& fragment : expected.fragments) CHECK_THAT(failure, Catch::Contains(fragment));
            CHECK_THAT(hostile.result.err, Catch::Contains("seat futurist failed: " + failure.substr(0, failure.find('\n'))));
        }
        break;
    case expectation::kind::downs_worker:
        CHECK(hostile.result.exit_code == 1);
        CHECK(failing == tools.size());
        for (const auto& [tool, failure] : failures) {
            INFO("tool " << tool);
            CHECK_THAT(failure, Catch::Contains(name + ".lua: review of " + tool + ": not reviewed: its reviews took its worker process down 3 times"));
        }
        failing = 3;   // stopped after three: the others cost nothing
        break;
    case expectation::kind::reviews:
        CHECK(hostile.result.exit_code == 0);
        CHECK(failing == 0);
        for (const std::string& tool : tools) {
            const json review = review_in(by, tool, "futurist");
            INFO("tool " << tool << ": " << review.dump());
            for (const std::string& fragment : expected.fragments) CHECK_THAT(review.at("quote").get<std::string>(), Catch::Contains(fragment));
        }
        break;
    }

    // Time: the clean run, the limit and a second for each failing tool (three at most for a stopped seat), at most
    // the limit for each tool it reviews, and half a second for the jitter of starting processes on a busy machine.
    const std::size_t reviewed = expected.what == expectation::kind::reviews ? tools.size() : 0;
    CHECK(hostile.seconds <= clean.seconds + static_cast<double>(failing) * per_failing_tool(expected.limits) +
                                 static_cast<double>(reviewed) * expected.limits.seconds + jitter_seconds);

    // Memory: the clean run's, the seat's allowance (or what the test allows) and a fixed overhead, for the
    // largest process and for the whole run at once.
    const long allowed_kb = static_cast<long>((expected.memory_bound ? expected.memory_bound : expected.limits.memory_bytes) / 1024) + overhead_kb;
    CHECK(hostile.peak_kb <= clean.peak_kb + allowed_kb);
    CHECK(hostile.tree_peak_kb <= clean.tree_peak_kb + allowed_kb);
    CHECK(hostile.peak_kb <= static_cast<long>(catalog.worker_memory_cap() / 1024) + overhead_kb);
    return by;
}

/// `verdict review <tool> --format json` with the hostile script alone in the futurist seat: its failure there.
inline std::string failure_on_one_tool(const std::string& name, const expectation& expected, const std::string& tool, double* seconds = nullptr) {
    stock_copy catalog;
    if (expected.panel_script_memory) catalog.set_panel_script_memory(*expected.panel_script_memory);
    if (expected.script_neighbour) catalog.seat_developer_script();
    catalog.seat_futurist_script(script(name), expected.limits);
    const measured run = review_run(catalog.path(), {tool});
    if (seconds) *seconds = run.seconds;
    INFO(run.result.err);
    CHECK(run.signal == 0);
    CHECK(run.result.exit_code == 1);
    const json review = review_in(reviews_of(run.result.out), tool, "futurist");
    REQUIRE(review.at("verdict") == "failed");
    return review.at("error").get<std::string>();
}

/// A script that takes its worker down on every tool: with every tool it is stopped after three (check_contained);
/// reviewing one tool alone, it fails there with its cause in words, within its limit, the grace and a second.
inline void check_downs_worker(const std::string& name, const expectation& expected) {
    check_contained(name, expected);
    double seconds = 0;
    const std::string failure = failure_on_one_tool(name, expected, "claw-code", &seconds);
    CHECK_THAT(failure, Catch::StartsWith("tests/fixtures/scripts/contained/" + name + ".lua: review of claw-code: "));
    for (const std::string& fragment : expected.fragments) CHECK_THAT(failure, Catch::Contains(fragment));
    CHECK(seconds <= expected.limits.seconds + 0.5 + 1 + jitter_seconds);
}

/// For a script that keeps (or tries to keep) state between reviews: each tool's review by the futurist seat is
/// the same reviewed alone, with every tool in id order, and with every tool in the reverse order.
inline void check_order_free(const std::string& name, const seat_limits& limits) {
    stock_copy catalog;
    catalog.seat_futurist_script(script(name), limits);
    std::vector<std::string> tools = stock_tool_ids();
    const reviews_by_seat forward = reviews_of(review_run(catalog.path(), tools).result.out);
    std::vector<std::string> reversed(tools.rbegin(), tools.rend());
    const reviews_by_seat backward = reviews_of(review_run(catalog.path(), reversed).result.out);
    for (const std::string& tool : tools) {
        INFO("tool " << tool);
        const json first = review_in(forward, tool, "futurist");
        CHECK(first == review_in(backward, tool, "futurist"));
        if (tool == tools.back() || tool == tools[tools.size() / 2]) {   // alone, too: a fresh worker, a fresh state
            const reviews_by_seat alone = reviews_of(review_run(catalog.path(), {tool}).result.out);
            CHECK(first == review_in(alone, tool, "futurist"));
        }
    }
}

}  // namespace verdict::test::contained
