// Strict JSON parsing: duplicate keys, the nesting limit, UTF-8 and syntax
// errors, each reported as a problem that names the place (JSON pointer, or
// line and column plus the pointer being read), so a catalog editor can fix
// the file without guessing. Positions in the inputs are counted by hand.
#include "json/strict_json.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace verdict;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// One parse: the document, if any, and every problem it raised.
struct parse_result {
    std::optional<nlohmann::json> document;
    problem_list problems;
};

parse_result parse(std::string_view text) {
    parse_result out;
    out.document = parse_strict_json(text, "tools/t.json", out.problems);
    return out;
}

std::string nested_arrays(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::string zeros_pointer(std::size_t count) {
    std::string pointer;
    for (std::size_t i = 0; i < count; ++i) pointer += "/0";
    return pointer;
}

std::vector<std::string> wheres(const problem_list& problems) {
    std::vector<std::string> out;
    for (const problem& p : problems) out.push_back(p.where);
    return out;
}

}  // namespace

TEST_CASE("well-formed JSON parses to the same document with no problems", "[unit][json]") {
    const auto r = parse(R"({"a": [1, {"b": null}], "c": "Café 🚀", "d": 2.5})");
    CHECK(r.problems.empty());
    REQUIRE(r.document);
    CHECK(*r.document == nlohmann::json{{"a", {1, {{"b", nullptr}}}}, {"c", "Café 🚀"}, {"d", 2.5}});
}

TEST_CASE("a duplicate key at the top level is one problem at its pointer, and the last value wins", "[unit][json]") {
    const auto r = parse(R"({"name": "a", "vendor": "v", "name": "b"})");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].file == "tools/t.json");
    CHECK(r.problems[0].where == "/name");
    CHECK(r.problems[0].expected == "each key once per object");
    CHECK(r.problems[0].found == "\"name\" a second time");
    REQUIRE(r.document);
    CHECK(r.document->at("name") == "b");
}

TEST_CASE("a duplicate key in a nested object is reported under that object", "[unit][json]") {
    const auto r = parse(R"({"id": "x", "pricing": {"entry": "free", "notes": "n", "entry": "paid"}})");
    CHECK(wheres(r.problems) == std::vector<std::string>{"/pricing/entry"});
    REQUIRE(r.document);
    CHECK(r.document->at("pricing").at("entry") == "paid");
}

TEST_CASE("duplicate keys inside arrays carry the array index in their pointer", "[unit][json]") {
    // The first claim closes before the second opens, so the index must advance past a whole object;
    // the inner list advances past a scalar and then holds the duplicate in an object at index 1.
    const auto r = parse(R"({"claims": [{"text": "a"}, {"text": "b", "text": "c"}],
                             "seats": [[1], [2, {"k": 0, "k": 1}]]})");
    CHECK(wheres(r.problems) == std::vector<std::string>{"/claims/1/text", "/seats/1/1/k"});
}

TEST_CASE("several duplicates in one file are all reported, in reading order", "[unit][json]") {
    const auto r = parse(R"({"a": 1, "a": 2, "b": {"c": 1, "c": 2}, "a": 3})");
    CHECK(wheres(r.problems) == std::vector<std::string>{"/a", "/b/c", "/a"});
    REQUIRE(r.document);
    CHECK(r.document->at("a") == 3);
}

TEST_CASE("the same key in sibling or nested objects is not a duplicate", "[unit][json]") {
    CHECK(parse(R"([{"a": 1}, {"a": 2}])").problems.empty());
    CHECK(parse(R"({"a": {"a": {"a": 1}}, "b": {"a": 2}})").problems.empty());
}

TEST_CASE("keys containing / and ~ are escaped in the pointer of a duplicate", "[unit][json]") {
    const auto r = parse(R"({"a/b": 1, "a/b": 2, "m~n": {"x~/y": 1, "x~/y": 2}})");
    CHECK(wheres(r.problems) == std::vector<std::string>{"/a~1b", "/m~0n/x~0~1y"});
    CHECK(pointer_token("~1") == "~01");   // "~" is escaped first, so a literal "~1" cannot read as "/"
    CHECK(pointer_token("plain") == "plain");
}

TEST_CASE("nesting up to max_json_depth parses; one level more is one problem and no document", "[unit][json]") {
    const auto deepest = parse(nested_arrays(max_json_depth));
    CHECK(deepest.problems.empty());
    CHECK(deepest.document.has_value());

    const auto too_deep = parse(nested_arrays(max_json_depth + 1));
    CHECK_FALSE(too_deep.document.has_value());
    REQUIRE(too_deep.problems.size() == 1);
    // The container that breaks the limit sits max_json_depth levels below the root.
    CHECK(too_deep.problems[0].where == zeros_pointer(max_json_depth));
    CHECK(too_deep.problems[0].expected == "nesting at most " + std::to_string(max_json_depth) + " levels deep");
    CHECK(too_deep.problems[0].found == "deeper nesting");
}

TEST_CASE("nested objects past the limit name the keys on the way down", "[unit][json]") {
    std::string text;
    for (std::size_t i = 0; i <= max_json_depth; ++i) text += R"({"k": )";
    text += "1" + std::string(max_json_depth + 1, '}');
    const auto r = parse(text);
    CHECK_FALSE(r.document.has_value());
    REQUIRE(r.problems.size() == 1);
    std::string expected;
    for (std::size_t i = 0; i < max_json_depth; ++i) expected += "/k";
    CHECK(r.problems[0].where == expected);
}

TEST_CASE("100000 nested arrays stop at the limit with one problem instead of exhausting the stack", "[unit][json]") {
    const auto closed = parse(nested_arrays(100000));
    CHECK_FALSE(closed.document.has_value());
    CHECK(closed.problems.size() == 1);
    const auto unclosed = parse(std::string(100000, '['));
    CHECK_FALSE(unclosed.document.has_value());
    CHECK(unclosed.problems.size() == 1);
}

TEST_CASE("an ill-formed UTF-8 byte in a string is located by line, column and pointer", "[unit][json]") {
    // Line 2 is `  "name": "ab<FF>cd"`: two spaces, "name" fills columns 3-8, ':' 9, ' ' 10, '"' 11, a 12, b 13, 0xFF 14.
    const auto r = parse("{\n  \"name\": \"ab\xFF" "cd\"\n}");
    CHECK_FALSE(r.document.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == "line 2, column 14 (/name)");
    CHECK(r.problems[0].expected == "UTF-8 text");
    CHECK(r.problems[0].found == "an ill-formed UTF-8 byte");
}

TEST_CASE("an overlong UTF-8 sequence in an array item is located at its first byte", "[unit][json]") {
    // `["ok", "<C0><AF>"]`: '[' 1, "ok" 2-5, ',' 6, ' ' 7, '"' 8, 0xC0 9; "ok" was item 0, so this is item 1.
    const auto r = parse("[\"ok\", \"\xC0\xAF\"]");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == "line 1, column 9 (/1)");
    CHECK(r.problems[0].expected == "UTF-8 text");
}

TEST_CASE("a syntax error gives its line, its column and the pointer being read", "[unit][json]") {
    SECTION("a doubled comma in a list") {
        // Line 3 is `  "b": [1, 2,, 3]`: '[' is column 8, '1' 9, ',' 10, ' ' 11, '2' 12, ',' 13, the stray ',' 14.
        const auto r = parse("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}\n");
        CHECK_FALSE(r.document.has_value());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == "line 3, column 14 (/b/2)");
        CHECK(r.problems[0].expected == "valid JSON");
        CHECK_THAT(r.problems[0].found, Contains("unexpected ','"));
        CHECK_THAT(r.problems[0].found, !Contains("line "));   // the position is ours, not repeated from nlohmann
    }
    SECTION("a trailing comma") {
        // `{"a": 1,}`: the '}' that should have been a key is column 9.
        const auto r = parse("{\"a\": 1,}");
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].where == "line 1, column 9 (/a)");
    }
}

TEST_CASE("an unexpected token of several characters is located at its first character", "[unit][json]") {
    // Line 2 is `    "id" "value"`: four spaces, "id" fills columns 5-8, ' ' 9, and the string that should
    // have been a ':' starts at column 10. Its last character, column 16, is where nlohmann stopped reading.
    const auto r = parse("{\"tool\": {\n    \"id\" \"value\"\n}}");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].where == "line 2, column 10 (/tool/id)");
    CHECK_THAT(r.problems[0].found, Contains("expected ':'"));
}

TEST_CASE("input that is not strict JSON is refused", "[unit][json]") {
    for (const char* text : {"// note\n{}", "{} x", "{\"a\": 1}{\"b\": 2}", "{'a': 1}", "[1, 2", "{\"a\": NaN}"}) {
        INFO(text);
        const auto r = parse(text);
        CHECK_FALSE(r.document.has_value());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].expected == "valid JSON");
        CHECK_THAT(r.problems[0].where, StartsWith("line 1, column ") || StartsWith("line 2, column "));
    }
}

TEST_CASE("an empty input is one problem at the start of the file", "[unit][json]") {
    for (const char* text : {"", "  \n  "}) {
        const auto r = parse(text);
        CHECK_FALSE(r.document.has_value());
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].expected == "valid JSON");
        CHECK_THAT(r.problems[0].found, Contains("end of input"));
    }
    CHECK(parse("").problems[0].where == "line 1, column 1 (/)");
}

TEST_CASE("a UTF-8 byte order mark is skipped, and lines after it still count from 1", "[unit][json]") {
    const auto r = parse("\xEF\xBB\xBF{\"a\": 1}");
    CHECK(r.problems.empty());
    REQUIRE(r.document);
    CHECK(*r.document == nlohmann::json{{"a", 1}});

    const auto broken = parse("\xEF\xBB\xBF{\n\"a\": }");
    REQUIRE(broken.problems.size() == 1);
    CHECK_THAT(broken.problems[0].where, StartsWith("line 2, column 6 "));
}

TEST_CASE("a number too large for a double is a located problem, not an escaping exception", "[unit][json]") {
    // nlohmann reports this overflow as json::out_of_range, not json::parse_error.
    parse_result r;
    CHECK_NOTHROW(r = parse(R"({"traction": {"github_stars": 1e400}})"));
    CHECK_FALSE(r.document.has_value());
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].where, Contains("/traction/github_stars"));
}
