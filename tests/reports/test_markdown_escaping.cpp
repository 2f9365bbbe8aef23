// The Markdown pages with hostile catalog and persona text: nothing a tool's
// entry or a persona says may become a link, an image, raw HTML, a Hugo
// shortcode or a block of its own, nor break out of a code span, and the front
// matter must carry any text.
// Pages come from the real program on real catalogs; the bytes are checked.
#include "reports/markdown/markdown_escape.hpp"
#include "reports/markdown/yaml_front_matter.hpp"
#include "support/process.hpp"
#include "support/slug.hpp"
#include "support/stock_workspace.hpp"
#include "support/temp_catalog.hpp"

#include "compare/comparison.hpp"
#include "compare/page_wording.hpp"
#include "reports/markdown/markdown_pages.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <regex>

using namespace verdict;
using Catch::Contains;
using nlohmann::json;

namespace {

// A page on its own: no site settings or links beyond the defaults.
const site_context test_site;

const std::string rlo = "\u202E";   // right-to-left override
const std::string pdf = "\u202C";   // pop directional formatting
const std::string long_word(3000, 'w');
// A fact value the developer persona puts in its receipt, which a tool page shows as a code span.
const std::string hostile_performance = "``fast`` `path` | <b>x</b> \\| end";

std::string hostile_name() { return "Evil <b>Tool</b> [x](javascript:alert(1)) " + rlo + "loot"; }

json hostile_tool() {
    json t = test::minimal_tool(slug_of(hostile_name()));
    t["name"] = hostile_name();
    t["vendor"] = "Acme \"Labs\" \\ Co";
    t["category"] = "- Tools | More\n# Not a heading";
    t["tagline"] = "1. Ship it! *now* _really_ `code` ~~gone~~ " + rlo + "unclosed";
    t["description"] = "[click](javascript:alert(1)) <script>alert(2)</script> ![x](http://evil/x.png) <http://evil/a> "
                       "www.evil.example me@evil.example {{< figure src=\"http://evil/y.png\" >}} &lt;img src=x&gt; R&D\n"
                       "# Heading\n- item\n> quote\n===\n" + long_word;
    t["pricing"]["notes"] = "a | b\tc\u0001d\u007Fe\u0085f\u2028g\u2029h\uFEFFi";
    t["performance"] = hostile_performance;
    t["licence"] = {{"name", "<img src=x onerror=alert(3)> licence"}, {"commercial_use", "restricted"}, {"open_weights", true}};
    return t;
}

// A catalog with the hostile tool, a plain one to compare it with, and a skeptic seat whose script fails with
// Markdown and HTML in its message.
struct hostile_catalog {
    test::temp_catalog catalog;

    hostile_catalog() {
        catalog.add_tool(hostile_tool());
        catalog.add_tool(test::minimal_tool("plain-tool"));
        test::write_file(catalog.path() / "scripts" / "hostile.lua",
                         "-- Fails with a message that is Markdown and HTML.\n"
                         "local function review(tool, ctx)\n"
                         "  error(\"<script>alert(4)</script>\\n# heading\\n[x](javascript:alert(5))\", 0)\n"
                         "end\n"
                         "return {id = \"hostile\", name = \"Hostile\", version = \"1.0.0\", defaults = {weights = {steady = 10}},"
                         " review = review}\n");
        json panel = test::stock_panel_json();
        panel["seats"][1].erase("plugin");
        panel["seats"][1]["script"] = "scripts/hostile.lua";
        catalog.set_panel(panel);
        const json pair = json::array({hostile_tool()["id"], "plain-tool"});
        test::write_file(catalog.path() / "comparisons.json", json{{"pairs", json::array({pair})}}.dump());
    }

    std::string page(const std::vector<std::string>& command) const {
        std::vector<std::string> args = command;
        for (const char* more : {"--format", "md", "--catalog"}) args.emplace_back(more);
        args.push_back(catalog.path().string());
        const auto run = test::run_verdict(args);
        INFO(run.err);
        REQUIRE(run.exit_code == 1);   // the hostile seat fails
        return run.out;
    }
};

struct page_parts {
    std::string front_matter;
    std::string body;
};

page_parts split(const std::string& page) {
    REQUIRE(page.rfind("---\n", 0) == 0);
    const std::size_t end = page.find("\n---\n", 3);
    REQUIRE(end != std::string::npos);
    return {page.substr(4, end - 3), page.substr(end + 5)};
}

// The plain text of a top-level key of the front matter, e.g. `rule_set: "2026.11-1"`.
std::string front_matter_text(const page_parts& page, const std::string& key) {
    const std::size_t at = page.front_matter.find("\n" + key + ": \"");
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + key.size() + 4;
    return page.front_matter.substr(start, page.front_matter.find('"', start) - start);
}

// The end of the code span whose opening backtick run starts at `at`: after a closing run of the same length, on the
// same line, or npos when there is none (the run is then a bare backtick).
std::size_t code_span_end(const std::string& body, std::size_t at) {
    const std::size_t fence = std::min(body.find_first_not_of('`', at), body.size()) - at;
    const std::size_t line_end = body.find('\n', at);
    for (std::size_t close = body.find('`', at + fence); close < line_end; close = body.find('`', close)) {
        const std::size_t run = std::min(body.find_first_not_of('`', close), body.size()) - close;
        if (run == fence) return close + run;
        close += run;
    }
    return std::string::npos;
}

bool escaped_at(const std::string& body, std::size_t i) {
    std::size_t slashes = 0;
    while (slashes < i && body[i - 1 - slashes] == '\\') ++slashes;
    return slashes % 2 == 1;
}

// Whether `destination` is a page of the site as the pages link each other: "../" steps, then a path of site_layout.hpp.
bool own_page(std::string_view destination) {
    while (destination.starts_with("../")) destination.remove_prefix(3);
    static const std::regex page(R"((_index|category/[a-z0-9-]+/_index|compare/[a-z0-9-]+|tools/[a-z0-9-]+)\.md)");
    return std::regex_match(destination.begin(), destination.end(), page);
}

// Where the link to a page of the site whose "[" is at `open` ends, at its ")"; npos when none starts there. Its text
// runs to the first unescaped "]" on the line, which "(<a page of the site>)" follows directly.
std::size_t own_link_end(const std::string& body, std::size_t open) {
    if (body[open] != '[' || escaped_at(body, open)) return std::string::npos;
    std::size_t close = open + 1;
    while (close < body.size() && body[close] != '\n' && (body[close] != ']' || escaped_at(body, close))) ++close;
    if (body.compare(close, 2, "](") != 0) return std::string::npos;
    const std::size_t end = body.find(')', close);
    return end != std::string::npos && own_page(std::string_view(body).substr(close + 2, end - close - 2)) ? end : std::string::npos;
}

// `body` with the markup of the page's links to its site's pages taken out, and their text left.
std::string without_own_links(const std::string& body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const std::size_t end = own_link_end(body, i);
        if (end == std::string::npos) {
            out += body[i];
            continue;
        }
        out.append(body, i + 1, body.rfind("](", end) - i - 1);
        i = end;
    }
    return out;
}

// Every character that could open inline syntax is preceded by an odd run of backslashes, or is inside a code span
// the page made (where nothing is syntax), or is the markup of a link the page makes to a page of its site: the pages'
// own markup uses none of the others, so any bare one came from catalog or persona text. A code span holds nothing
// Hugo reads before Markdown ("{{", the summary divider).
void check_no_bare_syntax(const std::string& page_body) {
    const std::string body = without_own_links(page_body);
    std::vector<std::string> bare;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (std::string_view("<[]`{!~_").find(body[i]) == std::string_view::npos || escaped_at(body, i)) continue;
        const std::size_t span_end = body[i] == '`' ? code_span_end(body, i) : std::string::npos;
        const std::string span = span_end == std::string::npos ? "" : body.substr(i, span_end - i);
        if (span.empty() || span.find("{{") != std::string::npos || span.find("<!--more-->") != std::string::npos)
            bare.push_back(body.substr(i < 30 ? 0 : i - 30, 60));
        if (!span.empty()) i = span_end - 1;
    }
    CHECK(bare == std::vector<std::string>{});
}

std::string escaped(std::string_view text, md_at where = md_at::inline_text) {
    std::string out;
    append_markdown_text(out, text, where);
    return out;
}

std::string code(std::string_view text) {
    std::string out;
    append_code_span(out, text);
    return out;
}

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(' ');
    return first == std::string::npos ? "" : text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The cells of the table rows from `at` to the first line that is not one, split at unescaped "|".
std::vector<std::vector<std::string>> table_rows(const std::string& page, std::size_t at) {
    std::vector<std::vector<std::string>> rows;
    while (page.compare(at, 2, "| ") == 0) {
        const std::size_t end = page.find('\n', at);
        std::vector<std::string> cells{""};
        for (std::size_t i = at + 1; i + 1 < end; ++i) {
            if (page[i] == '|' && page[i - 1] != '\\') cells.emplace_back();
            else cells.back() += page[i];
        }
        for (std::string& cell : cells) cell = trimmed(cell);
        rows.push_back(cells);
        at = end + 1;
    }
    return rows;
}

std::string yaml(std::string_view text) {
    std::string out;
    append_yaml_string(out, text);
    return out;
}

}  // namespace

TEST_CASE("Markdown escape: inline syntax is backslash-escaped and reads back as the same text", "[reports][markdown]") {
    CHECK(escaped("[click](javascript:alert(1))") == "\\[click\\](javascript:alert(1))");
    CHECK(escaped("![x](http://evil/x.png)") == "\\!\\[x\\](http\\://evil/x.png)");
    CHECK(escaped("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>");
    CHECK(escaped("<http://evil>") == "\\<http\\://evil\\>");
    CHECK(escaped("see www.evil.example or me@evil.example") == "see www\\.evil.example or me\\@evil.example");
    CHECK(escaped("{{< figure src=x >}}") == "\\{\\{\\< figure src=x \\>}}");
    CHECK(escaped("a \\ b `c` *d* _e_ ~f~ #g |h|") == "a \\\\ b \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ \\#g \\|h\\|");
    CHECK(escaped("&amp; &#38; &#x26; R&D AT&T;x") == "\\&amp; \\&\\#38; \\&\\#x26; R&D AT\\&T;x");
}

TEST_CASE("Markdown escape: what would open a block is escaped only at the start of a line", "[reports][markdown]") {
    for (const std::string text : {"- item", "+ item", "-", "= heading underline", "===", "---", "- - -", ": definition"}) {
        CHECK(escaped(text, md_at::line_start) == "\\" + text);
        CHECK(escaped(text) == text);
    }
    CHECK(escaped("1. one", md_at::line_start) == "1\\. one");
    CHECK(escaped("12) twelve", md_at::line_start) == "12\\) twelve");
    CHECK(escaped("# title", md_at::line_start) == "\\# title");
    CHECK(escaped("> quote", md_at::line_start) == "\\> quote");
    for (const std::string text : {"-5 points", "+10", "--flag", "2026.11 release", "3.5 billion", "1234567890. ten digits", "a: b"})
        CHECK(escaped(text, md_at::line_start) == text);
}

TEST_CASE("Markdown escape: newlines and control characters become one space, ends trimmed, bidi closed", "[reports][markdown]") {
    CHECK(escaped("  one\n\n- two\r\n\tthree  ", md_at::line_start) == "one - two three");
    CHECK(escaped("one \n two\t\n", md_at::line_start) == "one two");
    CHECK(escaped("a\x01" "b\x7F" "c") == "a b c");
    CHECK(escaped(rlo + "evil") == rlo + "evil" + pdf);
    CHECK(escaped(long_word) == long_word);
}

TEST_CASE("Markdown code spans: fenced past any backtick run, padded at a backtick, safe in a table cell", "[reports][markdown]") {
    CHECK(code("open_artifact") == "`open_artifact`");
    CHECK(code("licence.commercial_use = forbidden") == "`licence.commercial_use = forbidden`");
    CHECK(code("a `b` c") == "``a `b` c``");
    CHECK(code("a ``` b") == "````a ``` b````");
    CHECK(code("`x`") == "`` `x` ``");
    CHECK(code("x`") == "`` x` ``");
    CHECK(code("`") == "`` ` ``");
    CHECK(code("a | b \\| c") == "`a \\| b \\\\| c`");   // a table cell gives back "|" for each "\|"
    CHECK(code("<script>*x*_y_[z](w) www.evil.example") == "`<script>*x*_y_[z](w) www.evil.example`");
    CHECK(code("  two\nlines\r\u0085\u001b[2J  ") == "`two lines   [2J`");
    CHECK(code(rlo + "x") == "`" + rlo + "x" + pdf + "`");
    CHECK(code(" \t ") == "");
    // Hugo expands shortcodes and cuts at the summary divider even inside code: such text is escaped instead.
    CHECK(code("{{< figure src=x >}}") == "\\{\\{\\< figure src=x \\>}}");
    CHECK(code("a <!--more--> b") == "a \\<\\!--more--\\> b");
}

TEST_CASE("YAML strings: quotes, backslashes, controls, C1, line separators and BOM are escaped", "[reports][markdown]") {
    CHECK(yaml("plain") == "\"plain\"");
    CHECK(yaml("say \"hi\" \\ there") == "\"say \\\"hi\\\" \\\\ there\"");
    CHECK(yaml("a\tb\nc\rd\x01" "e\x7F") == "\"a\\tb\\nc\\rd\\x01e\\x7F\"");
    CHECK(yaml("\u0085\u009F \u2028\u2029\uFEFF\uFFFE " + rlo) == "\"\\x85\\x9F \\u2028\\u2029\\uFEFF\\uFFFE \\u202E\"");
    CHECK(yaml("caf\u00E9 \u6F22 \U0001F680") == "\"caf\u00E9 \u6F22 \U0001F680\"");
    CHECK(yaml("bad \xC3 byte") == "\"bad \\uFFFD byte\"");
}

TEST_CASE("a tool page from hostile catalog text renders it as literal text", "[reports][markdown]") {
    const hostile_catalog h;
    const page_parts page = split(h.page({"review", slug_of(hostile_name())}));
    check_no_bare_syntax(page.body);
    // The name is the front matter's title alone; the category, its link's text.
    CHECK_THAT(page.front_matter, Catch::StartsWith("title: \"Evil <b>Tool</b> [x](javascript:alert(1)) \\u202Eloot\\u202C\"\n"));
    CHECK_THAT(page.body, Catch::StartsWith("\n[- Tools \\| More \\# Not a heading](../category/tools-more-not-a-heading/_index.md) · "
                                            "Acme \"Labs\" \\\\ Co\n"));
    CHECK_THAT(page.body, Contains("\n## Compared with\n\n- [vs Plain Tool](../compare/" + slug_of(hostile_name()) + "-vs-plain-tool.md)\n"));
    CHECK_THAT(page.body, Contains("\n1\\. Ship it\\! \\*now\\* \\_really\\_ \\`code\\` \\~\\~gone\\~\\~ " + rlo + "unclosed" + pdf + "\n"));
    CHECK_THAT(page.body, Contains("\n\\[click\\](javascript:alert(1)) \\<script\\>alert(2)\\</script\\> \\!\\[x\\](http\\://evil/x.png) "
                                   "\\<http\\://evil/a\\> www\\.evil.example me\\@evil.example "
                                   "\\{\\{\\< figure src=\"http\\://evil/y.png\" \\>}} \\&lt;img src=x\\&gt; R&D "
                                   "\\# Heading - item \\> quote === " + long_word + "\n"));
    // The persona quotes quote the licence's name; the failed seat's message keeps its lines, each escaped.
    CHECK_THAT(page.body, Contains("\\<img src=x onerror=alert(3)\\> licence"));
    CHECK_THAT(page.body, Contains(": \\<script\\>alert(4)\\</script\\>\\\n\\# heading\\\n\\[x\\](javascript:alert(5))\\\nstack traceback:"));
    CHECK_THAT(page.body, Contains("### Skeptic: Failed\n"));
    // The receipt shows the hostile fact value as code, whole, fenced past its longest backtick run.
    CHECK_THAT(page.body, Contains(" | `performance` | ```performance = ``fast`` `path` \\| <b>x</b> \\\\| end``` | "));
}

TEST_CASE("a comparison page escapes table cells and keeps the front matter's text exact", "[reports][markdown]") {
    const hostile_catalog h;
    const page_parts page = split(h.page({"compare", slug_of(hostile_name()), "plain-tool"}));
    check_no_bare_syntax(page.body);
    CHECK_THAT(page.body, Contains("\n[Every seat's review of Evil \\<b\\>Tool\\</b\\> \\[x\\](javascript:alert(1)) " + rlo + "loot" + pdf + "](../tools/" +
                                   slug_of(hostile_name()) + ".md)\n"));
    CHECK_THAT(page.body, Contains("| Pricing notes | a \\| b c d e\u0085f\u2028g\u2029h\uFEFFi | Not stated |\n"));
    CHECK_THAT(page.body, Contains("| Licence | \\<img src=x onerror=alert(3)\\> licence | Not stated |\n"));
    CHECK_THAT(page.front_matter, Catch::StartsWith("title: \"Evil <b>Tool</b> [x](javascript:alert(1)) \\u202Eloot"));
    // The left name's override is closed before " vs ", so it cannot reverse the right tool's name.
    CHECK_THAT(page.front_matter, Contains("\\u202Eloot\\u202C vs Plain Tool\"\n"));
    CHECK_THAT(page.front_matter, Contains("\n    vendor: \"Acme \\\"Labs\\\" \\\\ Co\"\n"));
    CHECK_THAT(page.front_matter, Contains("\n    category: \"- Tools | More\\n# Not a heading\"\n"));
    CHECK_THAT(page.front_matter, Contains("\n      notes: \"a | b\\tc\\x01d\\x7Fe\\x85f\\u2028g\\u2029h\\uFEFFi\"\n"));
    CHECK(page.front_matter.find(rlo) == std::string::npos);
}

TEST_CASE("Markdown pages are the same bytes on every run", "[reports][markdown]") {
    const hostile_catalog h;
    const std::vector<std::string> compare{"compare", slug_of(hostile_name()), "plain-tool"};
    CHECK(h.page(compare) == h.page(compare));
    CHECK(h.page({"index"}) == h.page({"index"}));
}

TEST_CASE("a comparison page has every section, the seats in panel order, and its data in the front matter", "[reports][markdown]") {
    const auto run = test::run_verdict({"compare", "claw-code", "modal-gpu-serverless-inference", "--format", "md"});
    REQUIRE(run.exit_code == 0);
    const page_parts page = split(run.out);
    // The title is the front matter's alone, for a site's layout to print as the page's one <h1>.
    CHECK_THAT(page.body, Catch::StartsWith("\n" + std::string(comparison_lead) + "\n\n## Claw Code\n"));
    CHECK(page.body.find("\n# ") == std::string::npos);
    CHECK_THAT(front_matter_text(page, "description"), Catch::StartsWith("Claw Code vs Modal GPU Serverless Inference: panel ship 75% against 100%. "));
    std::size_t at = 0;
    for (const std::string line :
         {"## Claw Code\n", "[Developer Tools](../category/developer-tools/_index.md) · ultraworkers\n",
          "[Every seat's review of Claw Code](../tools/claw-code.md)\n", "## Modal GPU Serverless Inference\n",
          "[Developer Tools](../category/developer-tools/_index.md) · Modal\n",
          "[Every seat's review of Modal GPU Serverless Inference](../tools/modal-gpu-serverless-inference.md)\n", "## Reviewer scorecard\n", "### Developer\n", "### Skeptic · Split verdict\n", "### Futurist\n",
          // Each tool has a seat the other lacks: they share a row, and each cell says whose it is.
          "### Creator · Business\n", "**Claw Code · Creator:** Ship", "**Modal GPU Serverless Inference · Business:** Ship",
          "## Pricing read\n", "## Reviewer split\n", "- **Ship only Modal GPU Serverless Inference:** Skeptic\n", "## Community vote\n",
          "## Which one should you ship with?\n", "**Pick: Modal GPU Serverless Inference**\n", "Decided by: panel ship %."}) {
        const std::size_t found = page.body.find(line, at);
        INFO(line);
        REQUIRE(found != std::string::npos);
        at = found + line.size();
    }
    CHECK_THAT(page.body, Catch::EndsWith("\n---\n\n" + footer_line(front_matter_text(page, "rule_set"), front_matter_text(page, "data_date")) + "\n"));
    CHECK_THAT(page.front_matter, Contains("    panel:\n      ship_pct: 75\n      fraction: \"3/4\"\n"));
    CHECK_THAT(page.front_matter, Contains("pick:\n  tool: \"modal-gpu-serverless-inference\"\n  rule: \"panel_ship_pct\"\n"));
}

TEST_CASE("the community vote shows on both Markdown pages, with the sentence when it disagrees sharply", "[reports][markdown]") {
    test::temp_catalog catalog;
    catalog.add_stock_tools();
    json panel = test::stock_panel_json();
    panel["community"] = {{"min_voters", 3}, {"disagreement_points", 40}};
    catalog.set_panel(panel);
    std::string csv = "tool_id,voter_id,vote,timestamp\n";
    for (const char* voter : {"a", "b", "c", "d"}) csv += "modal-gpu-serverless-inference," + std::string(voter) + ",skip,2026-11-22T10:00:00Z\n";
    test::write_file(catalog.path() / "votes" / "export.csv", csv);
    const std::string sentence = "The community and the panel disagree sharply on Modal GPU Serverless Inference: community 0%, panel 100%.";
    const std::vector<std::string> page_options{"--format", "md", "--catalog", catalog.path().string()};
    for (std::vector<std::string> args : {std::vector<std::string>{"compare", "claw-code", "modal-gpu-serverless-inference"},
                                          std::vector<std::string>{"review", "modal-gpu-serverless-inference"}}) {
        args.insert(args.end(), page_options.begin(), page_options.end());
        const auto run = test::run_verdict(args);
        REQUIRE(run.exit_code == 0);
        const page_parts page = split(run.out);
        CHECK_THAT(page.body, Contains("\n\n" + sentence + "\n\n"));
        CHECK_THAT(page.body, Contains("0% (4 voters)"));
        CHECK_THAT(page.front_matter, Contains("community:\n") && Contains(" ship_pct: 0\n") && Contains(" voters: 4\n") &&
                                          Contains(" latest_vote_date: \"2026-11-22\"\n") && Contains(" gap_points: -100\n"));
        CHECK(front_matter_text(page, "data_date") == "2026-11-22");
    }
}

TEST_CASE("a tool page's receipt adds up from the base to the score for every seat", "[reports][markdown]") {
    const cli::workspace ws = test::load_stock_workspace();
    REQUIRE(ws.seats);
    const tool_review review = review_tool(*ws.seats, *ws.tools.find("claude-haiku-open-weights"));
    const std::string page = render_tool_page_markdown(make_page_tool(review, community_votes{}, ws.seats->config().community), test_site);
    const std::string header = "\n| Points | Rule | Fact | Why |\n| --- | --- | --- | --- |\n";
    std::size_t at = 0;
    for (const seat_review& seat : review.seats) {
        REQUIRE(seat.result);
        at = page.find(header, at);
        REQUIRE(at != std::string::npos);
        const auto rows = table_rows(page, at + header.size());
        INFO(seat.seat);
        REQUIRE(rows.size() == seat.result->reasons.size() + 2);
        CHECK(rows.front()[1] == "base");
        CHECK(rows.back()[1] == "score");
        double total = std::strtod(rows.front()[0].c_str(), nullptr);
        for (std::size_t i = 0; i < seat.result->reasons.size(); ++i) {
            const reason& r = seat.result->reasons[i];
            CHECK(rows[i + 1][1] == code(r.rule));
            CHECK(rows[i + 1][2] == code(r.fact + " = " + r.value));
            total += std::strtod(rows[i + 1][0].c_str(), nullptr);
        }
        CHECK(total == Approx(std::strtod(rows.back()[0].c_str(), nullptr)));
        CHECK(std::strtod(rows.back()[0].c_str(), nullptr) == seat.result->score);
        at += header.size();
    }
}

TEST_CASE("the index links every category page, and a category page every comparison and tool page, and they count them", "[reports][markdown]") {
    const auto run = test::run_verdict({"index", "--format", "md"});
    REQUIRE(run.exit_code == 0);
    const page_parts root = split(run.out);
    const json index = json::parse(test::run_verdict({"index", "--format", "json"}).out);
    REQUIRE(index["categories"].size() == 1);
    CHECK_THAT(root.body, Contains("\n## Categories\n\n- [Developer Tools](category/developer-tools/_index.md): 5 tools · 10 comparisons\n"));
    CHECK_THAT(root.front_matter, Contains("\ncategory_count: 1\ncomparison_count: 10\ntool_count: 5\n"));
    CHECK_THAT(root.body, Catch::StartsWith("\n" + std::string(index_lead) + "\n\n## Categories\n"));   // the title is the front matter's

    const page_parts page = split(test::run_verdict({"index", "--category", "developer-tools", "--format", "md"}).out);
    const json data = json::parse(test::run_verdict({"index", "--category", "developer-tools", "--format", "json"}).out);
    // The category's page is category/<slug>/_index.md: two folders down.
    for (const json& c : data["comparisons"])
        CHECK_THAT(page.body, Contains("](../../compare/" + c["slug"].get<std::string>() + ".md): panel "));
    for (const json& t : data["tools"]) CHECK_THAT(page.body, Contains("](../../tools/" + t["id"].get<std::string>() + ".md): panel "));
    CHECK_THAT(page.front_matter, Contains("\npage_kind: \"category\"\ncategory: \"Developer Tools\"\n"));
    CHECK(front_matter_text(page, "description") == "Developer Tools comparisons: 5 tools · 10 comparisons, each with the panel's verdict.");
    CHECK_THAT(page.body, Catch::StartsWith("\n" + std::string(category_lead) + "\n\n## Comparisons\n"));
    CHECK_THAT(page.front_matter, Contains("\ncomparison_count: " + std::to_string(data["comparisons"].size()) + "\n"));
    CHECK_THAT(page.front_matter, Contains("\ntool_count: " + std::to_string(data["tools"].size()) + "\n"));
}

TEST_CASE("a tool page links its category's page and every comparison it is in, relative to its own file", "[reports][markdown]") {
    const auto run = test::run_verdict({"review", "claw-code", "--format", "md"});
    REQUIRE(run.exit_code == 0);
    const page_parts page = split(run.out);
    CHECK_THAT(page.body, Catch::StartsWith("\n[Developer Tools](../category/developer-tools/_index.md) · ultraworkers\n\n"));
    CHECK(page.body.find("\n# ") == std::string::npos);
    CHECK_THAT(page.body, Contains("\n## Compared with\n\n"
                                   "- [vs Modal GPU Serverless Inference](../compare/claw-code-vs-modal-gpu-serverless-inference.md)\n"
                                   "- [vs Claude Haiku Open Weights](../compare/claude-haiku-open-weights-vs-claw-code.md)\n"
                                   "- [vs Llama 4 Compact (12B)](../compare/claw-code-vs-llama-4-compact-12b.md)\n"
                                   "- [vs Llama 4 Scout Quantized](../compare/claw-code-vs-llama-4-scout-quantized.md)\n\n"));
    CHECK(front_matter_text(page, "description") == "The open-source Rust rewrite of Claude Code that went viral overnight. Panel ship 75% (3 of 4 voting seats ship).");
}

TEST_CASE("a Markdown page made with no site around it links no page it cannot know of", "[reports][markdown]") {
    const cli::workspace ws = test::load_stock_workspace();
    REQUIRE(ws.seats);
    const tool_review review = review_tool(*ws.seats, *ws.tools.find("claw-code"));
    const page_parts page = split(render_tool_page_markdown(make_page_tool(review, community_votes{}, ws.seats->config().community), test_site));
    CHECK_THAT(page.body, Catch::StartsWith("\nDeveloper Tools · ultraworkers\n\n"));
    CHECK(page.body.find("Compared with") == std::string::npos);
    CHECK(page.body.find("](") == std::string::npos);
}
