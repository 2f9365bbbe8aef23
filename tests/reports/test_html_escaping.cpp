// The HTML pages against hostile catalog text: markup, attribute breakouts,
// an unclosed right-to-left override, control characters and a 500-letter
// word, put in a real catalog, reviewed by the real stock personas, and read
// back from the bytes the renderers and the real program write. The text
// format, which goes to a terminal, is held to the same on control characters.
#include "compare/comparison.hpp"
#include "compare/site_index.hpp"
#include "reports/html/html_pages.hpp"
#include "support/paths.hpp"
#include "support/process.hpp"
#include "support/slug.hpp"
#include "support/stock_workspace.hpp"
#include "support/temp_catalog.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace verdict;

namespace {

// A page on its own: no site settings or links beyond the defaults.
const site_context test_site;

const std::string rlo = "\u202E";   // RIGHT-TO-LEFT OVERRIDE
const std::string pdf = "\u202C";   // POP DIRECTIONAL FORMATTING
const std::string hostile_name = "Evil \"><img src=x onerror=alert(2)> " + rlo + "Tool";
const std::string hostile_tagline = "Tom & Jerry's \"best\" <b>tagline</b>";
const std::string long_word(500, 'w');
const std::string hostile_description = "<script>alert(1)</script> then " + long_word + " and ' quotes.";

nlohmann::json hostile_tool() {
    nlohmann::json t = test::minimal_tool(slug_of(hostile_name));
    t["name"] = hostile_name;
    t["category"] = "<i>Cat</i>";
    t["tagline"] = hostile_tagline;
    t["description"] = hostile_description;
    t["pricing"]["notes"] = "<u>per token</u>";
    t["licence"] = {{"name", "<em>licence</em>"}, {"commercial_use", "restricted"}};
    return t;
}

// A catalog of the stock tools plus the hostile one, reviewed and composed as the program does.
struct hostile_site {
    test::temp_catalog dir;
    cli::workspace ws;
    std::vector<tool_review> reviews;
    std::vector<page_tool> pages;

    explicit hostile_site(const nlohmann::json& panel = test::stock_panel_json()) {
        dir.set_panel(panel);
        dir.add_stock_tools();
        dir.add_tool(hostile_tool());
        ws = test::load_stock_workspace(dir.path());
        REQUIRE(ws.problems.empty());
        for (const tool& t : ws.tools.tools) reviews.push_back(review_tool(*ws.seats, t));
        for (const tool_review& r : reviews) pages.push_back(make_page_tool(r, community_votes{}, ws.seats->config().community));
    }

    const page_tool& page(const std::string& id) const {
        for (const page_tool& p : pages)
            if (p.subject().id == id) return p;
        FAIL("no tool " << id);
        throw std::logic_error("unreachable");
    }
};

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// `text` with the five characters HTML pages write as references written so.
std::string html_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// True when every right-to-left override the hostile name opens is closed at the end of the name and, in the
// body, isolated in a <bdi>, wherever the name shows: alone, in a sentence or in a quote.
bool overrides_isolated(const std::string& html) {
    const std::size_t body = html.find("<body>");
    for (std::size_t at = html.find(rlo); at != std::string::npos; at = html.find(rlo, at + 1)) {
        const std::string_view after = std::string_view(html).substr(at + rlo.size());
        if (after.rfind("Tool" + pdf, 0) != 0) return false;
        if (at > body && after.rfind("Tool" + pdf + "</bdi>", 0) != 0) return false;
    }
    return true;
}

// The only elements a page may contain that could run or fetch anything. Its one script element is structured data,
// which no browser runs, and whose text escapes every "<", so nothing in it can end it.
void check_nothing_active(const std::string& html) {
    CHECK(count(html, "<script") == count(html, "<script type=\"application/ld+json\">"));
    CHECK(count(html, "<script") <= 1);
    const std::size_t data = html.find("<script type=\"application/ld+json\">");
    if (data != std::string::npos) {
        const std::string text = html.substr(data, html.find("</script>", data) - data);
        CHECK(count(text, "<") == 1);
    }
    CHECK(count(html, "<img") == 0);
    CHECK(count(html, "<b>") == 0);
    CHECK(count(html, "<u>") == 0);
    CHECK(count(html, "<em>") == 0);
    CHECK(count(html, "<i>") == 0);
    CHECK(count(html, "onerror=") == count(html, "&lt;img src=x onerror=") + count(html, "\\u003cimg src=x onerror="));
    CHECK(count(html, "<link") == 0);
    CHECK(count(html, "src=\"") == 0);
}

// A terminal title sequence (ESC ] … BEL) and a faked line (CR LF) in a name, and C1 controls (CSI, NEL) and DEL in a
// tagline.
const std::string control_name = "\u001b]0;pwned\u0007 Tool\r\nFAKE";
const std::string control_tagline = "Tag\u009b31mline\u0085next\u007F end";

nlohmann::json control_tool() {
    nlohmann::json t = test::minimal_tool(slug_of(control_name));
    t["name"] = control_name;
    t["tagline"] = control_tagline;
    t["description"] = "Line one.\r\nLine two.\u001b[2J";
    return t;
}

// Each control character in `page`, other than the newlines that end its lines, with what surrounds it.
std::vector<std::string> raw_controls(const std::string& page) {
    std::vector<std::string> found;
    for (std::size_t at = 0; at < page.size(); ++at) {
        const auto b = static_cast<unsigned char>(page[at]);
        const bool c1 = b == 0xC2 && at + 1 < page.size() && static_cast<unsigned char>(page[at + 1]) >= 0x80 &&
                        static_cast<unsigned char>(page[at + 1]) <= 0x9F;
        if ((b < 0x20 && b != '\n') || b == 0x7F || c1) found.push_back(page.substr(at < 20 ? 0 : at - 20, 40));
    }
    return found;
}

}  // namespace

TEST_CASE("a tool page shows hostile catalog text as text", "[reports][html]") {
    const hostile_site site;
    const std::string html = render_tool_page_html(site.page(slug_of(hostile_name)), test_site);
    check_nothing_active(html);
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt; then"));
    CHECK_THAT(html, Catch::Contains("Evil &quot;&gt;&lt;img src=x onerror=alert(2)&gt; "));
    CHECK_THAT(html, Catch::Contains("Tom &amp; Jerry&#39;s &quot;best&quot; &lt;b&gt;tagline&lt;/b&gt;"));
    CHECK_THAT(html, Catch::Contains("&lt;u&gt;per token&lt;/u&gt;"));
    CHECK_THAT(html, Catch::Contains("&lt;em&gt;licence&lt;/em&gt;"));
    CHECK_THAT(html, Catch::Contains("<title>Evil &quot;&gt;&lt;img src=x onerror=alert(2)&gt; " + rlo + "Tool" + pdf + " · verdict</title>"));
}

TEST_CASE("an unclosed right-to-left override in a name is closed and isolated wherever the name shows", "[reports][html]") {
    const hostile_site site;
    const comparison c = compose(site.page(slug_of(hostile_name)), site.page("claw-code"), site.ws.seats->config());
    for (const std::string& html : {render_tool_page_html(site.page(slug_of(hostile_name)), test_site), render_comparison_html(c, test_site)}) {
        CHECK(count(html, rlo) > 0);
        CHECK(overrides_isolated(html));
        CHECK_THAT(html, Catch::Contains("<bdi>Evil &quot;&gt;&lt;img src=x onerror=alert(2)&gt; " + rlo + "Tool" + pdf + "</bdi>"));
    }
}

TEST_CASE("a 500-letter word is kept whole and the pages let it wrap anywhere", "[reports][html]") {
    const hostile_site site;
    const std::string html = render_tool_page_html(site.page(slug_of(hostile_name)), test_site);
    CHECK_THAT(html, Catch::Contains(" then " + long_word + " and &#39; quotes."));
    CHECK_THAT(html, Catch::Contains("overflow-wrap:anywhere"));
}

TEST_CASE("a comparison page escapes both tools' text everywhere it shows, sentences included", "[reports][html]") {
    const hostile_site site;
    const comparison c = compose(site.page(slug_of(hostile_name)), site.page("modal-gpu-serverless-inference"), site.ws.seats->config());
    const std::string html = render_comparison_html(c, test_site);
    check_nothing_active(html);
    CHECK_THAT(html, Catch::Contains("<h1><bdi>Evil &quot;&gt;&lt;img"));
    CHECK_THAT(html, Catch::Contains("</bdi> vs <bdi>Modal GPU Serverless Inference</bdi></h1>"));
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The pick's reason names both tools (the hostile one balanced, as the model puts names in sentences): all of it
    // escaped, and each name isolated in its own <bdi>.
    REQUIRE(count(c.choice.reason, hostile_name + pdf) > 0);
    std::string reason = html_escaped(c.choice.reason);
    for (const std::string& name : {html_escaped(hostile_name + pdf), std::string("Modal GPU Serverless Inference")}) {
        const std::string shown = "<bdi>" + name + "</bdi>";
        for (std::size_t at = reason.find(name); at != std::string::npos; at = reason.find(name, at + shown.size()))
            reason.replace(at, name.size(), shown);
    }
    CHECK_THAT(html, Catch::Contains("<p>" + reason + "</p>"));
}

TEST_CASE("the index and a category page escape names and link to the pages where the batch writes them", "[reports][html]") {
    const hostile_site site;
    const std::vector<comparison_pair> pairs{{&site.page(slug_of(hostile_name)).subject(), &site.page("claw-code").subject()}};
    const site_index index = make_index(site.pages, pairs, site.ws.seats->config());
    const site_index::category* hostile = index.find_category("<i>Cat</i>");
    REQUIRE(hostile);
    CHECK(hostile->slug == "i-cat-i");
    const std::string root = render_index_html(index, test_site);
    check_nothing_active(root);
    CHECK_THAT(root, Catch::Contains("<a href=\"category/i-cat-i.html\"><bdi>&lt;i&gt;Cat&lt;/i&gt;</bdi></a>"));
    CHECK_THAT(root, Catch::Contains("<a href=\"category/developer-tools.html\">"));

    const std::string html = render_category_html(index, *hostile, test_site);
    check_nothing_active(html);
    CHECK_THAT(html, Catch::Contains("<h1><bdi>&lt;i&gt;Cat&lt;/i&gt;</bdi></h1>"));
    CHECK_THAT(html, Catch::Contains("<a href=\"../index.html\">"));
    CHECK_THAT(html, Catch::Contains("<a href=\"../compare/" + slug_of(hostile_name) + "-vs-claw-code.html\">"));
    CHECK_THAT(html, Catch::Contains("<a href=\"../tools/" + slug_of(hostile_name) + ".html\">"));
    CHECK(overrides_isolated(html));
    // Claw Code is in Developer Tools: its comparison with the hostile tool is on that page too.
    CHECK_THAT(render_category_html(index, *index.find_category("Developer Tools"), test_site),
               Catch::Contains("<a href=\"../compare/" + slug_of(hostile_name) + "-vs-claw-code.html\">") &&
                   Catch::Contains("<a href=\"../tools/claw-code.html\">"));
}

TEST_CASE("every page is self-contained: a policy that loads nothing, no external reference", "[reports][html]") {
    const hostile_site site;
    const comparison c = compose(site.page("claw-code"), site.page("modal-gpu-serverless-inference"), site.ws.seats->config());
    const site_index index = make_index(site.pages, {}, site.ws.seats->config());
    for (const std::string& html : {render_comparison_html(c, test_site), render_tool_page_html(site.page("claw-code"), test_site), render_index_html(index, test_site),
                                    render_category_html(index, index.categories.front(), test_site)}) {
        CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
        CHECK_THAT(html, Catch::Contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
        CHECK_THAT(html, Catch::Contains("<meta name=\"viewport\""));
        CHECK(count(html, "src=\"") + count(html, "url(") + count(html, "@import") + count(html, "<link") == 0);
        for (std::size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1)) {
            const std::string href = html.substr(at + 6, html.find('"', at + 6) - at - 6);
            INFO(href);
            CHECK((href.find(':') == std::string::npos && href.rfind('/', 0) != 0));   // relative, on no other host
        }
        CHECK(count(html, "<h1") == 1);
    }
}

TEST_CASE("a seat that failed says so: its error on the tool page, the error's first line on a comparison", "[reports][html]") {
    nlohmann::json panel = test::stock_panel_json();
    panel["seats"][1]["plugin"] = (test::fixture_plugin_dir() / "throwing_review.so").string();
    const hostile_site site(panel);
    const page_tool& claw = site.page("claw-code");
    REQUIRE(claw.review->seats[1].failure.find("throwing_review.so") != std::string::npos);
    const std::string tool_html = render_tool_page_html(claw, test_site);
    const std::string compare_html = render_comparison_html(compose(claw, site.page("modal-gpu-serverless-inference"), site.ws.seats->config()), test_site);
    const std::string failed_badge = "<span aria-hidden=\"true\">!</span> Failed</span>";
    CHECK(count(tool_html, failed_badge) == 1);
    CHECK(count(compare_html, failed_badge) == 2);   // the skeptic, on both tools
    for (const std::string& html : {tool_html, compare_html})
        CHECK_THAT(html, Catch::Contains("<p class=\"failure\">") && Catch::Contains("throwing_review cannot make up its mind"));
}

TEST_CASE("the same inputs give the same bytes", "[reports][html]") {
    const hostile_site first;
    const hostile_site second;
    const auto page_of = [](const hostile_site& s) {
        return render_comparison_html(compose(s.page("claw-code"), s.page(slug_of(hostile_name)), s.ws.seats->config()), test_site);
    };
    CHECK(page_of(first) == page_of(second));
}

TEST_CASE("verdict compare --format html writes the escaped page to a file", "[reports][html][cli]") {
    test::temp_catalog dir;
    dir.add_stock_tools();
    dir.add_tool(hostile_tool());
    const auto file = dir.path() / "page.html";
    const auto run = test::run_verdict({"compare", slug_of(hostile_name), "claw-code", "--format", "html", "--catalog", dir.path().string(),
                                        "-o", file.string()});
    REQUIRE(run.exit_code == 0);
    const std::string html = test::read_file(file);
    check_nothing_active(html);
    CHECK(overrides_isolated(html));
    CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(html, Catch::Contains("Reviewer scorecard"));
}

TEST_CASE("no control character in catalog text reaches an HTML page", "[reports][html]") {
    test::temp_catalog dir;
    dir.add_stock_tools();
    dir.add_tool(control_tool());
    const cli::workspace ws = test::load_stock_workspace(dir.path());
    REQUIRE(ws.problems.empty());
    std::vector<tool_review> reviews;
    for (const tool& t : ws.tools.tools) reviews.push_back(review_tool(*ws.seats, t));
    std::vector<page_tool> pages;
    for (const tool_review& r : reviews) pages.push_back(make_page_tool(r, community_votes{}, ws.seats->config().community));
    const page_tool* control = nullptr;
    const page_tool* claw = nullptr;
    for (const page_tool& p : pages) {
        if (p.subject().id == slug_of(control_name)) control = &p;
        if (p.subject().id == "claw-code") claw = &p;
    }
    REQUIRE(control);
    REQUIRE(claw);
    const site_index index = make_index(pages, {{&control->subject(), &claw->subject()}}, ws.seats->config());
    const site_index::category* category = index.find_category(control->subject().category);
    REQUIRE(category);
    for (const std::string& html : {render_tool_page_html(*control, test_site), render_comparison_html(compose(*control, *claw, ws.seats->config()), test_site),
                                    render_category_html(index, *category, test_site)}) {
        CHECK(raw_controls(html) == std::vector<std::string>{});
        CHECK_THAT(html, Catch::Contains(" ]0;pwned  Tool  FAKE"));
    }
    CHECK_THAT(render_tool_page_html(*control, test_site), Catch::Contains("Tag 31mline next  end"));
}

TEST_CASE("verdict compare --format text prints no control character from catalog text", "[reports][cli]") {
    test::temp_catalog dir;
    dir.add_stock_tools();
    dir.add_tool(control_tool());
    const auto run = test::run_verdict({"compare", slug_of(control_name), "claw-code", "--format", "text", "--catalog", dir.path().string()});
    REQUIRE(run.exit_code == 0);
    CHECK(raw_controls(run.out) == std::vector<std::string>{});
    CHECK_THAT(run.out, Catch::Contains("pwned  Tool  FAKE") && Catch::Contains("Tag 31mline next  end"));
}
