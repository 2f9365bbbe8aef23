// The comparisons to render (comparisons.json): explicit pairs in file order,
// then each category's pairs in id order, each pair once however often it is
// listed; a bad entry is a problem pointing into the file and is left out.
//
// Each case loads from inside its temporary catalog, so the file shows as
// "comparisons.json".
#include "catalog/comparisons.hpp"
#include "support/temp_catalog.hpp"
#include "support/working_in.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using test::fields_of;
using test::minimal_tool;
using test::temp_catalog;
using test::working_in;
using test::write_file;
using json = nlohmann::json;

namespace {

const std::vector<std::string> stock_seats{"developer", "skeptic", "futurist", "business", "creator"};

// Three developer tools and two models; the tool files are written out of id order on purpose.
struct comparison_case {
    temp_catalog dir;
    comparison_case() {
        dir.add_tool(minimal_tool("gamma-tool"));
        dir.add_tool(minimal_tool("alpha-tool"));
        dir.add_tool(minimal_tool("beta-tool"));
        for (const char* id : {"epsilon-model", "delta-model"}) {
            auto model = minimal_tool(id);
            model["category"] = "Models";
            dir.add_tool(model);
        }
    }

    void write(const json& comparisons) const { write_file(dir.path() / "comparisons.json", comparisons.dump(2)); }
    void write_raw(const std::string& text) const { write_file(dir.path() / "comparisons.json", text); }

    struct loaded {
        std::vector<std::string> slugs;
        problem_list problems;
        problem_list notes;
    };
    loaded load() const {
        working_in inside(dir.path());
        problem_list catalog_problems;
        const catalog tools = load_catalog(".", stock_seats, catalog_problems);
        REQUIRE(catalog_problems.empty());
        REQUIRE(tools.tools.size() == 5);
        loaded out;
        const comparison_list list = load_comparison_list(".", tools, out.problems, &out.notes);
        list.for_each([&](const comparison_pair& p) {
            // The pointers must be the catalog's own tools, which outlive the pair list.
            CHECK(p.left == tools.find(p.left->id));
            CHECK(p.right == tools.find(p.right->id));
            out.slugs.push_back(p.slug());
        });
        // The size is counted, not made: it must agree with the pairs walked.
        CHECK(list.size() == out.slugs.size());
        return out;
    }
};

using slugs = std::vector<std::string>;
using id_pairs = std::vector<std::vector<std::string>>;
using names = std::vector<std::string>;

// Built from std::vector so nlohmann never reads a two-string list as an object member.
json document(const id_pairs& pairs, const names& categories = {}) {
    json out = json::object();
    if (!pairs.empty()) out["pairs"] = pairs;
    if (!categories.empty()) out["all_pairs_within"] = categories;
    return out;
}

}  // namespace

TEST_CASE("explicit pairs are kept in file order, left side first as written", "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"gamma-tool", "alpha-tool"}, {"delta-model", "beta-tool"}, {"alpha-tool", "beta-tool"}}));
    const auto [pairs, problems, notes] = c.load();
    CHECK(problems.empty());
    CHECK(pairs == slugs{"gamma-tool-vs-alpha-tool", "delta-model-vs-beta-tool", "alpha-tool-vs-beta-tool"});
}

TEST_CASE("all pairs within a category come in id order", "[unit][comparisons]") {
    comparison_case c;
    c.write(document({}, names{"Developer Tools"}));
    const auto [pairs, problems, notes] = c.load();
    CHECK(problems.empty());
    CHECK(pairs == slugs{"alpha-tool-vs-beta-tool", "alpha-tool-vs-gamma-tool", "beta-tool-vs-gamma-tool"});
}

TEST_CASE("explicit pairs come before category pairs, and categories in listed order", "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"delta-model", "alpha-tool"}}, names{"Models", "Developer Tools"}));
    const auto [pairs, problems, notes] = c.load();
    CHECK(problems.empty());
    CHECK(pairs == slugs{"delta-model-vs-alpha-tool", "delta-model-vs-epsilon-model", "alpha-tool-vs-beta-tool", "alpha-tool-vs-gamma-tool",
                         "beta-tool-vs-gamma-tool"});
}

TEST_CASE("a pair listed explicitly and again by its category is kept once, where and as first listed", "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"gamma-tool", "alpha-tool"}}, names{"Developer Tools"}));
    const auto [pairs, problems, notes] = c.load();
    CHECK(problems.empty());   // a category repeating an explicit pair is not a mistake
    CHECK(pairs == slugs{"gamma-tool-vs-alpha-tool", "alpha-tool-vs-beta-tool", "beta-tool-vs-gamma-tool"});
}

TEST_CASE("an empty comparisons file renders nothing and is no problem", "[unit][comparisons]") {
    comparison_case c;
    c.write(json::object());
    const auto [pairs, problems, notes] = c.load();
    CHECK(problems.empty());
    CHECK(pairs.empty());
}

TEST_CASE("a pair naming an unknown tool points at that id and suggests the nearest", "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"alpha-tool", "beta-tool"}, {"alpha-tool", "gamma-tol"}, {"delta-model", "epsilon-model"}}));
    const auto [pairs, problems, notes] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"comparisons.json", "/pairs/1/1", "the id of a catalog tool", "unknown tool \"gamma-tol\"",
                                                             "did you mean \"gamma-tool\"?"});
    CHECK(pairs == slugs{"alpha-tool-vs-beta-tool", "delta-model-vs-epsilon-model"});
}

TEST_CASE("a pair with both tools unknown is two problems, one per side", "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"alfa-tool", "zzz"}}));
    const auto [pairs, problems, notes] = c.load();
    REQUIRE(problems.size() == 2);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"comparisons.json", "/pairs/0/0", "the id of a catalog tool", "unknown tool \"alfa-tool\"",
                                                             "did you mean \"alpha-tool\"?"});
    CHECK(fields_of(problems[1]) == std::vector<std::string>{"comparisons.json", "/pairs/0/1", "the id of a catalog tool", "unknown tool \"zzz\"", ""});
    CHECK(pairs.empty());
}

TEST_CASE("a pair of one tool with itself is a problem and is left out", "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"beta-tool", "beta-tool"}, {"alpha-tool", "beta-tool"}}));
    const auto [pairs, problems, notes] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"comparisons.json", "/pairs/0", "two different tools", "\"beta-tool\" twice", ""});
    CHECK(pairs == slugs{"alpha-tool-vs-beta-tool"});
}

TEST_CASE("an explicit pair listed twice, either way round, is made once where first listed, with a note at each repeat and no problem",
          "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"alpha-tool", "beta-tool"}, {"gamma-tool", "beta-tool"}, {"beta-tool", "alpha-tool"}, {"alpha-tool", "beta-tool"}}));
    const auto [pairs, problems, notes] = c.load();
    CHECK(problems.empty());
    REQUIRE(notes.size() == 2);
    CHECK(fields_of(notes[0]) == std::vector<std::string>{"comparisons.json", "/pairs/2", "each pair once", "the pair of /pairs/0 again", "it is made once, as listed there"});
    CHECK(fields_of(notes[1]) == std::vector<std::string>{"comparisons.json", "/pairs/3", "each pair once", "the pair of /pairs/0 again", "it is made once, as listed there"});
    CHECK(pairs == slugs{"alpha-tool-vs-beta-tool", "gamma-tool-vs-beta-tool"});
}

TEST_CASE("a category no tool has points at its entry and suggests the nearest", "[unit][comparisons]") {
    comparison_case c;
    c.write(document({}, names{"Models", "Developer Tool"}));
    const auto [pairs, problems, notes] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"comparisons.json", "/all_pairs_within/1", "the category of a catalog tool",
                                                             "\"Developer Tool\"", "did you mean \"Developer Tools\"?"});
    CHECK(pairs == slugs{"delta-model-vs-epsilon-model"});
}

TEST_CASE("a category with a single tool gives no pairs and is no problem", "[unit][comparisons]") {
    comparison_case c;
    auto lone = minimal_tool("zeta-agent");
    lone["category"] = "Agents";
    c.dir.add_tool(lone);
    c.write(document({}, names{"Agents"}));
    working_in inside(c.dir.path());
    problem_list problems;
    const catalog tools = load_catalog(".", stock_seats, problems);
    REQUIRE(problems.empty());
    CHECK(load_comparisons(".", tools, problems).empty());
    CHECK(problems.empty());
}

TEST_CASE("a pair of three ids breaks the schema, and then nothing is rendered", "[unit][comparisons]") {
    comparison_case c;
    c.write(document(id_pairs{{"alpha-tool", "beta-tool"}, {"alpha-tool", "beta-tool", "gamma-tool"}}));
    const auto [pairs, problems, notes] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"comparisons.json", "/pairs/1", "at most 2 items", "a list of 3 items", ""});
    CHECK(pairs.empty());
}

TEST_CASE("an unknown key in comparisons.json breaks the schema with a suggestion", "[unit][comparisons]") {
    comparison_case c;
    c.write(json{{"pair", id_pairs{{"alpha-tool", "beta-tool"}}}});
    const auto [pairs, problems, notes] = c.load();
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].file == "comparisons.json");
    CHECK(problems[0].where == "/pair");
    CHECK(problems[0].hint == "did you mean \"pairs\"?");
    CHECK(pairs.empty());
}

TEST_CASE("comparisons.json that is not JSON is a problem and renders nothing", "[unit][comparisons]") {
    comparison_case c;
    c.write_raw("{\"pairs\": [[\"alpha-tool\", \"beta-tool\"]");
    const auto [pairs, problems, notes] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "comparisons.json");
    CHECK(pairs.empty());
}

TEST_CASE("a missing comparisons.json is a problem", "[unit][comparisons]") {
    comparison_case c;
    std::filesystem::remove(c.dir.path() / "comparisons.json");
    const auto [pairs, problems, notes] = c.load();
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"comparisons.json", "", "a readable file", "no such file", ""});
    CHECK(pairs.empty());
}

TEST_CASE("a comparisons.json far larger than a tool file is read whole", "[unit][comparisons]") {
    test::temp_catalog catalog;
    for (const char* id : {"alpha", "beta"}) catalog.add_tool(test::minimal_tool(id));
    // 40,000 copies of one pair (about 2 MB): every copy after the first is a repeat, so each has a note, which shows
    // the file was read to its end rather than refused for its size.
    std::string text = "{\"pairs\": [";
    for (int i = 0; i < 40000; ++i) text += std::string(i ? "," : "") + "[\"alpha\", \"beta\"]";
    test::write_file(catalog.path() / "comparisons.json", text + "]}");
    problem_list problems;
    problem_list notes;
    const verdict::catalog tools = load_catalog(catalog.path(), {"developer", "skeptic", "futurist", "business", "creator"}, problems);
    CHECK(load_comparison_list(catalog.path(), tools, problems, &notes).size() == 1);
    CHECK(problems.empty());
    CHECK(notes.size() == 39999);
}
