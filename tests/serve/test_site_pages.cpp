// The pages `verdict serve` makes are the batch's pages: every HTML and JSON
// file a real batch run writes for the shipped catalog is served, at the
// same path, with the same bytes; and what serving adds to an HTML page is
// its live script and a policy that lets it run, nothing else.
#include "serve/live_catalog.hpp"
#include "serve/live_site.hpp"
#include "serve/site_pages.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

using namespace verdict;
using namespace verdict::serve;

TEST_CASE("every HTML and JSON file a batch writes is served at its path with the same bytes", "[serve][pages]") {
    test::temp_dir out;
    const auto batch = test::run_verdict({"batch", "--out", out.path().string(), "--formats", "html,json"});
    REQUIRE(batch.exit_code == 0);
    live_catalog live(test::stock_catalog(), test::persona_dir(), {});
    live.load();
    REQUIRE(live.current());
    std::size_t compared = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(out.path())) {
        const std::string relative = entry.path().lexically_relative(out.path()).generic_string();
        if (!entry.is_regular_file() || relative.starts_with(".")) continue;
        INFO(relative);
        const auto served = site_page(*live.current(), "/" + relative);
        REQUIRE(served);
        CHECK(served->body == test::read_file(entry.path()));
        ++compared;
    }
    CHECK(compared >= 30);
    CHECK(site_page(*live.current(), "/")->body == site_page(*live.current(), "/index.html")->body);
    CHECK_FALSE(site_page(*live.current(), "/tools/no-such-tool.html"));
    CHECK_FALSE(site_page(*live.current(), "/tools/claw-code.md"));
    CHECK_FALSE(site_page(*live.current(), "/tools/claw-code"));
    CHECK_FALSE(site_page(*live.current(), "/panel.json"));
}

TEST_CASE("serving adds the live script and a policy that lets it run and open its stream, and nothing else", "[serve][pages]") {
    live_catalog live(test::stock_catalog(), test::persona_dir(), {});
    live.load();
    const std::string page = site_page(*live.current(), "/compare/claw-code-vs-modal-gpu-serverless-inference.html")->body;
    const std::string served = with_live_script(page, "0123456789abcdef");
    CHECK(served.find("default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'\">") != std::string::npos);
    const std::string tags = "<meta name=\"verdict-live\" content=\"0123456789abcdef\"><script src=\"/_verdict/live.js\" defer></script></head>";
    CHECK(served.find(tags) != std::string::npos);
    std::string back = served;
    back.erase(back.find(tags), tags.size() - std::string("</head>").size());
    const std::string batch_policy = "default-src 'none'; style-src 'unsafe-inline'\">";
    back.replace(back.find("default-src"), back.find("\">", back.find("default-src")) + 2 - back.find("default-src"), batch_policy);
    CHECK(back == page);
}
