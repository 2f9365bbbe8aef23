// The workers change where personas run, never what they say: in process
// (--isolation none) and in workers the bytes are the same, and so they are
// with one worker or eight, a hostile seat crashing and hanging among them.
#include "workers/worker_test_support.hpp"

#include "support/generated_catalog.hpp"
#include "support/paths.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace verdict;
using nlohmann::json;

TEST_CASE("sound plugins give the same bytes in process (--isolation none) as in supervised workers", "[workers][isolation]") {
    // The stock plugins, and a sound fixture whose every string is allocated by plugin code, seated as creator.
    json panel = test::stock_panel_json();
    for (json& seat : panel.at("seats"))
        if (seat.at("id") == "creator") seat["plugin"] = test::fixture_plugin_file("heap_review").string();
    const test::stock_tools_catalog catalog(panel);
    // Every tool in JSON and in text; a page (Markdown, HTML) shows one tool, claw-code, on which creator sits.
    const std::vector<std::vector<std::string>> asks{{"--all", "--format", "json"}, {"--all", "--format", "text"},
                                                     {"claw-code", "--format", "md"}, {"claw-code", "--format", "html"}};
    for (const std::vector<std::string>& ask : asks) {
        std::vector<std::string> args{"review", "--catalog", catalog.path()};
        args.insert(args.end(), ask.begin(), ask.end());
        CAPTURE(args);
        std::vector<std::string> in_process = args;
        in_process.insert(in_process.end(), {"--isolation", "none"});
        const auto workers = test::run_verdict(args);
        const auto none = test::run_verdict(in_process);
        INFO(workers.err << none.err);
        CHECK(workers.exit_code == 0);
        CHECK(none.exit_code == 0);
        CHECK_FALSE(workers.out.empty());
        CHECK(none.out == workers.out);
        CHECK(none.err == workers.err);
    }

    // And a batch: every file of the output folder, the bookkeeping included, the same bytes.
    test::temp_dir dir;
    const auto batch = [&](const std::string& out, const std::string& isolation) {
        return test::run_verdict({"batch", "--catalog", catalog.path(), "--out", (dir.path() / out).string(), "--quiet", "--isolation", isolation});
    };
    CHECK(batch("workers", "process").exit_code == 0);
    CHECK(batch("in-process", "none").exit_code == 0);
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path() / "workers"))
        if (entry.is_regular_file()) files.push_back(entry.path().lexically_relative(dir.path() / "workers").generic_string());
    CHECK(files.size() > 20);
    for (const std::string& file : files) {
        CAPTURE(file);
        // The state holds the times the catalog's files were read, and its own times.
        if (file.starts_with(".verdict/")) continue;
        CHECK(test::read_file(dir.path() / "in-process" / file) == test::read_file(dir.path() / "workers" / file));
    }
}

TEST_CASE("one, two or eight workers (--jobs) give the same bytes, hostile seats crashing and hanging among sound ones", "[workers][jobs]") {
    // 240 tools, so that eight workers are started and share the work; futurist crashes on every tool and creator
    // (on about one tool in ten) never returns. Which worker meets either first, and how many do at once, must not
    // show in the output.
    test::temp_dir dir;
    const auto catalog = dir.path() / "catalog";
    test::generate_catalog(catalog, 240, 6, 23);
    const std::string baseline = test::run_verdict({"review", "--all", "--format", "json", "--catalog", catalog.string()}).out;
    REQUIRE_FALSE(baseline.empty());

    json panel = test::read_json(catalog / "panel.json");
    for (json& seat : panel.at("seats")) {
        if (seat.at("id") == "futurist") seat["plugin"] = test::fixture_plugin_file("hostile_null_write").string();
        if (seat.at("id") == "creator") {
            seat["plugin"] = test::fixture_plugin_file("hostile_endless_loop").string();
            seat["limits"] = {{"seconds", 0.3}};
        }
    }
    test::write_file(catalog / "panel.json", panel.dump(2));

    std::string first;
    for (const char* jobs : {"1", "2", "8"}) {
        CAPTURE(jobs);
        const auto run = test::run_timed({"review", "--all", "--format", "json", "--catalog", catalog.string(), "--jobs", jobs});
        INFO("stderr: " << run.result.err.substr(0, 2000));
        CHECK(run.result.exit_code == 1);
        REQUIRE_NOTHROW(json::parse(run.result.out));
        CHECK_THAT(run.result.err, Catch::Contains("hostile_null_write.so: review of ") && Catch::Contains("hostile_endless_loop.so: review of "));
        test::check_stderr_lines_are_verdicts(run.result.err);
        // Three hangs at most, each the limit and the grace, whatever the number of workers.
        CHECK(run.seconds <= test::strikes_before_stopped * (0.3 + test::deadline_grace_seconds) + 5);
        if (first.empty()) {
            first = run.result.out;
            test::check_other_seats_unchanged(run.result.out, baseline, std::vector<std::string>{"futurist", "creator"});
        } else {
            CHECK(run.result.out == first);
        }
    }
}
