// One style sheet for every page, inlined: a page is a single file that opens
// anywhere, fetches nothing, and looks the same from a batch as from a
// command. Two columns from 721 px, one below, so two tools sit side by side
// on a desktop and stack on a phone. Colours pass WCAG AA on their
// backgrounds, and every coloured badge also carries a word and a symbol.
#include "reports/html/html_document.hpp"

#include "reports/html/html_escape.hpp"

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
    ".footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.9rem;color:var(--muted)}"
    "@media (max-width:720px){.page{padding:1rem .9rem 2rem}h1{font-size:1.8rem}.figure-big{font-size:2rem}"
    ".pair,.groups{grid-template-columns:minmax(0,1fr)}.card{padding:1rem 1.05rem}"
    "table{font-size:.88rem}th,td{padding:.5rem .45rem}tr>:first-child{width:36%}.pick-name{font-size:1.6rem}.summary{grid-template-columns:minmax(0,1fr)}"
    ".summary .description{margin-top:1rem;padding-top:1rem;border-top:1px solid var(--line)}"
    // A receipt row on a phone: the rule and its fact beside the points, the why below them.
    ".receipt thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    ".receipt tr{display:grid;grid-template-columns:minmax(0,1fr) auto;border-bottom:1px solid var(--line)}"
    ".receipt tr>*{display:block;width:auto;border:0}.receipt tr>:last-child{grid-column:1/-1;padding-top:0}}";

}  // namespace

void open_page(std::string& out, std::string_view title, std::string_view index_href) {
    out.append(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<title>");
    append_text(out, title);
    out.append("</title>\n<style>");
    out.append(style_sheet);
    out.append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
    if (!index_href.empty()) {
        out.append("<nav class=\"crumbs\" aria-label=\"Site\"><a href=\"");
        append_escaped(out, index_href);
        out.append("\">All comparisons</a></nav>\n");
    }
    out.append("<main>\n");
}

void close_page(std::string& out, std::string_view footer) {
    out.append("</main>\n<footer class=\"footer\"><p>");
    append_text(out, footer);
    out.append("</p></footer>\n</div>\n</body>\n</html>\n");
}

}  // namespace verdict::html
