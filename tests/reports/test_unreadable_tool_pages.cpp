// The pages of a tool whose catalog file could not be read, in each format the
// batch writes: the notice and every problem show, escaped like all catalog
// text; none of the placeholder tool's defaults (a "free" entry price) shows
// as a fact; the other tool of a comparison keeps its facts and wins the pick.
// The panel is the shipped catalog's with the real stock personas; the bytes
// checked are the renderers' own, the JSON and the front matter are read back
// by independent parsers.
#include "compare/comparison.hpp"
#include "compare/page_wording.hpp"
#include "compare/site_index.hpp"
#include "reports/page_renderers.hpp"
#include "support/process.hpp"
#include "support/stock_workspace.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <stdexcept>

using namespace verdict;
using Catch::Contains;
using nlohmann::json;

namespace {

// A page on its own: no site settings or links beyond the defaults.
const site_context test_site;

const std::string enum_problem =
    "catalog/tools/bad-tool.json: /pricing/entry: expected one of \"free\", \"freemium\", \"paid\", \"usage_based\", found \"cheap\"";
const std::string hostile_problem =
    "catalog/tools/bad-tool.json: /description: <script>alert(1)</script> [x](http://evil) {{< shortcode >}}\nnext \"line\"\u001b[2J end";
const std::vector<std::string> problems{enum_problem, hostile_problem};

// The shipped catalog's tools reviewed by its panel, plus "bad-tool", whose file could not be read.
struct unreadable_site {
    cli::workspace ws = test::load_stock_workspace();
    tool placeholder;
    std::vector<tool_review> reviews;
    std::vector<page_tool> pages;   // in id order, as make_index() takes them

    explicit unreadable_site(const std::string& category = "Developer Tools") {
        REQUIRE(ws.problems.empty());
        placeholder.id = "bad-tool";
        placeholder.name = "Bad Tool";
        placeholder.category = category;
        for (const tool& t : ws.tools.tools) reviews.push_back(review_tool(*ws.seats, t));
        reviews.push_back(unreadable_review(*ws.seats, placeholder, problems));
        const auto by_id = [](const tool_review& a, const tool_review& b) { return a.subject->id < b.subject->id; };
        std::sort(reviews.begin(), reviews.end(), by_id);
        for (const tool_review& r : reviews) pages.push_back(make_page_tool(r, community_votes{}, ws.seats->config().community));
    }
    unreadable_site(const unreadable_site&) = delete;
    unreadable_site& operator=(const unreadable_site&) = delete;

    const page_tool& page(const std::string& id) const {
        for (const page_tool& p : pages)
            if (p.subject().id == id) return p;
        FAIL("no tool " << id);
        throw std::logic_error("unreachable");
    }
    comparison compare(const std::string& left, const std::string& right) const {
        return compose(page(left), page(right), ws.seats->config());
    }
    site_index index() const {
        const tool* claw = &page("claw-code").subject();
        return make_index(pages, {{&placeholder, claw}, {claw, &page("modal-gpu-serverless-inference").subject()}}, ws.seats->config());
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The front matter of a Markdown page as a strict YAML parser (python3-yaml) reads it.
json front_matter_of(const std::string& page) {
    test::temp_dir dir;
    test::write_file(dir.path() / "page.md", page);
    const auto run = test::run_process(VERDICT_PYTHON,
                                       {"-c",
                                        "import json, sys, yaml\n"
                                        "text = open(sys.argv[1], encoding='utf-8').read()\n"
                                        "assert text.startswith('---\\n')\n"
                                        "print(json.dumps(yaml.safe_load(text[4:text.index('\\n---\\n') + 1])))\n",
                                        (dir.path() / "page.md").string()},
                                       dir.path());
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return json::parse(run.out);
}

// True when `page` holds no control character but the newlines that end its lines.
bool printable(const std::string& page) {
    return std::none_of(page.begin(), page.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return (b < 0x20 && b != '\n') || b == 0x7F;
    });
}

std::string body_of(const std::string& page) { return page.substr(page.find("\n---\n", 3) + 5); }

// Parses `text` and checks it against docs/schema/<schema>.schema.json.
json valid_json(const std::string& text, const std::string& schema) {
    const json document = json::parse(text);
    INFO(text);
    CHECK(test::json_schema_errors(schema, text).empty());
    return document;
}

// What an HTML page shows of the notice and the problems: escaped, the newline and the escape character spaces.
const std::string html_notice = "<p class=\"flag\">verdict could not read this tool&#39;s catalog file, so the panel did not review it:</p>";
const std::string html_problems =
    "<ul class=\"failure\" style=\"padding-left:2rem\"><li>catalog/tools/bad-tool.json: /pricing/entry: expected one of &quot;free&quot;, &quot;freemium&quot;, "
    "&quot;paid&quot;, &quot;usage_based&quot;, found &quot;cheap&quot;</li><li>catalog/tools/bad-tool.json: /description: "
    "&lt;script&gt;alert(1)&lt;/script&gt; [x](http://evil) {{&lt; shortcode &gt;}} next &quot;line&quot; [2J end</li></ul>";

// What a Markdown page shows: the notice as a paragraph, each problem a list item with its syntax backslash-escaped
// (a bare "http:" would be linked, and Hugo reads "{{<" before Markdown does), the control characters spaces.
const std::string md_problems =
    "- catalog/tools/bad-tool.json: /pricing/entry: expected one of \"free\", \"freemium\", \"paid\", \"usage\\_based\", found "
    "\"cheap\"\n- catalog/tools/bad-tool.json: /description: \\<script\\>alert(1)\\</script\\> \\[x\\](http\\://evil) "
    "\\{\\{\\< shortcode \\>}} next \"line\" \\[2J end\n\n";

// How often `what` occurs in `body` with its first character not backslash-escaped.
std::size_t bare_count(const std::string& body, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = body.find(what); at != std::string::npos; at = body.find(what, at + 1))
        if (at == 0 || body[at - 1] != '\\') ++n;
    return n;
}

void check_markdown_shows_problems(const std::string& body) {
    CHECK_THAT(body, Contains(std::string(unreadable_notice) + "\n\n" + md_problems));
    for (const char* syntax : {"<script", "{{<", "[x]", "](http", "http://"}) CHECK(bare_count(body, syntax) == 0);
}

}  // namespace

TEST_CASE("an unreadable tool's HTML page lists its problems as text in place of facts it does not know", "[reports][unreadable]") {
    const unreadable_site site;
    const page_tool& bad = site.page("bad-tool");
    const std::string html = render_tool_page(bad, test_site, "html");
    CHECK_THAT(html, Contains("<div class=\"description\" role=\"note\">\n" + html_notice + "\n" + html_problems + "\n</div>"));
    CHECK(count(html, "<script") == count(html, "<script type=\"application/ld+json\">"));   // data, which nothing runs
    CHECK(printable(html));
    CHECK(count(html, "Free") == 0);   // the placeholder's default entry price
    CHECK_THAT(html, Contains("<dt>Entry</dt><dd class=\"figure\">Not stated</dd>"));
    for (const char* row : {"Entry", "Licence", "Commercial use", "Pricing notes"})
        CHECK_THAT(html, Contains("<tr><th scope=\"row\">" + std::string(row) + "</th><td dir=\"auto\">Not stated</td></tr>"));
    CHECK(count(html, "class=\"tagline\"") == 0);
    CHECK_THAT(html, Contains("<p class=\"eyebrow\" dir=\"auto\">Developer Tools</p>\n<h1><bdi>Bad Tool</bdi></h1>\n</header>"));
    REQUIRE_FALSE(bad.review->seats.empty());
    CHECK(count(html, "<span aria-hidden=\"true\">!</span> Failed</span>") == bad.review->seats.size());
    CHECK(count(html, "not reviewed: the tool&#39;s catalog file has problems") == bad.review->seats.size());
    CHECK_THAT(html, Contains("catalog data as of <span class=\"nowrap\">—</span></p></footer>"));
}

TEST_CASE("an unreadable tool's Markdown page lists its problems and its front matter carries them, its facts null", "[reports][unreadable]") {
    const unreadable_site site;
    const std::string page = render_tool_page(site.page("bad-tool"), test_site, "md");
    const json data = front_matter_of(page);
    CHECK(data["tool"]["problems"] == json(problems));
    for (const char* unknown : {"vendor", "tagline"}) CHECK(data["tool"][unknown].is_null());
    for (const auto& [key, value] : data["tool"]["pricing"].items()) CHECK(value.is_null());
    CHECK(data["tool"]["category"] == "Developer Tools");
    CHECK(data["tool"]["panel"]["ship_pct"].is_null());
    CHECK(data["data_date"].is_null());
    const std::string body = body_of(page);
    check_markdown_shows_problems(body);
    CHECK(printable(page));
    CHECK(count(page, "Free") == 0);
    CHECK_THAT(body, Catch::StartsWith("\nDeveloper Tools\n\n- **Panel ship:** —"));   // the name is the front matter's title
    CHECK_THAT(body, Contains("- **Entry:** Not stated\n\n"));
    CHECK_THAT(body, Contains("## Pricing read\n\n- **Entry:** Not stated\n- **Licence:** Not stated\n- **Commercial use:** Not stated\n"
                              "- **Pricing notes:** Not stated\n"));
}

TEST_CASE("an unreadable tool's JSON page has its problems and null for its vendor, and follows the schema", "[reports][unreadable]") {
    const unreadable_site site;
    const std::string text = render_tool_page(site.page("bad-tool"), test_site, "json");
    json page = valid_json(text, "review");
    CHECK(page["tool"]["problems"] == json(problems));
    CHECK(page["tool"]["vendor"].is_null());
    CHECK(page["tool"]["category"] == "Developer Tools");
    for (const json& seat : page["reviews"]) CHECK(seat["verdict"] == "failed");
    // The schema holds the two shapes apart: a tool with problems states no vendor.
    page["tool"]["vendor"] = "Acme";
    CHECK_FALSE(test::json_schema_errors("review", page.dump()).empty());
}

TEST_CASE("an unreadable file that gave no category shows none, and its category is null", "[reports][unreadable]") {
    const unreadable_site site("");
    const page_tool& bad = site.page("bad-tool");
    CHECK_THAT(render_tool_page(bad, test_site, "html"), Contains("<header class=\"masthead\">\n<h1><bdi>Bad Tool</bdi></h1>\n</header>"));
    CHECK_THAT(render_tool_page(bad, test_site, "md"), Contains("\n---\n\n- **Panel ship:** —"));
    CHECK(front_matter_of(render_tool_page(bad, test_site, "md"))["tool"]["category"].is_null());
    CHECK(valid_json(render_tool_page(bad, test_site, "json"), "review")["tool"]["category"].is_null());
    CHECK(valid_json(render_comparison(site.compare("bad-tool", "claw-code"), test_site, "json"), "comparison")["tools"][0]["category"].is_null());
}

TEST_CASE("a readable tool's pages have no problems key, in JSON or front matter", "[reports][unreadable]") {
    const unreadable_site site;
    const page_tool& claw = site.page("claw-code");
    CHECK_FALSE(json::parse(render_tool_page(claw, test_site, "json"))["tool"].contains("problems"));
    CHECK_FALSE(front_matter_of(render_tool_page(claw, test_site, "md"))["tool"].contains("problems"));
}

TEST_CASE("a comparison with an unreadable tool shows its problems, the other tool's facts, and picks the other", "[reports][unreadable]") {
    const unreadable_site site;
    const tool& claw = site.page("claw-code").subject();
    for (const bool bad_left : {true, false}) {
        INFO("bad-tool on the " << (bad_left ? "left" : "right"));
        const comparison c = bad_left ? site.compare("bad-tool", "claw-code") : site.compare("claw-code", "bad-tool");
        const std::size_t bad = bad_left ? 0 : 1;
        REQUIRE(c.choice.winner == 1 - bad);
        const std::string pricing_row = bad_left ? "Not stated</td><td dir=\"auto\">Paid" : "Paid</td><td dir=\"auto\">Not stated";

        const std::string html = render_comparison(c, test_site, "html");
        CHECK(count(html, html_notice + "\n" + html_problems) == 1);
        CHECK(count(html, "Free") == 0);   // Claw Code is paid: any "Free" would be the placeholder's
        CHECK(count(html, "<script") == count(html, "<script type=\"application/ld+json\">"));   // data, which nothing runs
        CHECK(printable(html));
        CHECK_THAT(html, Contains("<tr><th scope=\"row\">Entry</th><td dir=\"auto\">" + pricing_row + "</td></tr>"));
        CHECK_THAT(html, Contains("<p class=\"tagline\" dir=\"auto\">" + claw.tagline + "</p>"));
        CHECK_THAT(html, Contains("<p class=\"pick-name\"><bdi>Claw Code</bdi></p>"));

        const std::string md = render_comparison(c, test_site, "md");
        check_markdown_shows_problems(body_of(md));
        CHECK(printable(md));
        CHECK(count(md, "Free") == 0);
        CHECK_THAT(md, Contains(bad_left ? "| Entry | Not stated | Paid |" : "| Entry | Paid | Not stated |"));
        CHECK_THAT(md, Contains("Developer Tools · " + *claw.vendor + "\n\n" + claw.tagline + "\n\n"));
        CHECK_THAT(md, Contains("**Pick: Claw Code**"));
        const json data = front_matter_of(md);
        CHECK(data["tools"][bad]["problems"] == json(problems));
        CHECK(data["tools"][bad]["pricing"]["entry"].is_null());
        CHECK_FALSE(data["tools"][1 - bad].contains("problems"));
        CHECK(data["tools"][1 - bad]["vendor"] == *claw.vendor);
        CHECK(data["pick"]["tool"] == "claw-code");

        json page = valid_json(render_comparison(c, test_site, "json"), "comparison");
        CHECK(page["tools"][bad]["problems"] == json(problems));
        for (const char* unknown : {"vendor", "tagline", "description", "updated"}) CHECK(page["tools"][bad][unknown].is_null());
        CHECK(page["tools"][bad]["pricing"]["entry"].is_null());
        CHECK_FALSE(page["tools"][1 - bad].contains("problems"));
        CHECK(page["tools"][1 - bad]["pricing"]["entry"] == "paid");
        CHECK(page["pick"]["tool"] == "claw-code");
        CHECK(page["footer"]["data_date"] == claw.updated);
        page["tools"][bad]["pricing"]["entry"] = "free";
        CHECK_FALSE(test::json_schema_errors("comparison", page.dump()).empty());
    }
}

TEST_CASE("the category page says which tool was not reviewed, and why, in every format", "[reports][unreadable]") {
    const unreadable_site site;
    const site_index index = site.index();
    const site_index::category& category = *index.find_category("Developer Tools");
    const std::string sentence = "Bad Tool was not reviewed: verdict could not read its catalog file (2 problems)";
    REQUIRE(not_reviewed_text(site.page("bad-tool")) == sentence);

    const std::string html = render_category_page(index, category, test_site, "html");
    CHECK_THAT(html, Contains("<p class=\"detail\"><bdi>Bad Tool</bdi>" + sentence.substr(8) + "</p>"));
    CHECK_THAT(html, Contains("Pick: <strong><bdi>Claw Code</bdi></strong></p>\n<p class=\"detail\"><bdi>Bad Tool</bdi>"));
    CHECK(count(html, sentence.substr(8)) == 2);   // its own entry and its one comparison's

    const std::string md = render_category_page(index, category, test_site, "md");
    CHECK_THAT(md, Contains("](../../tools/bad-tool.md): panel — · community — · " + sentence + "\n"));
    CHECK_THAT(md, Contains("](../../compare/bad-tool-vs-claw-code.md): panel — vs 75%; pick Claw Code (panel ship %); " + sentence + "\n"));
    CHECK(count(md, sentence) == 2);
    CHECK(front_matter_of(md)["tool_count"] == site.pages.size());

    const json page = valid_json(render_category_page(index, category, test_site, "json"), "category");
    for (const json& t : page["tools"]) CHECK(t.contains("problems") == (t["id"] == "bad-tool"));
    CHECK(page["tools"][0]["problems"] == json(problems));
    CHECK(page["comparisons"][0]["tools"][0]["problems"] == json(problems));
    CHECK(page["comparisons"][0]["pick"] == "claw-code");
    CHECK_FALSE(page["comparisons"][1]["tools"][0].contains("problems"));
}

TEST_CASE("a tool whose file gave no category is listed under Uncategorized, after the named categories", "[reports][unreadable]") {
    const unreadable_site site("");
    const site_index index = site.index();
    REQUIRE(index.categories.size() == 2);
    CHECK(category_title(index.categories[1]) == "Uncategorized");
    CHECK(index.categories[1].slug == "uncategorized");
    REQUIRE(index.categories[1].tools.size() == 1);
    CHECK(index.tools[index.categories[1].tools[0]]->subject().id == "bad-tool");
    // Its comparison with Claw Code is on both pages; the index counts each page's own.
    CHECK(index.categories[1].comparisons.size() == 1);
    CHECK(index.categories[0].comparisons.size() == 2);
    const json root = valid_json(render_index(index, test_site, "json"), "index");
    CHECK(root["categories"][1] == json{{"name", "Uncategorized"}, {"slug", "uncategorized"}, {"page", "category/uncategorized.json"},
                                        {"comparison_count", 1}, {"tool_count", 1}});
    CHECK(root["comparison_count"] == 2);
}
