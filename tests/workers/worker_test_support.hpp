// What the containment tests share: catalogs with one seat given a hostile
// fixture plugin, the real program run on them, timed from outside and
// measured at its peak, and the reviews of a run taken apart seat by seat so
// that each seat can be held to the run where the hostile plugin is absent.
//
// The figures the checks hold the engine to are written here as the documents
// give them, not read from the engine: a worker may hold 256 MiB for the
// program plus each seat's memory_bytes (64 MiB unless the panel says
// otherwise), a seat is stopped 0.5 s past its time limit, and a seat that
// takes its worker down 3 times in a run is stopped for the rest of it.
#pragma once

#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace verdict::test {

inline constexpr std::uint64_t mib = std::uint64_t{1} << 20;
/// What a worker may hold besides its seats' memory.
inline constexpr std::uint64_t worker_program_bytes = 256 * mib;
/// A seat's memory_bytes when neither its limits nor the panel's script_limits give one.
inline constexpr std::uint64_t default_seat_memory_bytes = 64 * mib;
/// How long past its limit a seat's worker runs before it is killed.
inline constexpr double deadline_grace_seconds = 0.5;
/// Reviews that take a worker down before their seat is stopped for the run.
inline constexpr int strikes_before_stopped = 3;
/// What a stopped seat's failure says on every tool.
inline constexpr const char* stopped_words =
    "not reviewed: its reviews took its worker process down 3 times in this run (a crash, an exit, its time limit or its memory cap), "
    "so it was stopped for the rest of the run";

/// tests/fixtures/plugins/<name>.cpp as built (<name>.so), an absolute path.
std::filesystem::path fixture_plugin_file(const std::string& name);

/// The stock panel with seat `seat` running the plugin `plugin` under `limits` (the seat's "limits" object).
nlohmann::json panel_with_plugin(const std::string& seat, const std::filesystem::path& plugin, const nlohmann::json& limits);

/// The memory cap a worker of `panel` runs under, in bytes: 256 MiB, plus every seat's memory_bytes.
std::uint64_t worker_cap_bytes(const nlohmann::json& panel);

/// A temporary catalog with the shipped tools and `panel`.
class stock_tools_catalog {
public:
    explicit stock_tools_catalog(const nlohmann::json& panel);
    std::string path() const { return catalog_.path().string(); }

private:
    temp_catalog catalog_;
};

/// A run of the program, timed around the process and measured at its peak.
struct timed_run {
    process_result result;
    double seconds = 0;   ///< Wall-clock time from start to exit.
    long peak_kb = -1;    ///< The largest resident set of the program or of any worker it waited for, in KiB.
};

/// `verdict <args>` from the source tree, through bench/peak-rss. That program reads wait4()'s ru_maxrss of the
/// verdict process, which Linux gives as the larger of the process's own peak and the peak of the largest child it
/// waited for (RUSAGE_CHILDREN keeps the largest, it does not add them up). The engine waits for every worker it
/// starts, so the figure is the largest of the engine and each of its workers. A `review --format json` output is
/// checked against docs/schema/review.schema.json by the independent validator, as run_verdict() does.
timed_run run_timed(const std::vector<std::string>& args);

/// `review --all --format json --catalog <catalog> <extra...>`, timed and measured.
timed_run review_all(const std::string& catalog, const std::vector<std::string>& extra = {});

/// The bytes `review --all --format json` prints for the shipped tools with the stock panel, from a catalog laid out
/// as the tests' catalogs are; made once per test program.
const std::string& stock_review_all();

/// Fails the test unless `out` is a JSON array with the same tools, in the same order, each with the same seats as
/// `baseline`, and every seat but `hostile_seat` has exactly the review it has in `baseline`: each seat's object is
/// compared in the form it was printed in (keys in the printed order, numbers as printed), one seat at a time, since
/// the panel's figures change when a seat fails.
void check_other_seats_unchanged(const std::string& out, const std::string& baseline, const std::string& hostile_seat);
/// The same, with several hostile seats.
void check_other_seats_unchanged(const std::string& out, const std::string& baseline, const std::vector<std::string>& hostile_seats);

/// The seat `seat`'s review of tool `tool_id` in a review --all JSON output; a null value when there is none.
nlohmann::json seat_review_of(const std::string& out, const std::string& tool_id, const std::string& seat);

/// Fails the test unless every line of `err` is one of verdict's own ("verdict: ..."), with no control character:
/// what a persona prints may be shown, quoted on a failure's line, but can never add lines or move a terminal's cursor.
void check_stderr_lines_are_verdicts(const std::string& err);

/// How many times `needle` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& needle);

}  // namespace verdict::test
