// The panel configuration and the panel built from it: the shipped panel.json
// loads as written, each problem a schema cannot catch is reported with the
// file and pointer, overrides reach the settings a seat reviews under, and a
// tool gets its own seats or the default ones, always in panel order.
#include "panel/panel.hpp"
#include "panel/panel_config.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"
#include "support/working_in.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using test::fields_of;
using test::working_in;
using verdict::test::persona_dir;
using verdict::test::stock_panel_json;
using verdict::test::temp_catalog;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// Loads `panel` from a temporary catalog, from inside it, so the file shows as "panel.json".
std::optional<panel_config> load_panel(const json& panel, problem_list& problems) {
    temp_catalog dir;
    dir.set_panel(panel);
    working_in inside(dir.path());
    return load_panel_config(".", persona_dir(), problems);
}

std::vector<std::string> ids_of(const std::vector<const seat*>& seats) {
    std::vector<std::string> ids;
    for (const seat* s : seats) ids.push_back(s->config.id);
    return ids;
}

const seat& seat_named(const panel& p, const std::string& id) {
    for (const seat& s : p.seats())
        if (s.config.id == id) return s;
    throw std::runtime_error("no seat " + id);
}

}  // namespace

TEST_CASE("the shipped panel.json loads its rule set, quorum, default seats and seats in order", "[unit][panel]") {
    working_in inside(verdict::test::source_dir());
    problem_list problems;
    const auto config = load_panel_config("catalog", persona_dir(), problems);
    CHECK(problems.empty());
    REQUIRE(config);
    CHECK(config->file == "catalog/panel.json");
    CHECK(config->rule_set == "2026.11-1");
    CHECK(config->quorum == 3);
    CHECK(config->default_seats == std::vector<std::string>{"developer", "skeptic", "futurist", "business"});
    CHECK(config->seat_ids() == std::vector<std::string>{"developer", "skeptic", "futurist", "business", "creator"});
    REQUIRE(config->find("creator") != nullptr);
    CHECK(config->find("creator")->pointer == "/seats/4");
    CHECK(config->find("developer")->source == persona_dir() / "developer.so");
    CHECK(config->find("developer")->kind == persona_kind::plugin);
    CHECK(config->find("nobody") == nullptr);
}

TEST_CASE("a plugin given as a path resolves relative to the panel file, not the working directory", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"][0]["plugin"] = "plugins/../custom/developer_v2.so";
    panel["seats"][1]["plugin"] = "local_skeptic.so";   // no slash, but a library file, not a stock name
    temp_catalog dir;
    dir.set_panel(panel);
    problem_list problems;
    const auto config = load_panel_config(dir.path(), persona_dir(), problems);
    CHECK(problems.empty());
    REQUIRE(config);
    CHECK(config->seats[0].written == "plugins/../custom/developer_v2.so");
    CHECK(config->seats[0].source == dir.path() / "custom" / "developer_v2.so");
    CHECK(config->seats[1].source == dir.path() / "local_skeptic.so");
    CHECK(config->seats[2].source == persona_dir() / "futurist.so");
}

TEST_CASE("schema problems in panel.json are all reported with pointers, and nothing loads", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["quorom"] = panel["quorum"];
    panel.erase("quorum");
    panel["seats"][2]["settings"] = {{"threshold", 101}};
    problem_list problems;
    CHECK_FALSE(load_panel(panel, problems));
    REQUIRE(problems.size() == 3);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"panel.json", "/", "required field \"quorum\"", "no such field", ""});
    CHECK(fields_of(problems[1]) == std::vector<std::string>{"panel.json", "/quorom", "a field the schema defines here", "unknown field \"quorom\"",
                                                             "did you mean \"quorum\"?"});
    CHECK(fields_of(problems[2]) == std::vector<std::string>{"panel.json", "/seats/2/settings/threshold", "a number of at most 100", "a number (101)", ""});
}

TEST_CASE("a seat id used twice is reported at the second seat", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"].push_back({{"id", "skeptic"}, {"plugin", "business"}});
    problem_list problems;
    CHECK_FALSE(load_panel(panel, problems));
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"panel.json", "/seats/5/id", "each seat id once", "\"skeptic\" again", ""});
}

TEST_CASE("a default seat that no seat defines is reported with the nearest seat", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["default_seats"][1] = "skeptik";
    problem_list problems;
    CHECK_FALSE(load_panel(panel, problems));
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"panel.json", "/default_seats/1", "a seat defined in /seats", "unknown seat \"skeptik\"",
                                                             "did you mean \"skeptic\"?"});
}

TEST_CASE("a shadow seat named as a default seat is reported: it sits on every tool already", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"][4]["shadow"] = true;
    panel["default_seats"].push_back("creator");
    problem_list problems;
    CHECK_FALSE(load_panel(panel, problems));
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"panel.json", "/default_seats/4", "a counting seat (a shadow seat sits on every tool)",
                                                             "shadow seat \"creator\"", ""});
}

TEST_CASE("a shadow that is not true or false is a schema problem at its pointer", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"][1]["shadow"] = "yes";
    problem_list problems;
    CHECK_FALSE(load_panel(panel, problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where == "/seats/1/shadow");
}

TEST_CASE("a quorum the default seats could never meet is reported", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["quorum"] = 5;
    problem_list problems;
    CHECK_FALSE(load_panel(panel, problems));
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"panel.json", "/quorum", "at most the number of default seats (4)", "5", ""});
}

TEST_CASE("a missing panel.json is one problem naming it", "[unit][panel]") {
    verdict::test::temp_dir dir;
    working_in inside(dir.path());
    problem_list problems;
    CHECK_FALSE(load_panel_config(".", persona_dir(), problems));
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"panel.json", "", "a readable file", "no such file", ""});
}

TEST_CASE("overrides of threshold, base, min_facts and a weight take effect in the seat's settings", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"][0]["settings"] = {{"threshold", 70}, {"base", 30}, {"min_facts", 4}, {"weights", {{"artifact", 20}}}};
    problem_list problems;
    auto config = load_panel(panel, problems);
    REQUIRE(config);
    const verdict::panel p(std::move(*config), problems);
    CHECK(problems.empty());
    const seat& developer = seat_named(p, "developer");
    CHECK(developer.failure.empty());
    CHECK(developer.effective.threshold == 70);
    CHECK(developer.effective.base == 30);
    CHECK(developer.effective.min_facts == 4);
    CHECK(developer.effective.weights.at("artifact") == 20);
    CHECK(developer.effective.weights.at("promise_only") == -25);   // not overridden: the persona's own
    CHECK(developer.defaults.weights.at("artifact") == 15);   // the persona's defaults are untouched
    CHECK(seat_named(p, "skeptic").effective.threshold == 50);
}

TEST_CASE("a weight the persona does not declare fails that seat only, with a problem naming the rule", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"][0]["settings"] = {{"weights", {{"artifcat", 20}}}};
    problem_list problems;
    auto config = load_panel(panel, problems);
    REQUIRE(config);
    REQUIRE(problems.empty());   // the schema cannot know a persona's rules; the panel finds it
    const verdict::panel p(std::move(*config), problems);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"panel.json", "/seats/0/settings/weights/artifcat",
                                                             "a rule the persona of seat \"developer\" declares", "unknown rule \"artifcat\"",
                                                             "did you mean \"artifact\"?"});
    const seat& developer = seat_named(p, "developer");
    CHECK_THAT(developer.failure, Catch::Matchers::Contains("/seats/0/settings/weights/artifcat"));
    CHECK(developer.effective.weights.count("artifcat") == 0);
    for (const std::string id : {"skeptic", "futurist", "business", "creator"}) {
        INFO("seat " << id);
        CHECK(seat_named(p, id).failure.empty());
        CHECK(seat_named(p, id).loaded);
    }
}

TEST_CASE("a persona that cannot be loaded fails its seat and names its file, and the others load", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"][3]["plugin"] = "no_such_persona";
    problem_list problems;
    auto config = load_panel(panel, problems);
    REQUIRE(config);
    const verdict::panel p(std::move(*config), problems);
    const seat& business = seat_named(p, "business");
    CHECK_FALSE(business.loaded);
    CHECK_THAT(business.failure, Catch::Matchers::Contains("no_such_persona.so"));
    CHECK(seat_named(p, "developer").loaded);
    CHECK(seat_named(p, "creator").failure.empty());
}

TEST_CASE("a tool gets its own seats in panel order, or the default seats when it names none", "[unit][panel]") {
    problem_list problems;
    auto config = load_panel_config(verdict::test::stock_catalog(), persona_dir(), problems);
    REQUIRE(config);
    const verdict::panel p(std::move(*config), problems);
    REQUIRE(problems.empty());
    tool own;
    own.seats = {"creator", "developer"};   // the tool's order is not the report's order
    CHECK(ids_of(p.seats_for(own)) == std::vector<std::string>{"developer", "creator"});
    const tool plain;
    CHECK(ids_of(p.seats_for(plain)) == std::vector<std::string>{"developer", "skeptic", "futurist", "business"});
}

TEST_CASE("a shadow seat sits on every tool, whichever seats the tool names, in panel order", "[unit][panel]") {
    json panel = stock_panel_json();
    panel["seats"].insert(panel["seats"].begin() + 1, json{{"id", "trial"}, {"plugin", "skeptic"}, {"shadow", true}});
    temp_catalog dir;
    dir.set_panel(panel);
    problem_list problems;
    auto config = load_panel_config(dir.path(), persona_dir(), problems);
    REQUIRE(config);
    CHECK(config->find("trial")->shadow);
    CHECK_FALSE(config->find("skeptic")->shadow);
    const verdict::panel p(std::move(*config), problems);
    REQUIRE(problems.empty());
    tool own;
    own.seats = {"creator", "developer"};
    CHECK(ids_of(p.seats_for(own)) == std::vector<std::string>{"developer", "trial", "creator"});
    const tool plain;
    CHECK(ids_of(p.seats_for(plain)) == std::vector<std::string>{"developer", "trial", "skeptic", "futurist", "business"});
}
