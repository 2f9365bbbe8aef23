// The catalog loader: the shipped catalog loads clean, and each kind of bad
// tool file is reported once, with the file as a user would type it, the JSON
// pointer, what was expected and what was found, while the good files beside
// it still load.
//
// Each case loads from inside its temporary catalog, as a user runs verdict
// from their own folder, so a file shows as "tools/<name>.json".
#include "catalog/catalog.hpp"
#include "json/json_document.hpp"
#include "json/strict_json.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"
#include "support/working_in.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using test::fields_of;
using test::working_in;
using verdict::test::minimal_tool;
using verdict::test::temp_catalog;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> stock_seats{"developer", "skeptic", "futurist", "business", "creator"};

struct loaded { catalog tools; problem_list problems; };

// A catalog holding one good tool beside whatever the test adds, loaded from inside it.
struct bad_file_case {
    temp_catalog dir;
    bad_file_case() { dir.add_tool(minimal_tool("good-tool")); }

    loaded load() const {
        working_in inside(dir.path());
        loaded out;
        out.tools = load_catalog(".", stock_seats, out.problems);
        return out;
    }
};

const std::vector<std::string> only_good{"good-tool"};

}  // namespace

TEST_CASE("the shipped catalog loads its five tools in id order with no problems", "[unit][catalog]") {
    problem_list problems;
    const catalog c = load_catalog(verdict::test::stock_catalog(), stock_seats, problems);
    CHECK(problems.empty());
    CHECK(c.ids() == std::vector<std::string>{"claude-haiku-open-weights", "claw-code", "llama-4-compact-12b",
                                              "llama-4-scout-quantized", "modal-gpu-serverless-inference"});
    REQUIRE(c.find("claw-code") != nullptr);
    CHECK(c.find("claw-code")->seats == std::vector<std::string>{"developer", "skeptic", "futurist", "creator"});
    CHECK(c.find("claw") == nullptr);
}

TEST_CASE("a misspelt field is unknown, with a did-you-mean, and the field it replaced is missing", "[unit][catalog]") {
    bad_file_case c;
    auto bad = minimal_tool("bad-tool");
    bad["taglin"] = bad["tagline"];
    bad.erase("tagline");
    c.dir.add_tool(bad);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 2);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", "/", "required field \"tagline\"", "no such field", ""});
    CHECK(fields_of(problems[1]) == std::vector<std::string>{"tools/bad-tool.json", "/taglin", "a field the schema defines here",
                                                             "unknown field \"taglin\"", "did you mean \"tagline\"?"});
}

TEST_CASE("a value of the wrong type names the type expected and the value found", "[unit][catalog]") {
    bad_file_case c;
    auto bad = minimal_tool("bad-tool");
    bad["setup"] = {{"steps", "three"}};
    c.dir.add_tool(bad);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", "/setup/steps", "a whole number", "a string (\"three\")", ""});
}

TEST_CASE("a missing required field is reported at the object that lacks it", "[unit][catalog]") {
    bad_file_case c;
    auto bad = minimal_tool("bad-tool");
    bad["pricing"].erase("entry");
    c.dir.add_tool(bad);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", "/pricing", "required field \"entry\"", "no such field", ""});
}

TEST_CASE("a number out of range names the bound it breaks", "[unit][catalog]") {
    bad_file_case c;
    auto bad = minimal_tool("bad-tool");
    bad["traction"] = {{"github_stars", -1}};
    c.dir.add_tool(bad);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", "/traction/github_stars", "a number of at least 0", "a number (-1)", ""});
}

TEST_CASE("a value outside an enum lists the allowed values and suggests the nearest", "[unit][catalog]") {
    bad_file_case c;
    auto bad = minimal_tool("bad-tool");
    bad["kind"] = "agnet";
    c.dir.add_tool(bad);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) ==
          std::vector<std::string>{"tools/bad-tool.json", "/kind",
                                   "one of \"model\", \"platform\", \"agent\", \"library\", \"application\", \"service\", \"dataset\", \"framework\", "
                                   "\"sdk\", \"cli\"",
                                   "a string (\"agnet\")", "did you mean \"agent\"?"});
}

TEST_CASE("every refused enum value, wherever it sits, comes with the nearest allowed value", "[unit][catalog]") {
    struct refused {
        std::string pointer;
        nlohmann::json value;
        std::string hint;
    };
    for (const refused& each : std::vector<refused>{
             {"/kind", "Framework", "did you mean \"framework\"?"},
             {"/kind", "command line tool", "the nearest is \"application\""},
             {"/audience", {"small companies"}, "did you mean \"small_companies\"?"},
             {"/audience", {"developers", "hobbyist"}, "did you mean \"hobbyists\"?"},
             {"/claims", {{{"text", "fast"}, {"evidence", "self-reported"}}}, "did you mean \"self_reported\"?"},
             {"/claims", {{{"text", "fast"}, {"evidence", {"self_reported", "cod"}}}}, "did you mean \"code\"?"},
             {"/deployment", {"on device"}, "did you mean \"on_device\"?"},
             {"/thesis", {{"dependencies", {{{"text", "cheap GPUs"}, {"status", "holdng"}}}}}, "did you mean \"holding\"?"},
             {"/market", {{"revenue_model", "open-core"}}, "did you mean \"open_core\"?"}}) {
        INFO(each.pointer << " = " << each.value.dump());
        bad_file_case c;
        auto bad = minimal_tool("bad-tool");
        bad[each.pointer.substr(1)] = each.value;
        c.dir.add_tool(bad);
        const auto [tools, problems] = c.load();
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].where.starts_with(each.pointer));
        CHECK(problems[0].hint == each.hint);
    }
}

TEST_CASE("a key given twice in one object is a problem at that key's pointer", "[unit][catalog]") {
    bad_file_case c;
    c.dir.add_raw_tool_file("bad-tool.json", R"({"id": "bad-tool", "name": "Bad Tool", "vendor": "Example Labs",
 "category": "Developer Tools", "tagline": "A line", "description": "A paragraph.", "updated": "2026-11-01",
 "pricing": {"entry": "free", "entry": "paid"}})");
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", "/pricing/entry", "each key once per object", "\"entry\" a second time", ""});
}

TEST_CASE("nesting past the limit stops the parse with one problem where it went too deep", "[unit][catalog]") {
    bad_file_case c;
    // The root object is level 1, so 32 arrays inside it make 33 levels: one too many.
    const std::string arrays(max_json_depth, '[');
    const std::string closing(max_json_depth, ']');
    c.dir.add_raw_tool_file("bad-tool.json", "{\"claims\": " + arrays + closing + "}");
    std::string pointer = "/claims";
    for (std::size_t level = 2; level < max_json_depth + 1; ++level) pointer += "/0";
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", pointer, "nesting at most 32 levels deep", "deeper nesting", ""});
}

TEST_CASE("an id used by two files is reported on the misnamed one, naming the other", "[unit][catalog]") {
    bad_file_case c;
    c.dir.add_raw_tool_file("the-copy.json", minimal_tool("good-tool").dump(2));
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 2);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/the-copy.json", "/id", "the file's name without .json (\"the-copy\")",
                                                             "\"good-tool\"", ""});
    CHECK(fields_of(problems[1]) == std::vector<std::string>{"tools/the-copy.json", "/id", "an id no other tool file uses",
                                                             "\"good-tool\", already the id of tools/good-tool.json", ""});
}

TEST_CASE("a misnamed copy that sorts first does not push out the tool whose file it copies", "[unit][catalog]") {
    // Copying good-tool.json to start a new tool: "good-tool-copy.json" sorts before "good-tool.json"
    // ('-' < '.'), so it is read first. The copy is the bad file whatever the order.
    bad_file_case c;
    c.dir.add_raw_tool_file("good-tool-copy.json", minimal_tool("good-tool").dump(2));
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 2);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/good-tool-copy.json", "/id", "the file's name without .json (\"good-tool-copy\")",
                                                             "\"good-tool\"", ""});
    CHECK(fields_of(problems[1]) == std::vector<std::string>{"tools/good-tool-copy.json", "/id", "an id no other tool file uses",
                                                             "\"good-tool\", already the id of tools/good-tool.json", ""});
}

TEST_CASE("an id that differs from the file name names the id the file name implies", "[unit][catalog]") {
    bad_file_case c;
    c.dir.add_raw_tool_file("beta-tool.json", minimal_tool("gamma-tool").dump(2));
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/beta-tool.json", "/id", "the file's name without .json (\"beta-tool\")", "\"gamma-tool\"", ""});
}

TEST_CASE("an id that is not the slug of the name names the slug it should be", "[unit][catalog]") {
    bad_file_case c;
    auto bad = minimal_tool("delta-tool");
    bad["name"] = "Delta Tools";
    c.dir.add_tool(bad);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/delta-tool.json", "/id", "the slug of the name \"Delta Tools\" (\"delta-tools\")",
                                                             "\"delta-tool\"", ""});
}

TEST_CASE("a seat the panel does not have is reported with the nearest seat", "[unit][catalog]") {
    bad_file_case c;
    auto bad = minimal_tool("bad-tool");
    bad["seats"] = {"developer", "skeptik"};
    c.dir.add_tool(bad);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", "/seats/1", "a seat of the panel", "unknown seat \"skeptik\"",
                                                             "did you mean \"skeptic\"?"});
}

TEST_CASE("an ill-formed UTF-8 byte is located by line, column and pointer", "[unit][catalog]") {
    bad_file_case c;
    // On line 2, ` "tagline": "caf` is 16 characters, so the bad byte is the 17th.
    const auto problem_for = [&c](const std::string& bad_byte) {
        c.dir.add_raw_tool_file("bad-tool.json", "{\"id\": \"bad-tool\",\n \"tagline\": \"caf" + bad_byte + " au lait\"}");
        const auto [tools, problems] = c.load();
        CHECK(tools.ids() == only_good);
        REQUIRE(problems.size() == 1);
        return fields_of(problems[0]);
    };
    const std::vector<std::string> expected{"tools/bad-tool.json", "line 2, column 17 (/tagline)", "UTF-8 text", "an ill-formed UTF-8 byte", ""};
    SECTION("a byte that never starts a character") { CHECK(problem_for("\xFF") == expected); }
    // Latin-1 "é" is a UTF-8 lead byte cut short by the space after it: the file saved in the wrong encoding.
    SECTION("a lead byte without its continuation bytes") { CHECK(problem_for("\xE9") == expected); }
}

TEST_CASE("a syntax error is located by line, column and the pointer being read", "[unit][catalog]") {
    bad_file_case c;
    // The comma after "Bad Tool" is missing, so the parser meets "vendor" where it wanted ',' or '}'.
    c.dir.add_raw_tool_file("bad-tool.json", "{\n  \"id\": \"bad-tool\",\n  \"name\": \"Bad Tool\"\n  \"vendor\": \"Example Labs\"\n}");
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    const problem& p = problems[0];
    CHECK(p.file == "tools/bad-tool.json");
    CHECK(p.where == "line 4, column 3 (/name)");
    CHECK(p.expected == "valid JSON");
    CHECK_THAT(p.found, Catch::Matchers::Contains("expected '}'"));
    CHECK_THAT(p.found, Catch::Matchers::Contains("string literal"));
    CHECK(p.found.find("line ") == std::string::npos);   // the position is in `where`, not repeated
}

TEST_CASE("a file over the size limit is refused before it is parsed", "[unit][catalog]") {
    bad_file_case c;
    // Valid JSON padded past the limit: only the size can be what is wrong with it.
    const std::string text = minimal_tool("bad-tool").dump() + std::string(max_json_file_bytes, ' ');
    c.dir.add_raw_tool_file("bad-tool.json", text);
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/bad-tool.json", "", "a file of at most 1048576 bytes", std::to_string(text.size()) + " bytes", ""});
}

TEST_CASE("a catalog without a tools folder is one problem naming the folder", "[unit][catalog]") {
    verdict::test::temp_dir dir;
    working_in inside(dir.path());
    problem_list problems;
    const catalog c = load_catalog(".", stock_seats, problems);
    CHECK(c.tools.empty());
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools", "", "a readable folder of tool files (<id>.json)", "no such folder", ""});
}

TEST_CASE("every problem of one file is reported in the same pass", "[unit][catalog]") {
    bad_file_case c;
    const fs::path fixture = verdict::test::source_dir() / "tests" / "fixtures" / "catalogs" / "several-problems.json";
    fs::copy_file(fixture, c.dir.path() / "tools" / fixture.filename());
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == only_good);
    std::vector<std::string> reported;   // pointer and what was found, in report order
    for (const problem& p : problems) {
        CHECK(p.file == "tools/several-problems.json");
        reported.push_back(p.where + " " + p.found);
    }
    CHECK(reported == std::vector<std::string>{
                          "/ no such field",                            // tagline, misspelt below
                          "/kind a string (\"agnet\")",
                          "/setup/steps a number (-1)",
                          "/tagilne unknown field \"tagilne\"",
                          "/traction/github_stars a string (\"many\")",
                          "/id \"several-problems\"",                    // not the slug of "Several Problem"
                          "/seats/1 unknown seat \"skeptik\""});
}

TEST_CASE("files that are not .json, and hidden ones, are not read", "[unit][catalog]") {
    bad_file_case c;
    c.dir.add_raw_tool_file("README.md", "{ not json");
    c.dir.add_raw_tool_file(".draft.json", "{ not json");
    c.dir.add_raw_tool_file("good-tool.json~", "{ not json");
    c.dir.add_raw_tool_file("other-tool.JSON", "{ not json");
    const auto [tools, problems] = c.load();
    CHECK(problems.empty());
    CHECK(tools.ids() == only_good);
}

TEST_CASE("good files load in id order whatever order they sit beside bad ones", "[unit][catalog]") {
    bad_file_case c;
    c.dir.add_tool(minimal_tool("alpha-tool"));
    c.dir.add_tool(minimal_tool("zulu-tool"));
    c.dir.add_raw_tool_file("middle-tool.json", "[]");
    const auto [tools, problems] = c.load();
    CHECK(tools.ids() == std::vector<std::string>{"alpha-tool", "good-tool", "zulu-tool"});
    REQUIRE(problems.size() == 1);
    CHECK(fields_of(problems[0]) == std::vector<std::string>{"tools/middle-tool.json", "/", "an object", "a list of 0 items", ""});
}

TEST_CASE("a tool file written for schema version 1 loads unchanged under version 2", "[unit][catalog]") {
    bad_file_case c;   // the good tool beside it, as in the other cases
    const fs::path fixture = verdict::test::source_dir() / "tests" / "fixtures" / "catalogs" / "schema-v1-tool.json";
    fs::copy_file(fixture, c.dir.path() / "tools" / "modal-gpu-serverless-inference.json");
    const auto [tools, problems] = c.load();
    for (const problem& p : problems) FAIL_CHECK(to_string(p));
    const tool* modal = tools.find("modal-gpu-serverless-inference");
    REQUIRE(modal != nullptr);
    CHECK(modal->vendor == "Modal");
    REQUIRE(modal->claims);
    REQUIRE(modal->claims->size() == 1);
    CHECK((*modal->claims)[0].evidence == std::vector{evidence_kind::documented});   // one kind, as version 1 wrote it
    CHECK((*modal->claims)[0].breaks_at == "70B+ models that need multi-GPU tensor parallelism");
    CHECK_FALSE(modal->predecessor);
}
