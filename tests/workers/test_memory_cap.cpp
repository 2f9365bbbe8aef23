// A persona that allocates without end is held by its worker's memory cap
// (RLIMIT_AS: 256 MiB for the program plus the seats' memory_bytes), fails
// its seat with the cap in words, and leaves no less memory to the seats that
// review after it.
//
// The cap is made small here: the hostile seat asks for 32 MiB and every other
// seat for the least the schema allows (64 KiB, through the panel's
// script_limits), so a worker may hold 256 MiB + 32 MiB + 4 x 64 KiB. The
// stock plugins need none of it; their reviews do not change.
#include "workers/worker_test_support.hpp"

#include "support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;

namespace {

constexpr std::uint64_t hostile_seat_bytes = 32 * test::mib;
constexpr std::uint64_t least_seat_bytes = 65536;
// The engine itself, with five tools: a few MiB (measured at about 7 MiB).
constexpr std::uint64_t memory_overhead_bytes = 16 * test::mib;

json small_cap_panel(const std::string& seat) {
    json panel = test::panel_with_plugin(seat, test::fixture_plugin_file("hostile_allocate_forever"),
                                         {{"seconds", 2}, {"memory_bytes", hostile_seat_bytes}});
    panel["script_limits"] = {{"memory_bytes", least_seat_bytes}};
    return panel;
}

// A sound Lua persona that holds a 24 MiB string for each review, well inside the 64 MiB its seat allows.
constexpr const char* hungry_script = R"(-- Holds 24 MiB for each review, then lets go: within the 64 MiB its seat allows.
local defaults = { base = 50, threshold = 60, min_facts = 0, weights = { steady = 5 } }
local function review(tool, ctx)
  local held = string.rep("x", 24 * 1024 * 1024)
  return ctx.finish("I held " .. #held .. " bytes to think about " .. tool.name .. ".")
end
return { id = "hungry", name = "Hungry", version = "1.0.0", defaults = defaults, review = review }
)";

}  // namespace

TEST_CASE("a persona that allocates without end fails its seat at its worker's memory cap, which no worker ever passes",
          "[workers][hostile][memory]") {
    const json panel = small_cap_panel("creator");
    const std::uint64_t cap = test::worker_cap_bytes(panel);
    REQUIRE(cap == test::worker_program_bytes + hostile_seat_bytes + 4 * least_seat_bytes);
    const test::stock_tools_catalog catalog(panel);
    const auto run = test::review_all(catalog.path());
    INFO("stderr:\n" << run.result.err);
    CHECK(run.result.exit_code == 1);
    REQUIRE_NOTHROW(json::parse(run.result.out));

    const std::string cause = "went over its worker's memory cap of " + std::to_string(cap >> 20) + " MiB";
    const json creator = test::seat_review_of(run.result.out, "claw-code", "creator");
    CHECK(creator.at("verdict") == "failed");
    CHECK_THAT(creator.at("error").get<std::string>(), Catch::EndsWith("/hostile_allocate_forever.so: review of claw-code: " + cause));
    CHECK_THAT(run.result.err, Catch::Contains("verdict: error: seat creator failed: ") && Catch::Contains(cause));
    CHECK(test::occurrences(run.result.err, "failed") == 1);
    test::check_stderr_lines_are_verdicts(run.result.err);
    test::check_other_seats_unchanged(run.result.out, test::stock_review_all(), "creator");
    CHECK(run.seconds <= 2 + 1);

    // The figure is the largest of the engine and each worker it waited for. The persona touches every page it
    // allocates, so its worker's resident set climbs to near the cap: a figure far above the engine's own few MiB
    // shows the worker is measured, and the cap holds it.
    INFO("peak " << run.peak_kb << " KiB, cap " << (cap >> 10) << " KiB");
    CHECK(static_cast<std::uint64_t>(run.peak_kb) * 1024 >= cap / 2);
    CHECK(static_cast<std::uint64_t>(run.peak_kb) * 1024 <= cap + memory_overhead_bytes);
}

TEST_CASE("a persona that allocates without end on every tool is stopped after three reviews, held by the cap each time",
          "[workers][hostile][memory]") {
    const json panel = small_cap_panel("futurist");
    const std::uint64_t cap = test::worker_cap_bytes(panel);
    const test::stock_tools_catalog catalog(panel);
    const auto run = test::review_all(catalog.path());
    INFO("stderr:\n" << run.result.err);
    CHECK(run.result.exit_code == 1);
    for (const std::string& id : std::vector<std::string>{"claude-haiku-open-weights", "claw-code", "llama-4-compact-12b", "llama-4-scout-quantized",
                                                          "modal-gpu-serverless-inference"}) {
        CAPTURE(id);
        CHECK_THAT(test::seat_review_of(run.result.out, id, "futurist").at("error").get<std::string>(),
                   Catch::EndsWith("/hostile_allocate_forever.so: review of " + id + ": " + test::stopped_words));
    }
    test::check_stderr_lines_are_verdicts(run.result.err);
    test::check_other_seats_unchanged(run.result.out, test::stock_review_all(), "futurist");
    CHECK(run.seconds <= 2 + 1);
    INFO("peak " << run.peak_kb << " KiB, cap " << (cap >> 10) << " KiB");
    CHECK(static_cast<std::uint64_t>(run.peak_kb) * 1024 >= cap / 2);
    CHECK(static_cast<std::uint64_t>(run.peak_kb) * 1024 <= cap + memory_overhead_bytes);
}

TEST_CASE("memory a persona took up to the cap is not left to starve the seats that review after it", "[workers][hostile][memory]") {
    // futurist allocates until the cap refuses and keeps all it got; business, after it on every tool, is a sound
    // script that needs 24 MiB of the 64 MiB its seat allows. Were the worker that ran futurist to go on reviewing,
    // business would find the cap already reached and fail through no fault of its own.
    test::temp_dir scripts;
    test::write_file(scripts.path() / "hungry.lua", hungry_script);
    json panel = test::stock_panel_json();
    for (json& seat : panel.at("seats"))
        if (seat.at("id") == "business") {
            seat.erase("plugin");
            seat["script"] = (scripts.path() / "hungry.lua").string();
        }
    const test::stock_tools_catalog without(panel);
    for (json& seat : panel.at("seats"))
        if (seat.at("id") == "futurist") {
            seat["plugin"] = test::fixture_plugin_file("hostile_allocate_forever").string();
            seat["limits"] = {{"seconds", 2}};
        }
    const test::stock_tools_catalog with(panel);

    const auto baseline = test::review_all(without.path());
    INFO("stderr without the hostile seat:\n" << baseline.result.err);
    REQUIRE(baseline.result.exit_code == 0);
    const auto run = test::review_all(with.path());
    INFO("stderr:\n" << run.result.err);
    CHECK(run.result.exit_code == 1);
    CHECK_THAT(run.result.err, !Catch::Contains("seat business failed"));
    test::check_other_seats_unchanged(run.result.out, baseline.result.out, "futurist");
}
