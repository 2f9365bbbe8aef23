// The editors' worked example in scripts/README.md, run exactly as written:
// the script block is copied out of the README, checked with verdict lint,
// seated in a copy of the catalog, reviews through the real program, and its
// fixtures, copied out too, hold under verdict test. Its warning holds too: as
// a counting seat it breaks the stock fixtures with the miss it shows, and as
// the shadow seat it shows, it does not; and a fact name misspelt in it is
// reported by lint as the README shows.
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

using namespace verdict;
using nlohmann::json;

namespace {

std::string scripts_readme() { return test::read_file(test::source_dir() / "scripts" / "README.md"); }

// The fenced block that follows `marker` in the README.
std::string block_after(const std::string& text, const std::string& marker) {
    const std::size_t at = text.find(marker);
    REQUIRE(at != std::string::npos);
    const std::size_t start = text.find('\n', text.find("```", at)) + 1;
    return text.substr(start, text.find("```", start) - start);
}

}  // namespace

TEST_CASE("the worked example in scripts/README.md lints clean, seats as shown, and reviews", "[lua][example]") {
    const std::string readme = scripts_readme();
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    const auto scripts = catalog.path() / "scripts";
    test::write_file(scripts / "tinkerer.lua", block_after(readme, "**1. Write `scripts/tinkerer.lua`:**"));

    const auto lint = test::run_verdict({"lint", "--catalog", catalog.path().string(), (scripts / "tinkerer.lua").string()});
    CHECK(lint.exit_code == 0);
    CHECK_THAT(lint.err, Catch::Contains("no problems"));

    // The seat exactly as the README shows it, with the path adjusted to where this copy of the script sits.
    json seat = json::parse(block_after(readme, "**3. Seat it**"));
    CHECK(seat["script"] == "../scripts/tinkerer.lua");
    seat["script"] = "scripts/tinkerer.lua";
    json panel = test::stock_panel_json();
    panel["seats"].push_back(seat);
    panel["default_seats"].push_back("tinkerer");
    catalog.set_panel(panel);

    const auto run = test::run_verdict({"review", "llama-4-compact-12b", "--format", "json", "--catalog", catalog.path().string()});
    REQUIRE(run.exit_code == 0);
    const json doc = json::parse(run.out);
    REQUIRE(doc["reviews"].size() == 5);
    const json& tinkerer = doc["reviews"][4];
    CHECK(tinkerer["persona"] == "tinkerer");
    CHECK(tinkerer["verdict"] == "ship");
    CHECK(tinkerer["score"] == 75);   // base 50 + runnable 15 + open 10
    CHECK(tinkerer["quote"] == "Llama 4 Compact (12B) is something you can run today. You can open it up.");
    CHECK(tinkerer["sentences"] == json::parse(R"([
        {"text": "Llama 4 Compact (12B) is something you can run today.", "rules": ["runnable"], "facts": ["availability"]},
        {"text": "You can open it up.", "rules": ["open"], "facts": ["licence.open_weights"]}])"));

    // Step 4: the fixtures as the README shows them hold; with the threshold raised past 75, the ship is a miss.
    test::write_file(catalog.path() / "fixtures" / "tinkerer.json", block_after(readme, "**4. Write down what it should say**"));
    const auto held = test::run_verdict({"test", "--format", "json", "--catalog", catalog.path().string()});
    CHECK(held.exit_code == 0);
    CHECK(json::parse(held.out)["counts"] == json::parse(R"({"fixtures": 2, "expectations": 2, "held": 2, "missed": 0})"));
    panel["seats"].back()["settings"] = {{"threshold", 80}};
    catalog.set_panel(panel);
    const auto missed = test::run_verdict({"test", "--catalog", catalog.path().string()});
    CHECK(missed.exit_code == 1);
    CHECK_THAT(missed.out, Catch::Contains("  MISS  Llama 4 Compact (12B) · tinkerer: expected ship, found skip 75  (/fixtures/0/seats/tinkerer)\n"));
    CHECK_THAT(missed.out, Catch::Contains("  ok    A waitlist is nothing to tinker with · tinkerer: skip 20\n"));
}

TEST_CASE("the README's warning holds: the example as a counting seat misses a stock fixture as shown, as a shadow seat none",
          "[lua][example]") {
    const std::string readme = scripts_readme();
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    std::filesystem::create_directories(catalog.path() / "fixtures");
    std::filesystem::copy_file(test::source_dir() / "catalog" / "fixtures" / "brief-verdicts.json",
                               catalog.path() / "fixtures" / "brief-verdicts.json");
    test::write_file(catalog.path() / "scripts" / "tinkerer.lua", block_after(readme, "**1. Write `scripts/tinkerer.lua`:**"));

    json panel = test::stock_panel_json();
    panel["seats"].push_back({{"id", "tinkerer"}, {"script", "scripts/tinkerer.lua"}});
    panel["default_seats"].push_back("tinkerer");
    catalog.set_panel(panel);
    const auto counting = test::run_verdict({"test", "--catalog", catalog.path().string()});
    INFO(counting.out << counting.err);
    CHECK(counting.exit_code == 1);
    CHECK_THAT(counting.out, Catch::Contains(block_after(readme, "**A counting seat moves the stock fixtures.**")));

    json shadow = json::parse(block_after(readme, "a shadow instead:"));
    CHECK(shadow["shadow"] == true);
    shadow["script"] = "scripts/tinkerer.lua";
    panel = test::stock_panel_json();
    panel["seats"].push_back(shadow);
    catalog.set_panel(panel);
    const auto shadowed = test::run_verdict({"test", "--catalog", catalog.path().string()});
    INFO(shadowed.out << shadowed.err);
    CHECK(shadowed.exit_code == 0);
}

TEST_CASE("the README's misspelt fact in the example is reported by lint at load, as the README shows it", "[lua][example]") {
    const std::string readme = scripts_readme();
    std::string script = block_after(readme, "**1. Write `scripts/tinkerer.lua`:**");
    const std::string call = "ctx.rule(\"runnable\", \"availability\"";
    REQUIRE(script.find(call) != std::string::npos);
    script.replace(script.find(call), call.size(), "ctx.rule(\"runnable\", \"availabilty\"");
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    test::write_file(catalog.path() / "scripts" / "tinkerer.lua", script);

    const std::string shown = block_after(readme, "**Names are checked when the script loads.**");
    const auto lint = test::run_verdict({"lint", "--catalog", catalog.path().string(), (catalog.path() / "scripts" / "tinkerer.lua").string()});
    INFO(lint.out << lint.err);
    CHECK(lint.exit_code == 2);
    CHECK_THAT(lint.out, Catch::Contains(shown.substr(shown.find("/tinkerer.lua:"))));
}
