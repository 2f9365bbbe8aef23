#include "workers/worker_test_support.hpp"

#include "support/paths.hpp"
#include "support/peak_memory.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <sstream>

namespace verdict::test {

using nlohmann::json;
using nlohmann::ordered_json;

std::filesystem::path fixture_plugin_file(const std::string& name) {
    const std::filesystem::path file = std::filesystem::absolute(fixture_plugin_dir() / (name + ".so"));
    REQUIRE(std::filesystem::is_regular_file(file));
    return file;
}

json panel_with_plugin(const std::string& seat, const std::filesystem::path& plugin, const json& limits) {
    json panel = stock_panel_json();
    bool found = false;
    for (json& each : panel.at("seats"))
        if (each.at("id") == seat) {
            each["plugin"] = plugin.string();
            each["limits"] = limits;
            found = true;
        }
    REQUIRE(found);
    return panel;
}

std::uint64_t worker_cap_bytes(const json& panel) {
    std::uint64_t panel_default = default_seat_memory_bytes;
    if (panel.contains("script_limits")) panel_default = panel.at("script_limits").value("memory_bytes", panel_default);
    std::uint64_t cap = worker_program_bytes;
    for (const json& seat : panel.at("seats"))
        cap += seat.contains("limits") ? seat.at("limits").value("memory_bytes", panel_default) : panel_default;
    return cap;
}

stock_tools_catalog::stock_tools_catalog(const json& panel) {
    catalog_.add_stock_tools();
    catalog_.set_panel(panel);
}

timed_run run_timed(const std::vector<std::string>& args) {
    const auto start = std::chrono::steady_clock::now();
    measured_run measured = run_verdict_measured(args);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    timed_run run{std::move(measured.result), took.count(), measured.peak_kb};
    const bool json_review = !args.empty() && args[0] == "review" && std::find(args.begin(), args.end(), "json") != args.end();
    if (json_review && !run.result.out.empty()) {
        const std::string errors = json_schema_errors("review", run.result.out);
        if (!errors.empty()) FAIL_CHECK("verdict's JSON output breaks docs/schema/review.schema.json:\n" << errors);
    }
    return run;
}

timed_run review_all(const std::string& catalog, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"review", "--all", "--format", "json", "--catalog", catalog};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_timed(args);
}

const std::string& stock_review_all() {
    static const std::string out = [] {
        const stock_tools_catalog catalog(stock_panel_json());
        const process_result run = run_verdict({"review", "--all", "--format", "json", "--catalog", catalog.path()});
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        return run.out;
    }();
    return out;
}

void check_other_seats_unchanged(const std::string& out, const std::string& baseline, const std::string& hostile_seat) {
    check_other_seats_unchanged(out, baseline, std::vector<std::string>{hostile_seat});
}

void check_other_seats_unchanged(const std::string& out, const std::string& baseline, const std::vector<std::string>& hostile_seats) {
    // ordered_json keeps the keys as printed, so a dump() is the seat's object as the program wrote it.
    const ordered_json got = ordered_json::parse(out);
    const ordered_json expected = ordered_json::parse(baseline);
    REQUIRE(got.is_array());
    REQUIRE(got.size() == expected.size());
    std::size_t compared = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
        const ordered_json& doc = got[i];
        const ordered_json& before = expected[i];
        const std::string id = before.at("tool").at("id");
        INFO("tool " << id);
        REQUIRE(doc.at("tool").dump() == before.at("tool").dump());
        REQUIRE(doc.at("reviews").size() == before.at("reviews").size());
        for (std::size_t k = 0; k < doc.at("reviews").size(); ++k) {
            const ordered_json& seat = doc.at("reviews")[k];
            const ordered_json& seat_before = before.at("reviews")[k];
            REQUIRE(seat.at("persona") == seat_before.at("persona"));
            if (std::find(hostile_seats.begin(), hostile_seats.end(), seat.at("persona").get<std::string>()) != hostile_seats.end()) continue;
            INFO("seat " << seat.at("persona").get<std::string>());
            CHECK(seat.dump() == seat_before.dump());
            ++compared;
        }
    }
    CHECK(compared > 0);
}

json seat_review_of(const std::string& out, const std::string& tool_id, const std::string& seat) {
    for (const json& doc : json::parse(out))
        if (doc.at("tool").at("id") == tool_id)
            for (const json& review : doc.at("reviews"))
                if (review.at("persona") == seat) return review;
    return nullptr;
}

void check_stderr_lines_are_verdicts(const std::string& err) {
    std::istringstream lines(err);
    std::string line;
    while (std::getline(lines, line)) {
        CAPTURE(line);
        CHECK_THAT(line, Catch::StartsWith("verdict: "));
        for (const char c : line) {
            const auto byte = static_cast<unsigned char>(c);
            if (byte < 0x20 || byte == 0x7F) FAIL_CHECK("a control character (" << static_cast<int>(byte) << ") on verdict's error output");
        }
    }
    if (!err.empty()) CHECK(err.back() == '\n');
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

}  // namespace verdict::test
