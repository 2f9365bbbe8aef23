// Where each page goes, per format, and how pages link each other: the
// Markdown index and category pages are the list pages a Hugo site reads
// (_index.md), and a link climbs one "../" for each folder of the page it is on.
#include "reports/site_layout.hpp"

#include <catch2/catch.hpp>

using namespace verdict;

TEST_CASE("the Markdown index and category pages are a Hugo site's list pages; other formats keep flat names", "[unit][layout]") {
    CHECK(index_page_path("md") == "_index.md");
    CHECK(category_page_path("developer-tools", "md") == "category/developer-tools/_index.md");
    for (const char* format : {"html", "json"}) {
        const std::string ext = format;
        CHECK(index_page_path(format) == "index." + ext);
        CHECK(category_page_path("developer-tools", format) == "category/developer-tools." + ext);
    }
    CHECK(index_page_path("text") == "index.txt");
    CHECK(comparison_page_path("a-vs-b", "md") == "compare/a-vs-b.md");
    CHECK(tool_page_path("claw-code", "md") == "tools/claw-code.md");
}

TEST_CASE("a link between pages is relative to the linking page's own file", "[unit][layout]") {
    CHECK(relative_link(index_page_path("md"), category_page_path("dev", "md")) == "category/dev/_index.md");
    CHECK(relative_link(category_page_path("dev", "md"), comparison_page_path("a-vs-b", "md")) == "../../compare/a-vs-b.md");
    CHECK(relative_link(tool_page_path("a", "md"), category_page_path("dev", "md")) == "../category/dev/_index.md");
    CHECK(relative_link(comparison_page_path("a-vs-b", "md"), tool_page_path("a", "md")) == "../tools/a.md");
    CHECK(relative_link(category_page_path("dev", "html"), tool_page_path("a", "html")) == "../tools/a.html");
}
