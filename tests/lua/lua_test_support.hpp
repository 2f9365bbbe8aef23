// Helpers the sandbox tests share: where a fixture script is, the line a
// fixture marks as the one its error must name, loading and reviewing a script
// on its own, and a temporary catalog that seats fixture scripts beside the
// stock plugins, checked in process and through the real program.
#pragma once

#include "cli/workspace.hpp"
#include "hosts/lua/script_engine.hpp"
#include "hosts/lua/script_persona.hpp"
#include "panel/tool_review.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace verdict::test {

/// tests/fixtures/scripts/<name>.lua.
inline std::filesystem::path fixture_script(const std::string& name) {
    return source_dir() / "tests" / "fixtures" / "scripts" / (name + ".lua");
}

/// The number of the first line of fixture `name` holding `marker` (fixtures mark the line an error must name).
inline int marked_line(const std::string& name, const std::string& marker = "-- error here") {
    std::ifstream in(fixture_script(name));
    std::string line;
    for (int number = 1; std::getline(in, line); ++number)
        if (line.find(marker) != std::string::npos) return number;
    FAIL("no line of " << name << ".lua holds \"" << marker << "\"");
    return 0;
}

/// "<name>.lua:<line>:", the place a message names, for the line fixture `name` marks.
inline std::string place(const std::string& name, const std::string& marker = "-- error here") {
    return name + ".lua:" + std::to_string(marked_line(name, marker)) + ":";
}

/// Limits small enough that a runaway script is stopped within milliseconds.
inline script_limits small_limits() {
    script_limits limits;
    limits.instructions_per_review = 200'000;
    limits.instructions_per_load = 200'000;
    limits.memory_bytes = 2u << 20;
    return limits;
}

/// The same limits as panel.json writes them.
inline nlohmann::json limits_json(const script_limits& limits) {
    return {{"instructions_per_review", limits.instructions_per_review},
            {"instructions_per_load", limits.instructions_per_load},
            {"memory_bytes", limits.memory_bytes},
            {"source_bytes", limits.source_bytes}};
}

/// A tool with a few facts of each kind: released, open weights, two integrations, a licence group.
inline tool probe_tool(const std::string& id = "probe-tool") {
    tool t;
    t.id = id;
    t.name = "Probe Tool";
    t.vendor = "Example Labs";
    t.availability = release_stage::released;
    t.licence.open_weights = true;
    t.integrations = std::vector<std::string>{"PyTorch", "Hugging Face Transformers"};
    return t;
}

/// How loading a script, or a review by it, ended: "host_error", "no exception" (with the review, if one
/// was asked for), "std::exception" or "another exception".
struct script_outcome {
    std::string ended;
    std::string message;
    std::optional<review> result;
};

template <class Call> script_outcome outcome_of_call(Call&& call) {
    try {
        return {"no exception", "", call()};
    } catch (const host_error& error) {
        return {"host_error", error.what(), std::nullopt};
    } catch (const std::exception& error) {
        return {"std::exception", error.what(), std::nullopt};
    } catch (...) {
        return {"another exception", "", std::nullopt};
    }
}

/// Loads fixture `name` into a Lua state of its own.
inline std::unique_ptr<persona_backend> load_fixture(const std::string& name, const script_limits& limits = small_limits()) {
    return load_script_persona(fixture_script(name), limits);
}

/// Loads fixture `name` on its own and reviews `t` with the persona's defaults.
inline script_outcome review_with(const std::string& name, const tool& t = probe_tool(), const script_limits& limits = small_limits()) {
    return outcome_of_call([&]() -> std::optional<review> {
        const auto persona = load_fixture(name, limits);
        return persona->review_tool(t, persona->defaults());
    });
}

/// Loads fixture `name` on its own, without reviewing.
inline script_outcome load_only(const std::string& name, const script_limits& limits = small_limits()) {
    return outcome_of_call([&]() -> std::optional<review> {
        load_fixture(name, limits);
        return std::nullopt;
    });
}

/// The tool every panel-level test reviews: a copy of the shipped catalog's llama-4-compact-12b, on which the
/// stock default seats all give a verdict.
inline constexpr const char* panel_tool = "llama-4-compact-12b";

/// What well_behaved.lua says about the panel tool: its name as given, upper-cased and lower-cased.
inline constexpr const char* steady_quote = "Llama 4 Compact (12B) / LLAMA 4 COMPACT (12B) / llama 4 compact (12b)";

/// A temporary catalog: the stock panel, then one script seat per (seat id, fixture) in `scripts`, all among
/// the default seats; `panel_limits` as the panel's script_limits; the panel tool as its only tool.
class script_catalog {
public:
    explicit script_catalog(std::initializer_list<std::pair<std::string, std::string>> scripts = {},
                            const script_limits& panel_limits = small_limits()) {
        nlohmann::json panel = stock_panel_json();
        for (const auto& [seat, fixture] : scripts) {
            panel["seats"].push_back({{"id", seat}, {"script", fixture_script(fixture).string()}});
            panel["default_seats"].push_back(seat);
        }
        panel["script_limits"] = limits_json(panel_limits);
        set_panel(panel);
        std::filesystem::copy_file(stock_catalog() / "tools" / (std::string(panel_tool) + ".json"),
                                   catalog_.path() / "tools" / (std::string(panel_tool) + ".json"));
    }

    const std::filesystem::path& path() const { return catalog_.path(); }
    void set_panel(const nlohmann::json& panel) const { catalog_.set_panel(panel); }

    /// The workspace as the program loads it; the test fails at once if the panel file itself has problems.
    cli::workspace load() const {
        cli::workspace ws = cli::load_workspace(path(), persona_dir());
        std::string problems;
        for (const problem& each : ws.problems) problems += to_string(each) + "\n";
        INFO(problems);
        REQUIRE(ws.problems.empty());
        REQUIRE(ws.seats);
        return ws;
    }

    /// One panel pass over the panel tool.
    tool_review review(const cli::workspace& ws) const {
        const tool* t = ws.tools.find(panel_tool);
        REQUIRE(t != nullptr);
        return review_tool(*ws.seats, *t);
    }

    /// verdict review <panel tool> --format json --catalog <this catalog>, run as a user runs it.
    process_result run_cli() const { return run_verdict({"review", panel_tool, "--format", "json", "--catalog", path().string()}); }

private:
    temp_catalog catalog_;
};

inline const seat_review* seat_in(const tool_review& r, const std::string& id) {
    for (const seat_review& s : r.seats)
        if (s.seat == id) return &s;
    return nullptr;
}

/// The panel-level half of every hostile-script test: fixture `name` sits in seat "hostile" and well_behaved.lua
/// in seat "steady" after it, beside the stock plugins. The hostile seat must fail
/// with a message holding every fragment; every other seat must still review (the steady one exactly as
/// usual); and the real program must exit 1, naming the failed seat and the script.
inline void check_fails_alone(const std::string& name, const std::vector<std::string>& fragments,
                              const script_limits& limits = small_limits()) {
    const script_catalog catalog({{"hostile", name}, {"steady", "well_behaved"}}, limits);
    const cli::workspace ws = catalog.load();
    const tool_review r = catalog.review(ws);
    const seat_review* hostile = seat_in(r, "hostile");
    REQUIRE(hostile != nullptr);
    CHECK(hostile->outcome() == seat_outcome::failed);
    CHECK_THAT(hostile->failure, Catch::Contains(name + ".lua"));
    for (const std::string& fragment : fragments) CHECK_THAT(hostile->failure, Catch::Contains(fragment));
    for (const seat_review& other : r.seats) {
        if (other.seat == "hostile") continue;
        INFO("seat " << other.seat << ": " << other.failure);
        CHECK(other.result.has_value());
    }
    const seat_review* steady = seat_in(r, "steady");
    REQUIRE(steady != nullptr);
    if (steady->result) CHECK(steady->result->quote == steady_quote);
    CHECK(r.verdict.failed == 1);

    const process_result run = catalog.run_cli();
    INFO(run.err);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("seat hostile failed: "));
    CHECK_THAT(run.err, Catch::Contains(name + ".lua"));
    CHECK_THAT(run.err, !Catch::Contains("seat steady failed"));
    const auto doc = nlohmann::json::parse(run.out, nullptr, false);
    REQUIRE_FALSE(doc.is_discarded());
    std::map<std::string, std::string> verdicts;
    for (const auto& each : doc["reviews"]) verdicts[each["persona"].get<std::string>()] = each["verdict"].get<std::string>();
    CHECK(verdicts["hostile"] == "failed");
    for (const auto& [seat, verdict] : verdicts) {
        INFO("seat " << seat);
        if (seat != "hostile") CHECK(verdict != "failed");
    }
    for (const auto& each : doc["reviews"])
        if (each["persona"] == "steady") CHECK(each["quote"] == steady_quote);
}

}  // namespace verdict::test
