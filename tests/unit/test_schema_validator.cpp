// The engine's JSON Schema subset: each keyword it implements gives the right
// problem (pointer, expected, found, hint), a document's problems all come out
// of one pass, a wrong type is one problem rather than a cascade, and a schema
// using anything outside the subset is refused rather than half-applied.
#include "json/json_document.hpp"
#include "json/schema_validator.hpp"
#include "json/schemas.hpp"
#include "support/paths.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace verdict;
using json = nlohmann::json;
using Catch::Matchers::Contains;

namespace {

problem_list validate(const json& schema, const json& document) {
    const schema_validator validator(schema);
    problem_list problems;
    validator.validate(document, "f.json", problems);
    return problems;
}

// Requires exactly one problem and checks every part of it.
void check_one(const problem_list& problems, const std::string& where, const std::string& expected, const std::string& found,
               const std::string& hint = "") {
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "f.json");
    CHECK(problems[0].where == where);
    CHECK(problems[0].expected == expected);
    CHECK(problems[0].found == found);
    CHECK(problems[0].hint == hint);
}

std::vector<std::string> wheres(const problem_list& problems) {
    std::vector<std::string> out;
    for (const problem& p : problems) out.push_back(p.where);
    return out;
}

// The message of the std::invalid_argument the validator's constructor throws, or "" when it accepts the schema.
std::string refusal_of(const json& schema) {
    try {
        const schema_validator validator(schema);
    } catch (const std::invalid_argument& error) {
        return error.what();
    }
    return "";
}

json one_property(const json& property) { return {{"type", "object"}, {"properties", {{"v", property}}}}; }

}  // namespace

TEST_CASE("type: each type names itself in plain words and describes what was found", "[unit][schema]") {
    struct row { const char* type; json wrong; json right; const char* expected; const char* found; };
    const std::vector<row> rows{
        {"string", 1, "x", "a string", "a number (1)"},
        {"integer", 2.5, 2, "a whole number", "a number (2.5)"},
        {"number", "7", 7.5, "a number", "a string (\"7\")"},
        {"boolean", "true", false, "true or false", "a string (\"true\")"},
        {"array", {{"a", 1}}, json::array(), "a list", "an object"},
        {"object", {1, 2}, json::object(), "an object", "a list of 2 items"},
        {"null", false, nullptr, "null", "false"}};
    for (const row& r : rows) {
        INFO(r.type);
        check_one(validate(one_property({{"type", r.type}}), {{"v", r.wrong}}), "/v", r.expected, r.found);
        CHECK(validate(one_property({{"type", r.type}}), {{"v", r.right}}).empty());
    }
    check_one(validate(one_property({{"type", {"string", "null"}}}), {{"v", 3}}), "/v", "a string or null", "a number (3)");
    check_one(validate({{"type", "object"}}, json::array({1})), "/", "an object", "a list of 1 item");
}

TEST_CASE("type integer: a number with no fractional part is an integer, even written 3.0", "[unit][schema]") {
    const json schema = one_property({{"type", "integer"}});
    for (const char* text : {"3", "3.0", "-0.0", "1e2", "0"}) {
        INFO(text);
        CHECK(validate(schema, {{"v", json::parse(text)}}).empty());
    }
    CHECK(validate(schema, {{"v", json::parse("3.5")}}).size() == 1);
    CHECK(validate(schema, {{"v", json::parse("1e-2")}}).size() == 1);
}

TEST_CASE("required: each missing field is a problem at its object's pointer", "[unit][schema]") {
    const json schema = {{"type", "object"},
                         {"required", {"id", "name"}},
                         {"properties", {{"pricing", {{"type", "object"}, {"required", {"entry"}}}}}}};
    const auto problems = validate(schema, {{"name", "x"}, {"pricing", json::object()}});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where == "/");
    CHECK(problems[0].expected == "required field \"id\"");
    CHECK(problems[0].found == "no such field");
    CHECK(problems[1].where == "/pricing");
    CHECK(problems[1].expected == "required field \"entry\"");
}

TEST_CASE("additionalProperties false: an unknown field is named, with a did-you-mean", "[unit][schema]") {
    const json schema = {{"type", "object"},
                         {"additionalProperties", false},
                         {"properties", {{"vendor", {{"type", "string"}}}, {"tagline", {{"type", "string"}}}}}};
    check_one(validate(schema, {{"vendr", "x"}}), "/vendr", "a field the schema defines here", "unknown field \"vendr\"",
              "did you mean \"vendor\"?");
    check_one(validate(schema, {{"zzz", 1}}), "/zzz", "a field the schema defines here", "unknown field \"zzz\"");
    // Without the keyword, JSON Schema allows any other field.
    CHECK(validate({{"type", "object"}, {"properties", {{"a", {{"type", "string"}}}}}}, {{"b", 1}}).empty());
}

TEST_CASE("enum: lists the allowed values and suggests the nearest spelling", "[unit][schema]") {
    const json schema = one_property({{"enum", {"model", "platform", "agent"}}});
    check_one(validate(schema, {{"v", "modle"}}), "/v", R"(one of "model", "platform", "agent")", R"(a string ("modle"))",
              "did you mean \"model\"?");
    check_one(validate(schema, {{"v", 5}}), "/v", R"(one of "model", "platform", "agent")", "a number (5)");
    CHECK(validate(schema, {{"v", "agent"}}).empty());
}

TEST_CASE("minimum and maximum are inclusive bounds", "[unit][schema]") {
    const json schema = one_property({{"type", "integer"}, {"minimum", 0}, {"maximum", 100}});
    check_one(validate(schema, {{"v", -1}}), "/v", "a number of at least 0", "a number (-1)");
    check_one(validate(schema, {{"v", 101}}), "/v", "a number of at most 100", "a number (101)");
    CHECK(validate(schema, {{"v", 0}}).empty());
    CHECK(validate(schema, {{"v", 100}}).empty());
    check_one(validate(one_property({{"type", "number"}, {"minimum", -0.5}}), {{"v", -0.75}}), "/v", "a number of at least -0.5",
              "a number (-0.75)");
}

TEST_CASE("minLength and maxLength count characters, not bytes", "[unit][schema]") {
    const json schema = one_property({{"type", "string"}, {"minLength", 4}, {"maxLength", 5}});
    check_one(validate(schema, {{"v", "ééé"}}), "/v", "at least 4 characters", R"(a string ("ééé"))");
    CHECK(validate(schema, {{"v", "ééééé"}}).empty());   // 10 bytes, 5 characters
    check_one(validate(schema, {{"v", "🚀🚀🚀🚀🚀🚀"}}), "/v", "at most 5 characters", "a string of 6 characters");
}

TEST_CASE("pattern: the schema's description says what was expected; the search is unanchored", "[unit][schema]") {
    check_one(validate(one_property({{"type", "string"}, {"pattern", "^[a-z]+$"}, {"description", "a lowercase word"}}), {{"v", "Abc"}}),
              "/v", "a lowercase word (pattern ^[a-z]+$)", R"(a string ("Abc"))");
    check_one(validate(one_property({{"type", "string"}, {"pattern", "^[a-z]+$"}}), {{"v", "A"}}), "/v", "text (pattern ^[a-z]+$)",
              R"(a string ("A"))");
    CHECK(validate(one_property({{"type", "string"}, {"pattern", "b"}}), {{"v", "abc"}}).empty());
}

TEST_CASE("items, minItems and maxItems check a list and each of its items", "[unit][schema]") {
    const json items = one_property({{"type", "array"}, {"items", {{"type", "string"}}}});
    CHECK(wheres(validate(items, {{"v", {"a", 1, "c", true}}})) == std::vector<std::string>{"/v/1", "/v/3"});
    const json sized = one_property({{"type", "array"}, {"minItems", 1}, {"maxItems", 2}});
    check_one(validate(sized, {{"v", json::array()}}), "/v", "at least 1 item", "a list of 0 items");
    check_one(validate(sized, {{"v", {1, 2, 3}}}), "/v", "at most 2 items", "a list of 3 items");
    CHECK(validate(sized, {{"v", {1, 2}}}).empty());
}

TEST_CASE("uniqueItems: each repeat points at itself and at its first occurrence", "[unit][schema]") {
    const auto problems = validate(one_property({{"type", "array"}, {"uniqueItems", true}}),
                                   {{"v", {"a", "b", "a", {{"k", 1}}, {{"k", 1}}}}});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where == "/v/2");
    CHECK(problems[0].expected == "each item once");
    CHECK(problems[0].found == R"("a" again (first at /v/0))");
    CHECK(problems[1].where == "/v/4");
    CHECK(problems[1].found == R"({"k":1} again (first at /v/3))");
}

TEST_CASE("a local $ref applies the definition, with the definition's description", "[unit][schema]") {
    const json schema = {{"type", "object"},
                         {"$defs", {{"seat_id", {{"type", "string"}, {"pattern", "^[a-z]+$"}, {"description", "a seat id"}}}}},
                         {"properties", {{"seat", {{"$ref", "#/$defs/seat_id"}}},
                                         {"seats", {{"type", "array"}, {"items", {{"$ref", "#/$defs/seat_id"}}}}}}}};
    check_one(validate(schema, {{"seat", "Dev"}}), "/seat", "a seat id (pattern ^[a-z]+$)", R"(a string ("Dev"))");
    check_one(validate(schema, {{"seats", {"dev", 4}}}), "/seats/1", "a string", "a number (4)");
}

TEST_CASE("additionalProperties given as a schema checks every other member against it", "[unit][schema]") {
    const json schema = {{"type", "object"}, {"additionalProperties", {{"type", "number"}, {"maximum", 100}}}};
    const auto problems = validate(schema, {{"a", 5}, {"b", 200}, {"c", "x"}});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].where == "/b");
    CHECK(problems[0].expected == "a number of at most 100");
    CHECK(problems[1].where == "/c");
    CHECK(problems[1].expected == "a number");

    json panel = test::stock_panel_json();
    panel["seats"][1]["settings"] = {{"weights", {{"open_weights", 500}}}};
    problem_list panel_problems;
    panel_schema().validate(panel, "panel.json", panel_problems);
    REQUIRE(panel_problems.size() == 1);
    CHECK(panel_problems[0].where == "/seats/1/settings/weights/open_weights");
}

TEST_CASE("every problem of a document is collected in one pass, in a fixed order", "[unit][schema]") {
    json tool = test::minimal_tool("good-tool");
    tool["id"] = "Bad Id";
    tool["kind"] = "modle";
    tool["setup"] = {{"steps", -1}};
    tool["seats"] = json::array();
    tool["taglin"] = tool["tagline"];
    tool.erase("tagline");
    problem_list problems;
    tool_schema().validate(tool, "t.json", problems);
    // Missing fields first, then members in key order.
    CHECK(wheres(problems) == std::vector<std::string>{"/", "/id", "/kind", "/seats", "/setup/steps", "/taglin"});
    REQUIRE(problems.size() == 6);
    CHECK(problems[1].expected == R"(a lowercase slug of the name, such as "claw-code" (pattern ^[a-z0-9]+(-[a-z0-9]+)*$))");
    CHECK(problems[5].hint == "did you mean \"tagline\"?");
}

TEST_CASE("a value of the wrong type is one problem, not a cascade", "[unit][schema]") {
    for (const auto& [key, wrong] : std::vector<std::pair<std::string, json>>{
             {"pricing", "free"}, {"claims", {{"text", "x"}}}, {"seats", "developer"}, {"licence", {true}}}) {
        INFO(key);
        json tool = test::minimal_tool("t");
        tool[key] = wrong;
        problem_list problems;
        tool_schema().validate(tool, "t.json", problems);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].where == "/" + key);
    }
}

TEST_CASE("a schema using a keyword outside the subset is refused, naming the keyword", "[unit][schema]") {
    CHECK_THAT(refusal_of({{"anyOf", json::array()}}), Contains("\"anyOf\""));
    CHECK_THAT(refusal_of({{"properties", {{"a", {{"type", "string"}, {"format", "email"}}}}}}), Contains("\"format\""));
    CHECK_THAT(refusal_of({{"$defs", {{"x", {{"if", json::object()}}}}}}), Contains("\"if\""));
    CHECK_THAT(refusal_of({{"items", {{"const", 1}}}}), Contains("\"const\""));
    CHECK_THAT(refusal_of({{"additionalProperties", {{"not", json::object()}}}}), Contains("\"not\""));
    CHECK_THAT(refusal_of({{"$ref", "https://example.com/other.json"}}), Contains("$defs"));
    CHECK(refusal_of(json::parse(tool_schema_text())).empty());
}

TEST_CASE("a keyword beside a $ref is applied or refused, never silently ignored", "[unit][schema]") {
    // In 2020-12 the siblings of $ref apply too; an independent validator would enforce this maxLength.
    const json schema = {{"$defs", {{"word", {{"type", "string"}}}}},
                         {"properties", {{"v", {{"$ref", "#/$defs/word"}, {"maxLength", 3}}}}}};
    if (const std::string refusal = refusal_of(schema); !refusal.empty()) {
        CHECK_THAT(refusal, Contains("maxLength"));
        return;
    }
    CHECK(wheres(validate(schema, {{"v", "abcdef"}})) == std::vector<std::string>{"/v"});
}

TEST_CASE("a $ref to a definition that does not exist is refused when the schema is built", "[unit][schema]") {
    const json schema = {{"$defs", {{"word", {{"type", "string"}}}}}, {"properties", {{"v", {{"$ref", "#/$defs/wrod"}}}}}};
    CHECK_THAT(refusal_of(schema), Contains("wrod"));
}

TEST_CASE("values are described briefly, and long text is cut at a character boundary", "[unit][schema]") {
    CHECK(describe_json_value("Paid") == R"(a string ("Paid"))");
    CHECK(describe_json_value(12) == "a number (12)");
    CHECK(describe_json_value(json::array({1})) == "a list of 1 item");
    CHECK(describe_json_value(std::string(41, 'a')) == "a string (\"" + std::string(37, 'a') + "...\")");
    std::string long_text;
    std::string cut_text;
    for (int i = 0; i < 41; ++i) long_text += "é";
    for (int i = 0; i < 37; ++i) cut_text += "é";
    CHECK(describe_json_value(long_text) == "a string (\"" + cut_text + "...\")");
}

TEST_CASE("the embedded schemas are the catalog's schema files, byte for byte", "[unit][schema]") {
    const auto schema_dir = test::source_dir() / "catalog" / "schema";
    CHECK(tool_schema_text() == test::read_file(schema_dir / "tool.schema.json"));
    CHECK(panel_schema_text() == test::read_file(schema_dir / "panel.schema.json"));
    CHECK(comparisons_schema_text() == test::read_file(schema_dir / "comparisons.schema.json"));
    CHECK(fixtures_schema_text() == test::read_file(schema_dir / "fixtures.schema.json"));
}

TEST_CASE("the embedded schemas accept every file of the shipped catalog", "[unit][schema]") {
    std::size_t tool_files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::stock_catalog() / "tools")) {
        problem_list problems;
        CHECK(read_json_document(entry.path(), tool_schema(), problems).has_value());
        for (const problem& p : problems) FAIL_CHECK(to_string(p));
        ++tool_files;
    }
    CHECK(tool_files >= 5);   // guards against an empty or moved folder passing vacuously
    problem_list problems;
    CHECK(read_json_document(test::stock_catalog() / "panel.json", panel_schema(), problems).has_value());
    for (const problem& p : problems) FAIL_CHECK(to_string(p));
}
