// The checks every request passes before anything is looked up: a path that
// climbs out of the site, however it is encoded, and a Host that does not
// name this machine are refused.
#include "serve/request_target.hpp"

#include <catch2/catch.hpp>

using namespace verdict::serve;

namespace {

std::string refusal(std::string_view target) {
    const auto parsed = parse_target(target);
    return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : std::string();
}

}  // namespace

TEST_CASE("a plain target is decoded, with its query", "[serve][target]") {
    const auto parsed = parse_target("/compare/a%2Db-vs-c.html?persona=skeptic&page=%2Ftools%2Fx.html&q=two+words");
    REQUIRE(std::holds_alternative<request_target>(parsed));
    const request_target& t = std::get<request_target>(parsed);
    CHECK(t.path == "/compare/a-b-vs-c.html");
    CHECK(t.param("persona") == "skeptic");
    CHECK(t.param("page") == "/tools/x.html");
    CHECK(t.param("q") == "two words");
    CHECK(t.param("absent").empty());
    CHECK(std::holds_alternative<request_target>(parse_target("/")));
}

TEST_CASE("a path that climbs out of the site is refused however it is written", "[serve][target]") {
    for (const char* target : {"/../etc/passwd", "/tools/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd", "/tools/%2e%2e",
                               "/%252e%252e/etc/passwd", "/tools/..%5c..%5cetc", "/tools/.%2e/x", "/./index.html"})
        CHECK_FALSE(refusal(target).empty());
    CHECK(refusal("/%252e%252e/x").find("encoded twice") != std::string::npos);
    CHECK(refusal("/a%5cb").find("backslash") != std::string::npos);
    CHECK(refusal("/%2e%2e/x").find("\"..\" segment") != std::string::npos);
}

TEST_CASE("a target that is not a path, or is badly encoded, is refused", "[serve][target]") {
    CHECK(refusal("http://evil.example/index.html").find("expected a path starting with \"/\"") != std::string::npos);
    CHECK(refusal("*").find("expected a path") != std::string::npos);
    CHECK_FALSE(refusal("//etc/passwd").empty());
    CHECK_FALSE(refusal("/a%2").empty());
    CHECK_FALSE(refusal("/a%zz").empty());
    CHECK_FALSE(refusal("/a%00b").empty());
    CHECK_FALSE(refusal("/?x=%4").empty());
}

TEST_CASE("only a Host naming this server, on its port, is answered", "[serve][host]") {
    const std::vector<std::string> names{"localhost", "127.0.0.1", "[::1]", "preview.lan"};
    CHECK(allowed_host("localhost:8080", names, 8080));
    CHECK(allowed_host("LOCALHOST:8080", names, 8080));
    CHECK(allowed_host("127.0.0.1", names, 8080));
    CHECK(allowed_host("[::1]:8080", names, 8080));
    CHECK(allowed_host("preview.lan:8080", names, 8080));
    CHECK_FALSE(allowed_host("localhost:8081", names, 8080));
    CHECK_FALSE(allowed_host("evil.example:8080", names, 8080));
    CHECK_FALSE(allowed_host("evil.example", names, 8080));
    CHECK_FALSE(allowed_host("localhost.evil.example:8080", names, 8080));
    CHECK_FALSE(allowed_host("", names, 8080));
}
