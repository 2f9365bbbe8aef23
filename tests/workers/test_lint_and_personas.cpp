// The commands that check a panel rather than publish it load and run the
// personas in workers too: a hostile plugin is a problem they report, in the
// same words as a review, never a crash of their own.
#include "workers/worker_test_support.hpp"

#include "support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace verdict;
using nlohmann::json;

namespace {

// futurist crashes as it loads; creator writes through a null pointer on every review.
json two_hostile_seats() {
    json panel = test::panel_with_plugin("futurist", test::fixture_plugin_file("hostile_crash_in_factory"), {{"seconds", 2}});
    for (json& seat : panel.at("seats"))
        if (seat.at("id") == "creator") {
            seat["plugin"] = test::fixture_plugin_file("hostile_null_write").string();
            seat["limits"] = {{"seconds", 2}};
        }
    return panel;
}

// The line of `text` that starts with `prefix` followed by a space (a row of the personas table); empty when none does.
std::string row_of(const std::string& text, const std::string& prefix) {
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind(prefix + " ", 0) == 0) return line;
    return "";
}

}  // namespace

TEST_CASE("lint lists a hostile seat's failures, one a line, and exits 2 without crashing", "[workers][lint]") {
    const test::stock_tools_catalog catalog(two_hostile_seats());
    const auto run = test::run_timed({"lint", "--catalog", catalog.path()});
    INFO("stdout:\n" << run.result.out << "stderr:\n" << run.result.err);
    CHECK(run.result.exit_code == 2);
    // A persona that cannot load is one problem, not one per tool.
    CHECK(test::occurrences(run.result.out, "hostile_crash_in_factory.so: loading: crashed (SIGSEGV)\n") == 1);
    CHECK(test::occurrences(run.result.out, "hostile_crash_in_factory.so") == 1);
    // lint has every seat review every tool: creator takes its worker down on three and is stopped, and each of the
    // five tools says so.
    for (const std::string& id : {std::string("claude-haiku-open-weights"), std::string("claw-code"), std::string("llama-4-compact-12b"),
                                  std::string("llama-4-scout-quantized"), std::string("modal-gpu-serverless-inference")})
        CHECK_THAT(run.result.out, Catch::Contains("hostile_null_write.so: review of " + id + ": " + test::stopped_words + "\n"));
    // Then why creator was stopped: the crashes that stopped it, each in words.
    CHECK_THAT(run.result.out, Catch::Contains("seat creator was stopped for the rest of the run") && Catch::Contains(": crashed (SIGSEGV)"));
    CHECK(test::occurrences(run.result.out, "\n") == 7);
    CHECK_THAT(run.result.err, Catch::Contains("verdict lint: 7 problems"));
    CHECK(run.seconds <= 2 + 1);
}

TEST_CASE("personas shows a seat whose factory crashes as failed, with the crash in words, and exits 1", "[workers][personas]") {
    const test::stock_tools_catalog catalog(two_hostile_seats());

    const auto text = test::run_timed({"personas", "--catalog", catalog.path()});
    INFO("stdout:\n" << text.result.out << "stderr:\n" << text.result.err);
    CHECK(text.result.exit_code == 1);
    CHECK_THAT(row_of(text.result.out, "futurist"), Catch::Matches("futurist +yes +no +- +- +failed +.*/hostile_crash_in_factory\\.so"));
    CHECK_THAT(text.result.out, Catch::Contains("futurist failed: ") && Catch::Contains("hostile_crash_in_factory.so: loading: crashed (SIGSEGV)"));
    // Loading alone reviews nothing: creator loads, and its crashes on review are not the personas command's to find.
    CHECK_THAT(row_of(text.result.out, "creator"), Catch::Matches("creator +no +no +Well Behaved +0\\.0\\.1 +loaded +.*/hostile_null_write\\.so"));
    for (const std::string& other : {std::string("developer"), std::string("skeptic"), std::string("business")})
        CHECK_THAT(row_of(text.result.out, other), Catch::Matches(other + " +yes +no +[A-Z][a-z]+ +2\\.0\\.0 +loaded +.*"));

    const auto as_json = test::run_timed({"personas", "--catalog", catalog.path(), "--format", "json"});
    CHECK(as_json.result.exit_code == 1);
    const json rows = json::parse(as_json.result.out);
    REQUIRE(rows.size() == 5);
    CHECK(rows[2].at("seat") == "futurist");
    CHECK(rows[2].at("state") == "failed");
    CHECK_THAT(rows[2].at("error").get<std::string>(), Catch::EndsWith("hostile_crash_in_factory.so: loading: crashed (SIGSEGV)"));
    for (const std::size_t i : {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{4}}) {
        CAPTURE(rows[i]);
        CHECK(rows[i].at("state") == "loaded");
        CHECK(rows[i].at("error").is_null());
    }
}
