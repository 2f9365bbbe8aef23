// The Lua twins of the stock personas (scripts/<name>.lua) against the compiled
// ones (plugins/<name>): the real program reviews the same catalog with the
// stock panel and with seats whose "plugin" became a "script", and must print
// the same bytes and exit the same way: on the shipped catalog, with all seats
// and one seat at a time swapped, on a generated catalog of 600 tools (every
// optional fact present in some and missing in others), and on tools whose
// facts are as long as the schema allows. A mismatch names the first tool, seat
// and field that differ.
#include "support/generated_catalog.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace verdict;
using nlohmann::json;
using nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> stock_personas{"developer", "skeptic", "futurist", "business", "creator"};

// `panel` with each seat whose plugin is one of `twins` loading scripts/<name>.lua instead, by a path relative
// to the panel file in `catalog_dir`, as an editor would write it.
json with_twins(json panel, const std::set<std::string>& twins, const fs::path& catalog_dir) {
    for (json& seat : panel["seats"]) {
        if (!seat.contains("plugin") || twins.count(seat["plugin"].get<std::string>()) == 0) continue;
        const fs::path script = test::source_dir() / "scripts" / (seat["plugin"].get<std::string>() + ".lua");
        seat.erase("plugin");
        seat["script"] = fs::relative(script, catalog_dir).generic_string();
    }
    return panel;
}

test::process_result review_all(const fs::path& catalog_dir, const std::string& format) {
    return test::run_verdict({"review", "--all", "--format", format, "--catalog", catalog_dir.string()});
}

std::string excerpt(const ordered_json& value) {
    const std::string text = value.dump();
    return text.size() > 300 ? text.substr(0, 300) + "..." : text;
}

std::string child(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// Where two JSON values first differ, in the order the program prints fields, as "<path>: plugin <a>, script <b>";
// nullopt when they are equal. Lists are compared item by item before their lengths.
std::optional<std::string> first_difference(const ordered_json& plugin, const ordered_json& script, const std::string& path) {
    if (plugin == script) return std::nullopt;
    const std::string where = path.empty() ? "the whole" : path;
    if (plugin.is_array() && script.is_array()) {
        for (std::size_t i = 0; i < plugin.size() && i < script.size(); ++i)
            if (auto found = first_difference(plugin[i], script[i], path + "[" + std::to_string(i) + "]")) return found;
        return where + ": plugin lists " + std::to_string(plugin.size()) + " items, script " + std::to_string(script.size()) + ": plugin " +
               excerpt(plugin) + ", script " + excerpt(script);
    }
    if (!plugin.is_object() || !script.is_object()) return where + ": plugin " + excerpt(plugin) + ", script " + excerpt(script);
    for (auto it = plugin.begin(); it != plugin.end(); ++it) {
        if (!script.contains(it.key())) return child(path, it.key()) + ": missing from the script panel's output";
        if (auto found = first_difference(it.value(), script[it.key()], child(path, it.key()))) return found;
    }
    return where + ": the script panel's output has other keys or another key order";
}

// The first tool, seat and field where two `review --all --format json` outputs differ.
std::string first_json_difference(const std::string& plugin_out, const std::string& script_out) {
    const ordered_json plugin = ordered_json::parse(plugin_out, nullptr, false);
    const ordered_json script = ordered_json::parse(script_out, nullptr, false);
    if (plugin.is_discarded() || script.is_discarded()) return "one output is not JSON";
    if (plugin.size() != script.size())
        return "the plugin panel reviewed " + std::to_string(plugin.size()) + " tools, the script panel " + std::to_string(script.size());
    for (std::size_t i = 0; i < plugin.size(); ++i) {
        const std::string tool = "tool " + plugin[i]["tool"].value("id", "?");
        const ordered_json& plugin_seats = plugin[i]["reviews"];
        const ordered_json& script_seats = script[i]["reviews"];
        for (std::size_t k = 0; k < plugin_seats.size() && k < script_seats.size(); ++k) {
            const std::string seat = tool + ", seat " + plugin_seats[k].value("persona", "?");
            if (auto found = first_difference(plugin_seats[k], script_seats[k], "")) return seat + ", field " + *found;
        }
        if (auto found = first_difference(plugin[i], script[i], "")) return tool + ", " + *found;
    }
    return "the documents are equal as JSON but not byte for byte";
}

// The first line where two text outputs differ, numbered from 1.
std::string first_text_difference(const std::string& plugin_out, const std::string& script_out) {
    std::size_t start = 0;
    std::size_t line = 1;
    while (true) {
        const std::size_t plugin_end = plugin_out.find('\n', start);
        const std::size_t script_end = script_out.find('\n', start);
        const std::string a = plugin_out.substr(start, plugin_end == std::string::npos ? std::string::npos : plugin_end - start);
        const std::string b = script_out.substr(start, script_end == std::string::npos ? std::string::npos : script_end - start);
        if (a != b) return "line " + std::to_string(line) + ":\n  plugin: " + a + "\n  script: " + b;
        if (plugin_end == std::string::npos || script_end == std::string::npos) return "one output is longer";
        start = plugin_end + 1;
        ++line;
    }
}

// Reviews `catalog` in `format` with `plugin_panel` and then with `script_panel`; both must print the same bytes.
void check_same_output(const test::temp_catalog& catalog, const json& plugin_panel, const json& script_panel, const std::string& format) {
    catalog.set_panel(plugin_panel);
    const auto plugins = review_all(catalog.path(), format);
    catalog.set_panel(script_panel);
    const auto scripts = review_all(catalog.path(), format);
    INFO("format " << format << "; stderr with plugins:\n" << plugins.err << "\nstderr with scripts:\n" << scripts.err);
    REQUIRE_FALSE(plugins.out.empty());
    CHECK(plugins.exit_code == scripts.exit_code);
    if (plugins.out != scripts.out)
        FAIL("first difference: " << (format == "json" ? first_json_difference(plugins.out, scripts.out)
                                                       : first_text_difference(plugins.out, scripts.out)));
}

std::size_t count_reviews(const std::string& json_out, const std::string& persona) {
    std::size_t count = 0;
    for (const json& document : json::parse(json_out))
        for (const json& seat : document["reviews"])
            if (seat["persona"] == persona && seat["verdict"] != "failed") ++count;
    return count;
}

// `length` characters, two bytes each, with spaces, so quotes built from them are long in bytes too.
std::string long_text(std::size_t length) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += i % 8 == 7 ? " " : "\xc3\xa9";
    return text;
}

// `items` different texts of `length` characters each.
std::vector<std::string> long_texts(std::size_t items, std::size_t length) {
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < items; ++i) texts.push_back(std::to_string(i + 10) + long_text(length - 2));
    return texts;
}

json long_list(std::size_t items, std::size_t length) { return json(long_texts(items, length)); }

// A tool with every fact known and every text and list as long as the schema allows; `promising` picks which way
// each choice goes, so both tools together reach the long branches of every quote.
json longest_tool(const std::string& id, bool promising) {
    json t = test::minimal_tool(id);
    t["vendor"] = long_text(120);
    t["kind"] = "model";
    t["primitive"] = long_text(400);
    t["performance"] = long_text(200);
    t["availability"] = promising ? "released" : "waitlist";
    t["pricing"] = {{"entry", promising ? "freemium" : "paid"}, {"notes", long_text(400)}};
    t["licence"] = {{"name", long_text(120)}, {"open_source", promising}, {"open_weights", true},
                    {"commercial_use", promising ? "restricted" : "forbidden"}};
    t["integrations"] = t["distribution"] = t["ecosystem"] = long_list(20, 120);
    t["setup"] = {{"api_key", !promising}, {"env_vars", promising ? 0 : 7}, {"steps", promising ? 1 : 9}, {"first_run", long_text(120)}};
    t["examples"] = promising ? "working" : "pseudocode";
    t["deployment"] = promising ? json::array({"local", "cloud"}) : json::array({"cloud"});
    t["lock_in"] = promising ? "none" : "high";
    t["benchmarks"] = {{"names", long_list(20, 120)}, {"self_reported", true}, {"methodology_published", promising}};
    for (const std::string& text : long_texts(10, 200))
        t["claims"].push_back({{"text", text}, {"evidence", promising ? "documented" : "self_reported"}, {"breaks_at", long_text(400)}});
    for (const std::string& name : long_texts(20, 120))
        t["competitors"].push_back({{"name", name}, {"open_weights", true}, {"commercial_use", "allowed"}});
    t["problem"] = {{"statement", long_text(400)}, {"solved", promising}};
    t["risks"] = {{"legal", promising ? "medium" : "high"}, {"legal_notes", long_text(400)}, {"threat", long_text(400)}};
    t["market"] = {{"buyer", long_text(400)}, {"budget_line", long_text(120)}, {"revenue_model", promising ? "usage" : "distribution"},
                   {"moat", long_text(400)}, {"expansion", long_text(400)}, {"upgrade_path", promising}};
    t["thesis"] = {{"statement", long_text(400)}, {"falsifiable", promising}, {"dependency", long_text(400)},
                   {"dependency_status", promising ? "holding" : "failing"}, {"second_order", long_text(400)},
                   {"timing", promising ? "early" : "late"}};
    t["audience"] = promising ? json::array({"creators", "developers"}) : json::array({"developers", "researchers"});
    t["traction"] = {{"github_stars", 500000}, {"note", long_text(120)}};
    t["seats"] = stock_personas;
    return t;
}

}  // namespace

TEST_CASE("the Lua twins review the shipped catalog byte for byte like the stock plugins", "[lua][parity]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    const json plugins = test::stock_panel_json();
    const json scripts = with_twins(plugins, {stock_personas.begin(), stock_personas.end()}, catalog.path());
    for (const json& seat : scripts["seats"]) REQUIRE(seat.contains("script"));
    check_same_output(catalog, plugins, scripts, "json");
    check_same_output(catalog, plugins, scripts, "text");
}

TEST_CASE("swapping any one stock seat for its Lua twin leaves the shipped catalog's reviews unchanged", "[lua][parity]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    const json plugins = test::stock_panel_json();
    for (const std::string& name : stock_personas) {
        INFO("seat " << name << " runs scripts/" << name << ".lua");
        const json one_script = with_twins(plugins, {name}, catalog.path());
        check_same_output(catalog, plugins, one_script, "json");
        check_same_output(catalog, plugins, one_script, "text");
    }
}

TEST_CASE("over a generated catalog of 600 tools, each Lua twin agrees with its plugin on every review", "[lua][parity]") {
    test::temp_catalog catalog;
    test::generate_catalog(catalog.path(), 600, 12, 2026);

    // Every seat reviews every tool that does not name its own seats, so the creator is compared as often as the rest.
    json plugins = test::stock_panel_json();
    plugins["default_seats"] = stock_personas;
    const json scripts = with_twins(plugins, {stock_personas.begin(), stock_personas.end()}, catalog.path());
    check_same_output(catalog, plugins, scripts, "json");
    check_same_output(catalog, plugins, scripts, "text");

    catalog.set_panel(plugins);
    const auto out = review_all(catalog.path(), "json");
    REQUIRE(json::parse(out.out).size() == 600);
    for (const std::string& name : stock_personas) {
        INFO("reviews by " << name);
        CHECK(count_reviews(out.out, name) >= 500);
    }
}

TEST_CASE("on tools whose facts are as long as the schema allows, the Lua twins still match the plugins", "[lua][parity]") {
    test::temp_catalog catalog;
    catalog.add_tool(longest_tool("longest-promising", true));
    catalog.add_tool(longest_tool("longest-doubtful", false));
    const json plugins = test::stock_panel_json();
    const json scripts = with_twins(plugins, {stock_personas.begin(), stock_personas.end()}, catalog.path());
    check_same_output(catalog, plugins, scripts, "json");
    check_same_output(catalog, plugins, scripts, "text");

    catalog.set_panel(scripts);
    const auto out = review_all(catalog.path(), "json");
    CHECK(out.exit_code == 0);
    for (const std::string& name : stock_personas) {
        INFO("reviews by " << name);
        CHECK(count_reviews(out.out, name) == 2);
    }
}
