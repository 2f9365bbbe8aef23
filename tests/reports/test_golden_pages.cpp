// Every page of the shipped catalog, in every format, compared byte for byte
// with tests/golden/. The golden files change only on purpose, through
// tests/golden/regenerate.py, so any change to what a page says shows up as a
// diff someone has read. The same pages are made again under another locale
// and time zone: the bytes must not move.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <set>
#include <sstream>

using namespace verdict;
using nlohmann::json;

namespace {

std::string read_golden(const std::string& relative) { return test::read_file(test::source_dir() / "tests/golden" / relative); }

// The line where `actual` first departs from `expected`, to show in a failure.
std::string first_difference(const std::string& expected, const std::string& actual) {
    std::istringstream a(expected), b(actual);
    std::string la, lb;
    for (int line = 1;; ++line) {
        const bool more_a = static_cast<bool>(std::getline(a, la));
        const bool more_b = static_cast<bool>(std::getline(b, lb));
        if (!more_a && !more_b) return "no difference";
        if (la != lb || more_a != more_b) return "line " + std::to_string(line) + ":\n  golden: " + la + "\n  now:    " + lb;
    }
}

void check_page(const std::vector<std::string>& args, const std::string& golden) {
    const auto run = test::run_verdict(args);
    INFO("verdict " << args[0] << " → tests/golden/" << golden);
    REQUIRE(run.exit_code == 0);
    const std::string expected = read_golden(golden);
    REQUIRE_FALSE(expected.empty());
    INFO("if the change is intended, regenerate with: python3 tests/golden/regenerate.py --verdict build/bin/verdict\n"
         << first_difference(expected, run.out));
    CHECK(run.out == expected);
}

json stock_index() { return json::parse(test::run_verdict({"index", "--format", "json"}).out); }

// The shipped catalog's one category page, which lists every comparison and every tool.
json stock_listing() {
    const json index = stock_index();
    REQUIRE(index["categories"].size() == 1);
    return json::parse(test::run_verdict({"index", "--category", index["categories"][0]["slug"], "--format", "json"}).out);
}

const std::vector<std::pair<std::string, std::string>> formats{{"text", "txt"}, {"html", "html"}, {"md", "md"}, {"json", "json"}};

}  // namespace

TEST_CASE("every comparison of the shipped catalog matches its golden page in every format", "[reports][golden]") {
    const json listing = stock_listing();
    REQUIRE(listing["comparisons"].size() == 10);
    for (const json& entry : listing["comparisons"])
        for (const auto& [format, ext] : formats)
            check_page({"compare", entry["tools"][0]["id"], entry["tools"][1]["id"], "--format", format},
                       "compare/" + entry["slug"].get<std::string>() + "." + ext);
}

TEST_CASE("every tool page, the category page and the index match their golden pages", "[reports][golden]") {
    const json listing = stock_listing();
    REQUIRE(listing["tools"].size() == 5);
    for (const json& t : listing["tools"])
        for (const std::string format : {"html", "md"}) check_page({"review", t["id"], "--format", format}, "tools/" + t["id"].get<std::string>() + "." + format);
    for (const auto& [format, ext] : formats) {
        check_page({"index", "--format", format}, "index." + ext);
        check_page({"index", "--category", "Developer Tools", "--format", format}, "category/developer-tools." + ext);
    }
}

TEST_CASE("no golden page is left over from a comparison, tool or category the catalog no longer has", "[reports][golden]") {
    const json listing = stock_listing();
    std::set<std::string> expected;
    for (const json& entry : listing["comparisons"])
        for (const auto& [format, ext] : formats) expected.insert("compare/" + entry["slug"].get<std::string>() + "." + ext);
    for (const json& t : listing["tools"])
        for (const std::string ext : {"html", "md"}) expected.insert("tools/" + t["id"].get<std::string>() + "." + ext);
    for (const auto& [format, ext] : formats) {
        expected.insert("index." + ext);
        expected.insert("category/" + listing["slug"].get<std::string>() + "." + ext);
    }
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_dir() / "tests/golden"))
        if (entry.is_regular_file() && entry.path().extension() != ".py")
            found.insert(entry.path().lexically_relative(test::source_dir() / "tests/golden").generic_string());
    CHECK(found == expected);
}

// The engine never reads the locale (it formats numbers with std::to_chars and never calls setlocale) nor the
// time zone (dates are read and written in UTC); this runs it far from UTC to show the bytes do not move.
TEST_CASE("pages are the same bytes whatever the time zone", "[reports][golden]") {
    for (const auto& [format, ext] : formats) {
        const std::vector<std::string> args{"LC_ALL=C.UTF-8", "LANG=C.UTF-8", "TZ=Pacific/Kiritimati", test::verdict_binary().string(),
                                            "compare", "claude-haiku-open-weights", "modal-gpu-serverless-inference", "--format", format};
        const auto run = test::run_process("/usr/bin/env", args, test::source_dir());
        REQUIRE(run.exit_code == 0);
        CHECK(run.out == read_golden("compare/claude-haiku-open-weights-vs-modal-gpu-serverless-inference." + ext));
    }
}
