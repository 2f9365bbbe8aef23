// One style sheet for every page, inlined: a page is a single file that opens
// anywhere, fetches nothing, and looks the same from a batch as from a
// command. Two columns from 721 px, one below, so two tools sit side by side
// on a desktop and stack on a phone. Colours pass WCAG AA on their
// backgrounds in the light scheme and the dark one, and every coloured badge
// also carries a word and a symbol. Print drops what only works on a screen.
#include "reports/html/html_document.hpp"

#include "compare/page_wording.hpp"
#include "reports/html/html_escape.hpp"
#include "reports/html/html_parts.hpp"
#include "reports/site_layout.hpp"

namespace verdict::html {
namespace {

constexpr std::string_view style_sheet =
    ":root{--ink:#16191d;--muted:#4f5862;--line:#d9dee4;--paper:#fff;--wash:#f4f6f8;--link:#1d4ed8;"
    "--ship:#0b6b2e;--ship-bg:#e2f3e7;--skip:#a3191b;--skip-bg:#fbe4e4;--neutral:#414a55;--neutral-bg:#eceff3;"
    "--warn:#6e4300;--warn-bg:#fff3d1}"
    "*{box-sizing:border-box}"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}"
    "body{margin:0;background:var(--wash);color:var(--ink);overflow-wrap:anywhere;"
    "font:16px/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\",sans-serif}"
    ".page{max-width:72rem;margin:0 auto;padding:1.25rem 1.25rem 2.5rem}"
    "a{color:var(--link)}a:focus-visible{outline:3px solid var(--link);outline-offset:2px}"
    "h1,h2,h3{line-height:1.2;margin:0 0 .5rem;letter-spacing:-.01em}"
    "h1{font-size:2.4rem}h2{font-size:1.5rem}h3{font-size:1.15rem}"
    "p{margin:0 0 .75rem}"
    ".crumbs{font-size:.9rem;margin-bottom:1.25rem}"
    ".masthead{margin:.5rem 0 2rem}"
    ".eyebrow{margin:0 0 .4rem;font-size:.78rem;font-weight:650;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}"
    ".lead{max-width:46rem;font-size:1.15rem;color:var(--muted)}"
    ".block{margin-top:2.75rem}.block h3{margin-top:1.5rem}"
    ".card>:first-child{margin-top:0}.card>:last-child,.pick>:last-child,blockquote>:last-child{margin-bottom:0}"
    ".summary{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:0 2.5rem}"
    ".summary .stats{margin:0;align-content:start}.summary .description{margin:0;padding:0;border:0}"
    ".more{margin:.9rem 0 0;font-weight:600}table+.note,table+.flag{margin-top:.75rem}"
    ".note{font-size:.92rem;color:var(--muted)}"
    ".pair{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:1.25rem}"
    ".card{background:var(--paper);border:1px solid var(--line);border-radius:14px;padding:1.25rem 1.4rem}"
    ".tagline{font-size:1.05rem;color:var(--muted)}"
    ".description{margin:1rem 0 0;padding-top:1rem;border-top:1px solid var(--line)}"
    ".stats{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.9rem 1.25rem;margin:1.1rem 0}"
    ".stat{margin:0}.stat-wide{grid-column:1/-1}"
    ".stat dt{font-size:.78rem;font-weight:650;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}"
    ".stat dd{margin:0}"
    ".figure{font-size:1.6rem;font-weight:700;line-height:1.25}.figure-big{font-size:2.4rem}"
    ".detail{font-size:.9rem;color:var(--muted)}"
    ".bar{height:.6rem;margin:.35rem 0;background:var(--neutral-bg);border-radius:999px;overflow:hidden;"
    "box-shadow:inset 0 0 0 1px var(--line)}"
    ".bar span{display:block;height:100%;background:var(--ship);border-radius:999px}"
    ".badge{display:inline-block;padding:.05rem .6rem;border:1px solid currentColor;border-radius:999px;"
    "font-size:.85rem;font-weight:650;white-space:nowrap}"
    ".badge-ship{color:var(--ship);background:var(--ship-bg)}.badge-skip{color:var(--skip);background:var(--skip-bg)}"
    ".badge-other{color:var(--neutral);background:var(--neutral-bg)}"
    ".seat{margin-top:1.5rem}.seat-shadow{border-style:dashed}"
    ".seat-title{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin:0 0 .6rem}.seat-title h3{margin:0}"
    ".tag{font-size:.75rem;font-weight:650;letter-spacing:.05em;text-transform:uppercase;color:var(--warn);"
    "background:var(--warn-bg);border-radius:6px;padding:.05rem .45rem}"
    ".cell-head{display:flex;flex-wrap:wrap;align-items:center;gap:.35rem .6rem;margin-bottom:.6rem}"
    ".who{font-weight:650}.score{font-size:.9rem;color:var(--muted)}"
    "blockquote{margin:0;padding-left:1rem;border-left:3px solid var(--line);font-size:1rem}"
    ".failure{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;white-space:pre-wrap;"
    "background:var(--neutral-bg);border-radius:8px;padding:.6rem .75rem;margin:0}"
    "table{width:100%;table-layout:fixed;border-collapse:collapse;background:var(--paper);border:1px solid var(--line);"
    "font-size:.95rem}"
    "tr>:first-child{width:30%}.receipt tr>:nth-child(2){width:5.5rem}"
    "caption{text-align:left;font-weight:650;padding:.5rem 0}"
    "th,td{padding:.6rem .75rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}"
    "thead th{font-size:.85rem;color:var(--muted);background:var(--wash)}"
    "tbody th{font-weight:650}tfoot th,tfoot td{font-weight:700;border-bottom:0}"
    ".num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    "code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.86em}"
    ".fact{display:block;color:var(--muted);font-size:.85rem;font-weight:400}.receipt{margin-top:1rem}"
    ".groups{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.75rem 1.25rem;margin:0}"
    ".groups>div{background:var(--paper);border:1px solid var(--line);border-radius:12px;padding:.8rem 1rem}"
    ".groups dt{font-weight:650}.groups dd{margin:.2rem 0 0}"
    ".flag{background:var(--warn-bg);color:var(--warn);border:1px solid currentColor;border-radius:10px;"
    "padding:.7rem 1rem;font-weight:600}"
    ".pick{background:var(--paper);border:2px solid var(--ink);border-radius:16px;padding:1.4rem 1.5rem}"
    ".pick-name{font-size:2rem;font-weight:750;line-height:1.2;margin-bottom:.6rem}"
    ".rows{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}"
    ".row{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.4rem 1.5rem;background:var(--paper);"
    "border:1px solid var(--line);border-radius:12px;padding:.9rem 1.1rem}"
    ".row h3{font-size:1.1rem;margin:0 0 .35rem}.row-main{flex:1 1 18rem;min-width:0}.row-side{flex:0 1 24rem;min-width:0}"
    ".row-side .eyebrow{margin-bottom:.2rem}"
    ".figures{display:grid;grid-template-columns:minmax(0,1fr) 3.2rem 5rem;gap:.15rem .75rem;align-items:center;margin:0;"
    "font-size:.92rem}.figures>div{display:contents}.figures dd{margin:0}.figures .bar{margin:0}"
    ".footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.9rem;color:var(--muted);overflow-wrap:break-word}"
    ".nowrap{white-space:nowrap}"
    ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
    ".site{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;margin-bottom:.75rem}"
    ".site-name{font-weight:750;font-size:1.05rem;color:var(--ink);text-decoration:none}"
    ".search-box{display:flex;gap:.4rem;flex:0 1 20rem;min-width:0}.search-box input{flex:1;min-width:0}"
    "input[type=search]{font:inherit;color:var(--ink);background:var(--paper);border:1px solid var(--muted);border-radius:8px;padding:.3rem .6rem}"
    "button{font:inherit;font-weight:650;color:var(--paper);background:var(--ink);border:0;border-radius:8px;padding:.3rem .8rem;cursor:pointer}"
    ".crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}"
    ".crumbs li+li::before{content:\"›\";margin-right:.25rem;color:var(--muted)}"
    ".verdict{background:var(--paper);border:2px solid var(--ink);border-radius:16px;padding:1rem 1.25rem;margin:0 0 1.5rem}"
    ".verdict-tools{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.5rem 1.25rem;margin:0 0 .6rem}"
    ".verdict-tools>div{margin:0}.verdict-tools dt{font-weight:650}.verdict-tools dd{margin:0}"
    ".verdict-pick{font-size:1.05rem;margin-bottom:.5rem}.jump{font-size:.9rem;margin:0}"
    ".fold-toggle,.fold-label{display:none}"
    ".cta{margin-top:3rem;background:var(--paper);border:1px solid var(--line);border-radius:16px;padding:1.25rem 1.4rem}"
    ".cta h2{font-size:1.3rem}.cta>:last-child{margin-bottom:0}"
    ".links{columns:2 16rem;margin:0;padding-left:1.2rem}"
    "#results li{margin-bottom:.6rem}"
    "@media (max-width:720px){.page{padding:1rem .9rem 2rem}h1{font-size:1.8rem}.figure-big{font-size:2rem}"
    ".pair,.groups{grid-template-columns:minmax(0,1fr)}.card{padding:1rem 1.05rem}"
    "table{font-size:.88rem}th,td{padding:.5rem .45rem}tr>:first-child{width:36%}.pick-name{font-size:1.6rem}.summary{grid-template-columns:minmax(0,1fr)}"
    // A long description folds to four lines on a phone, with a control to unfold it that needs no script.
    ".fold-toggle{display:block;position:absolute;opacity:0;width:1px;height:1px}"
    ".fold-label{display:inline-block;margin-top:.4rem;font-weight:600;color:var(--link);text-decoration:underline;cursor:pointer}"
    ".fold-toggle:not(:checked)~.description{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:4;overflow:hidden}"
    ".fold-toggle:checked~.fold-label{display:none}.fold-toggle:focus-visible~.fold-label{outline:3px solid var(--link);outline-offset:2px}"
    ".masthead{margin-bottom:1rem}.verdict{padding:.8rem .9rem}"
    ".summary .description{margin-top:1rem;padding-top:1rem;border-top:1px solid var(--line)}"
    // A receipt row on a phone: the rule and its fact beside the points, the why below them.
    ".receipt thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    ".receipt tr{display:grid;grid-template-columns:minmax(0,1fr) auto;border-bottom:1px solid var(--line)}"
    ".receipt tr>*{display:block;width:auto;border:0}.receipt tr>:last-child{grid-column:1/-1;padding-top:0}}"
    "@media (prefers-color-scheme:dark){:root{--ink:#e8eaed;--muted:#aab4bf;--line:#3a424c;--paper:#1c2127;--wash:#12161b;"
    "--link:#8ab4ff;--ship:#6fd08f;--ship-bg:#123222;--skip:#ff9a94;--skip-bg:#3d1719;--neutral:#c4ccd5;--neutral-bg:#2a3139;"
    "--warn:#ffd27a;--warn-bg:#3a2c0a}}"
    "@media print{:root{--ink:#000;--muted:#333;--paper:#fff;--wash:#fff;--link:#000}"
    ".search-box,.crumbs,.jump,.cta,.fold-label{display:none}.fold-toggle~.description{display:block!important}"
    ".card,.row,.seat,.pick,.verdict{break-inside:avoid}a{text-decoration:none}.page{max-width:none;padding:0}}";

// The policy lets nothing load or run: the search page alone may run the scripts written beside it.
std::string_view policy_of(const page_head& head) {
    return head.runs_search ? "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'" : "default-src 'none'; style-src 'unsafe-inline'";
}

void append_meta(std::string& out, std::string_view attribute, std::string_view key, std::string_view value) {
    out.append("<meta ").append(attribute).append("=\"").append(key).append("\" content=\"");
    append_text(out, value);
    out.append("\">\n");
}

void append_link_previews(std::string& out, const page_head& head, const site_settings& site) {
    append_meta(out, "name", "description", head.description);
    const std::string address = site.address_of(head.path);
    if (!address.empty()) {
        out.append("<link rel=\"canonical\" href=\"");
        append_escaped(out, address);
        out.append("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" href=\"");
        append_escaped(out, site.address_of("feed.xml"));
        out.append("\" title=\"");
        append_text(out, site.name);
        out.append("\">\n");
    }
    append_meta(out, "property", "og:type", head.article ? "article" : "website");
    append_meta(out, "property", "og:title", head.title);
    append_meta(out, "property", "og:description", head.description);
    append_meta(out, "property", "og:site_name", site.name);
    if (!address.empty()) append_meta(out, "property", "og:url", address);
}

void append_site_header(std::string& out, const page_head& head, const site_settings& site, const std::string& root) {
    out.append("<header class=\"site\">\n<a class=\"site-name\" href=\"");
    append_escaped(out, root);
    out.append("index.html\">");
    append_text(out, site.name);
    out.append("</a>\n");
    if (!head.runs_search) {
        out.append("<form class=\"search-box\" role=\"search\" action=\"");
        append_escaped(out, root);
        out.append("search.html\"><label class=\"visually-hidden\" for=\"site-search\">Search tools and comparisons</label>"
                   "<input type=\"search\" id=\"site-search\" name=\"q\" placeholder=\"Search\">"
                   "<button type=\"submit\">Search</button></form>\n");
    }
    out.append("</header>\n");
}

void append_crumbs(std::string& out, const page_head& head, const site_settings& site, const std::string& root) {
    if (head.crumbs.empty() && head.path == "index.html") return;
    out.append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol><li><a href=\"");
    append_escaped(out, root);
    out.append("index.html\">");
    append_text(out, site.name);
    out.append("</a></li>");
    for (const crumb& c : head.crumbs) {
        out.append("<li><a href=\"");
        append_escaped(out, root + c.path);
        out.append("\">");
        append_bdi(out, c.title);
        out.append("</a></li>");
    }
    out.append("<li aria-current=\"page\">");
    if (head.names.empty()) append_bdi(out, head.title);
    else append_with_names(out, head.title, head.names);
    out.append("</li></ol></nav>\n");
}

void append_call_to_action(std::string& out, const site_settings& site) {
    if (!site.action) return;
    const call_to_action& a = *site.action;
    out.append("<aside class=\"cta\" aria-labelledby=\"cta\">\n");
    if (!a.eyebrow.empty()) {
        append_element(out, "p class=\"eyebrow\"", a.eyebrow);
        out.append("\n");
    }
    append_element(out, "h2 id=\"cta\"", a.heading);
    out.append("\n");
    append_element(out, "p", a.text);
    out.append("\n");
    if (!a.link_href.empty()) {
        out.append("<p><a href=\"");
        append_escaped(out, a.link_href);
        out.append("\">");
        append_text(out, a.link_label);
        out.append("</a></p>\n");
    }
    out.append("</aside>\n");
}

}  // namespace

void open_page(std::string& out, const page_head& head, const site_settings& site) {
    const std::string root = root_of(head.path);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"color-scheme\" content=\"light dark\">\n"
               "<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.append(policy_of(head));
    out.append("\">\n<title>");
    append_text(out, head.title);   // balanced on its own, so an override in it stops before the site's name
    if (head.title != site.name) {
        out.append(" · ");
        append_text(out, site.name);
    }
    out.append("</title>\n");
    append_link_previews(out, head, site);
    out.append("<style>");
    out.append(style_sheet);
    out.append("</style>\n");
    if (!head.structured_data.empty()) {
        out.append("<script type=\"application/ld+json\">");
        out.append(head.structured_data);
        out.append("</script>\n");
    }
    out.append("</head>\n<body>\n<div class=\"page\">\n");
    append_site_header(out, head, site, root);
    append_crumbs(out, head, site, root);
    out.append("<main>\n");
}

void close_page(std::string& out, const site_settings& site, const std::string& rule_set, const std::string& data_date) {
    out.append("</main>\n");
    append_call_to_action(out, site);
    out.append("<footer class=\"footer\"><p>");
    append_text(out, footer_before_date(rule_set));
    out.append("<span class=\"nowrap\">");
    append_text(out, footer_date(data_date));
    out.append("</span></p></footer>\n</div>\n</body>\n</html>\n");
}

}  // namespace verdict::html
