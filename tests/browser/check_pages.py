#!/usr/bin/env python3
"""The HTML pages of the site in a real browser.

Makes the site of the shipped catalog with the real verdict program (`verdict
batch`), and the site of a copy of that catalog holding a tool whose catalog
text is hostile and a shadow seat on trial; opens every page of the first, and
every page of the second that shows the hostile tool, in headless Chromium at a
phone (390 x 844) and a desktop (1280 x 900) size, in the light and the dark
colour scheme, and checks what a reader gets: the key sections' visible text;
nothing fetched and nothing run (a JSON-LD data block is data; only search.html
may run the site's own two scripts, and no page's Content-Security-Policy has
to block anything); the site's header, breadcrumbs, meta description and Open
Graph tags; no sideways scrolling; headings in order, text alternatives and
contrast, in both colour schemes, the dark one with a dark background; every
link reaching a page the batch wrote (the root its categories, highest-rated
tools and newest comparisons; a category its comparisons and tools; a tool page
its category and every comparison it is in; a comparison both tools) and every
in-page link its target. On each comparison page the verdict (both tools'
panel % and the pick with its reason) is in view without scrolling at both
sizes, the scorecard has its rows, and on a phone a long description folds to
four lines until its label is clicked. Dates do not wrap; printing drops the
search box, breadcrumbs, section links and call to action; every HTML file of
the shipped catalog's site is under 60 KB. The JSON pages the checks read
their expectations from are validated against docs/schema/ with
python3-jsonschema first. Each page is saved as a full-page screenshot, light
and dark, for a person to look at.
"""

import argparse
import base64
import functools
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.dont_write_bytecode = True   # importing the shared validator would otherwise leave bytecode in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from validate_json import schema_validator as validator_of  # noqa: E402

# Width, height and whether the browser presents itself as a phone (so the pages' viewport meta applies).
SIZES = {"phone": (390, 844, True), "desktop": (1280, 900, False)}
SCHEMES = ("light", "dark")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
MAX_PAGE_BYTES = 60_000           # every HTML file of the shipped catalog's site, inline CSS included
FOLDED_LINES = 4                  # a long description's lines on a phone until it is unfolded
LONG_DESCRIPTION = 400            # characters: more than four lines at a phone's width, so it must fold
JUMP_TARGETS = ["#scorecard", "#pricing", "#split", "#community", "#pick"]
SHIPPED_SCORECARD_ROWS = 4        # developer, skeptic, futurist, and a row for the seats only one tool has
# What printing hides: it only works on a screen.
SCREEN_ONLY = (".search-box", ".crumbs", ".jump", ".cta", ".fold-label")

# What a tool page says in a shadow seat's review (compare/page_wording.hpp).
SHADOW_SENTENCE = "Shadow seat: this persona is on trial. Its review is shown but does not count toward the panel ship %."
HOSTILE_NAME = 'Evil "><img src=x onerror=alert(2)> \u202eTool'
# Closes the JSON-LD block it is written into, unless the engine escapes it there.
HOSTILE_TAGLINE = 'A tagline with <b>markup</b> & "quotes" </script><script>window.verdict_ran = true</script>'
HOSTILE_DESCRIPTION = (
    "<script>alert(1)</script> <script>window.verdict_ran = true</script> "
    '<img src=x onerror="window.verdict_ran = true"> then ' + "w" * 500 + " and the rest."
)

# Installed before any page script (DevTools runs it, whatever the page's policy): records every
# Content-Security-Policy violation, so that a script the policy had to block is seen, not just one that ran.
CSP_PROBE = r"""
window.__verdict_probe = true;
window.__verdict_csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__verdict_csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));
"""

# Runs in the page: every check that needs the rendered DOM, returned as one object.
PAGE_FACTS = r"""
const doc = document.documentElement;
const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]));
function rgb(text) { const m = text.match(/[\d.]+/g).map(Number); return m.length > 3 ? m : m.concat([1]); }
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function background(el) {
  for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor); if (c[3] > 0) return c; }
  return [255, 255, 255, 1];
}
const low_contrast = [];
for (const el of document.querySelectorAll('body *')) {
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  if (!own) continue;
  const a = luminance(rgb(getComputedStyle(el).color)), b = luminance(background(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low_contrast.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2));
}
function lineHeight(el) { const s = getComputedStyle(el); return parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.2; }
function section(id) { const h = document.getElementById(id); return h ? h.closest('section') : null; }
function hrefs(root) { return root ? [...root.querySelectorAll('a[href]')].map(a => a.href) : null; }
const verdict = document.querySelector('section.verdict');
const scorecard = section('scorecard');
const crumbs = document.querySelector('nav.crumbs');
const siteName = document.querySelector('header.site a.site-name');
const meta = {};
for (const m of document.querySelectorAll('meta[name], meta[property]')) meta[m.getAttribute('name') || m.getAttribute('property')] = m.getAttribute('content');
const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
const canonical = document.querySelector('link[rel=canonical]');
return {
  text: document.body.innerText,
  title: document.title,
  resources: performance.getEntriesByType('resource').map(e => e.name),
  scroll_width: doc.scrollWidth, client_width: doc.clientWidth,
  height: Math.ceil(doc.scrollHeight),
  viewport: [innerWidth, innerHeight], scroll_y: scrollY,
  dark: matchMedia('(prefers-color-scheme: dark)').matches,
  body_luminance: luminance(background(document.body)),
  levels: levels,
  scripts: [...document.scripts].map(s => ({type: s.getAttribute('type'), src: s.src, text: s.src ? '' : s.textContent})),
  csp: csp ? csp.getAttribute('content') : null,
  probe: window.__verdict_probe === true,
  blocked: window.__verdict_csp || [],
  images: document.querySelectorAll('img').length,
  ran: window.verdict_ran === true,
  unlabelled_images: [...document.querySelectorAll('[role=img]')].filter(e => !e.getAttribute('aria-label')).length,
  images_with_label: document.querySelectorAll('[role=img][aria-label]').length,
  headers_without_scope: [...document.querySelectorAll('th')].filter(e => !e.getAttribute('scope')).length,
  badges: [...document.querySelectorAll('.badge')].map(e => e.innerText),
  flags: document.querySelectorAll('.flag').length,
  links: [...document.querySelectorAll('a[href]')].map(a => [a.href, a.getAttribute('href')]),
  missing_targets: [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href'))
    .filter(h => !document.getElementById(decodeURIComponent(h.slice(1)))),
  low_contrast: low_contrast,
  site_name: siteName ? [siteName.innerText, siteName.href] : null,
  header_search: !!document.querySelector('header.site form.search-box'),
  search_forms: [...document.querySelectorAll('form.search-box')].map(f => ({
    action: f.action, method: f.method, query: !!f.querySelector('input[type=search][name=q]')})),
  crumbs: crumbs ? {links: hrefs(crumbs), current: (crumbs.querySelector('[aria-current=page]') || {}).innerText || null} : null,
  meta: meta,
  canonical: canonical ? canonical.getAttribute('href') : null,
  verdict: verdict ? {top: verdict.getBoundingClientRect().top, bottom: verdict.getBoundingClientRect().bottom,
                      text: verdict.innerText, jump: [...verdict.querySelectorAll('nav.jump a[href]')].map(a => a.getAttribute('href'))} : null,
  verdict_count: document.querySelectorAll('section.verdict').length,
  scorecard_rows: scorecard ? [...scorecard.querySelectorAll('.seat-title h3')].map(h => h.innerText) : null,
  comparison_links: hrefs(section('comparisons')),
  nowrap: [...document.querySelectorAll('.nowrap')].map(e => {
    const r = e.getClientRects();
    return {text: e.innerText, rects: r.length, height: r.length ? r[0].height : 0, right: r.length ? r[r.length - 1].right : 0,
            line: lineHeight(e)};
  }),
  footer_date: [...document.querySelectorAll('footer span.nowrap')].map(e => e.innerText),
  descriptions: [...document.querySelectorAll('.description')].map(e => ({
    clamped: e.scrollHeight > e.clientHeight + 1,
    toggle: e.previousElementSibling && e.previousElementSibling.matches('input.fold-toggle') ? e.previousElementSibling.id : null,
    length: e.textContent.length})),
  labels_shown: [...document.querySelectorAll('label.fold-label')].filter(e => getComputedStyle(e).display !== 'none').length,
};
"""

# Runs in the page with print media emulated: what is still displayed of what only works on a screen.
PRINT_FACTS = r"""
const screenOnly = arguments[0];
return {
  print: matchMedia('print').matches,
  present: screenOnly.map(s => document.querySelectorAll(s).length),
  shown: screenOnly.map(s => [...document.querySelectorAll(s)].filter(e => getComputedStyle(e).display !== 'none').length),
  main_shown: getComputedStyle(document.querySelector('main')).display !== 'none'
    && getComputedStyle(document.querySelector('h1')).display !== 'none',
  clamped: [...document.querySelectorAll('.description')].filter(e => e.scrollHeight > e.clientHeight + 1).length,
};
"""

# Runs in the page: the state of the description folded by the checkbox with id arguments[0].
FOLD_FACTS = r"""
const toggle = document.getElementById(arguments[0]);
const text = toggle.parentElement.querySelector('#' + CSS.escape(arguments[0]) + ' ~ .description');
const label = document.querySelector('label.fold-label[for="' + CSS.escape(arguments[0]) + '"]');
const s = getComputedStyle(text);
const inner = text.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom);
return {
  checked: toggle.checked,
  clamped: text.scrollHeight > text.clientHeight + 1,
  lines: inner / (parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.2),
  label: !!label, label_shown: !!label && getComputedStyle(label).display !== 'none',
  label_text: label ? label.innerText : '',
  url: location.href,
};
"""


class checks:
    """Collects failures so that one run reports every problem, not just the first."""

    def __init__(self):
        self.failures = []

    def expect(self, ok, where, message):
        if not ok:
            self.failures.append(f"{where}: {message}")
        return ok


def run_verdict(args, verdict, cwd):
    command = [str(verdict)] + [str(a) for a in args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"check_pages: {' '.join(command)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout


@functools.lru_cache(maxsize=None)
def schema_validator(schema):
    return validator_of(schema)


def slug_of(name):
    return "-".join(re.findall(r"[a-z0-9]+", name.lower()))


def hostile_catalog(source, into):
    """A copy of the shipped catalog with one tool whose catalog text is hostile, and a shadow seat on trial."""
    shutil.copytree(source / "catalog", into, ignore=shutil.ignore_patterns("votes"))
    panel = json.loads((into / "panel.json").read_text(encoding="utf-8"))
    panel["seats"].append({"id": "creator_trial", "plugin": "creator", "shadow": True})
    (into / "panel.json").write_text(json.dumps(panel, indent=2), encoding="utf-8")
    tool = {
        "id": slug_of(HOSTILE_NAME), "name": HOSTILE_NAME, "vendor": "Example Labs", "category": "Developer Tools",
        "tagline": HOSTILE_TAGLINE, "description": HOSTILE_DESCRIPTION,
        "updated": "2026-11-01", "pricing": {"entry": "free", "notes": "<u>per token</u>"},
    }
    (into / "tools" / f"{tool['id']}.json").write_text(json.dumps(tool, ensure_ascii=False, indent=2), encoding="utf-8")
    # Twelve voters skip Claw Code, which the panel ships: a sharp disagreement the pages must flag.
    votes = ["tool_id,voter_id,vote,timestamp"] + [f"claw-code,voter-{n},skip,2026-11-20T10:00:00Z" for n in range(12)]
    (into / "votes").mkdir()
    (into / "votes" / "export.csv").write_text("\n".join(votes) + "\n", encoding="utf-8")
    return tool


def soften_the_skeptic(catalog):
    """A new rule set whose skeptic ships at 45 and weighs a high legal risk at -10: Claw Code's skeptic flips."""
    panel = json.loads((catalog / "panel.json").read_text(encoding="utf-8"))
    panel["rule_set"] = "2026.12-1"
    for seat in panel["seats"]:
        if seat["id"] == "skeptic":
            seat["settings"] = {"threshold": 45, "weights": {"legal_risk_high": -10}}
    (catalog / "panel.json").write_text(json.dumps(panel, indent=2), encoding="utf-8")


def make_site(args, catalog, site):
    """The site `verdict batch` makes of `catalog` in `site`, HTML and JSON, without --base-url."""
    run_verdict(["batch", "--catalog", catalog.resolve(), "--out", site, "--formats", "html,json", "--quiet"],
                args.verdict, site.parent)


def html_of(json_path):
    return re.sub(r"\.json$", ".html", json_path)


class site_data:
    """A site's JSON pages, each validated against its schema in docs/schema/ by a validator that shares no code
    with verdict: the expectations of the HTML pages come from them."""

    def __init__(self, site, args, result):
        self.site = site
        self.index = self.load("index.json", "index", args, result)
        self.categories = {f.stem: self.load(f"category/{f.name}", "category", args, result)
                           for f in sorted((site / "category").glob("*.json"))}
        self.comparisons = {f.stem: self.load(f"compare/{f.name}", "comparison", args, result)
                            for f in sorted((site / "compare").glob("*.json"))}
        self.tools = {f.stem: self.load(f"tools/{f.name}", "review", args, result)
                      for f in sorted((site / "tools").glob("*.json"))}
        self.category_of_name = {c["name"]: slug for slug, c in self.categories.items()}

    def load(self, relative, schema, args, result):
        document = json.loads((self.site / relative).read_text(encoding="utf-8"))
        for error in schema_validator(args.source / "docs" / "schema" / f"{schema}.schema.json").iter_errors(document):
            path = "/".join(str(part) for part in error.absolute_path)
            result.expect(False, relative, f"not a valid {schema} page at /{path}: {error.message}")
        return document

    def comparisons_of(self, tool_id):
        return sorted(slug for slug, c in self.comparisons.items() if tool_id in [t["id"] for t in c["tools"]])

    def footer_line(self):
        return self.index["footer"]["line"]


class page:
    """One page to open: its kind, where the batch wrote it, the text a reader must see on it, whether it draws %
    bars, the disagreements it flags, and the pages of `site` its links must reach (relative paths)."""

    def __init__(self, name, kind, file, site, expected, links, data=None, hostile=False, flags=0, bars=True,
                 date=None):
        self.name, self.kind, self.file, self.site, self.expected = name, kind, file, site, expected
        self.links, self.data, self.hostile, self.flags, self.bars, self.date = links, data, hostile, flags, bars, date


def comparison_page(d, slug, hostile=False):
    data = d.comparisons[slug]
    tools = data["tools"]
    pct = [f"{t['panel']['ship_pct']}%" if t["panel"]["ship_pct"] is not None else "—" for t in tools]
    expected = [t["name"] for t in tools] + ["Reviewer scorecard", "Which one should you ship with?", data["footer"]["line"]]
    expected += pct
    developer = next(row for row in data["scorecard"] if row["seat"] == "developer")
    expected += [cell["quote"] for cell in developer["cells"] if cell["quote"]]
    expected += [row["title"] for row in data["scorecard"] if row.get("title")]
    pick = data["pick"]["tool"]
    expected.append(next(t["name"] for t in tools if t["id"] == pick) if pick else "A tie")
    expected.append(data["pick"]["reason"])
    expected += data["community"]["disagreements"]
    links = {"index.html"} | {f"tools/{t['id']}.html" for t in tools}
    links |= {f"category/{d.category_of_name[t['category']]}.html" for t in tools}
    changes = [c["line"] for t in tools for c in t["changes"]]
    if changes:   # each tool's last changes, and the feed of every change
        expected += ["What changed", *changes]
        links.add("changes.atom")
    p = page(f"compare-{slug}", "compare", d.site / "compare" / f"{slug}.html", d.site, expected, links, data, hostile,
             flags=len(data["community"]["disagreements"]), date=data["footer"]["data_date"])
    p.verdict = [t["name"] for t in tools] + pct + [
        f"The pick: {next(t['name'] for t in tools if t['id'] == pick)}." if pick else "A tie.", data["pick"]["reason"]]
    return p


def tool_page(d, tool_id, result, hostile=False):
    data = d.tools[tool_id]
    where = f"tools/{tool_id}.json"
    expected = [data["tool"]["name"], "Reviews by seat", "Compared with", "Rule set " + data["panel"]["rule_set"]]
    expected += [r["quote"] for r in data["reviews"] if r["persona"] == "developer" and r["quote"]]
    shadows = [r for r in data["reviews"] if r["shadow"]]
    if shadows:
        expected += ["Shadow seats", SHADOW_SENTENCE] + [r["quote"] for r in shadows if r["quote"]]
    if data["panel"]["ship_pct"] is not None:
        expected.append(f"{data['panel']['ship_pct']}%")
    category = d.category_of_name[data["tool"]["category"]]
    comparisons = d.comparisons_of(tool_id)
    expected += [f"vs {next(t['name'] for t in d.comparisons[c]['tools'] if t['id'] != tool_id)}" for c in comparisons]
    # The JSON page's own list of its links, against the comparisons the batch wrote.
    listed = data["page"]
    result.expect(listed["category_page"] == f"category/{category}.json", where,
                  f"its category page is {listed['category_page']!r}, expected category/{category}.json")
    result.expect(sorted(c["path"] for c in listed["comparisons"]) == [f"compare/{c}.json" for c in comparisons], where,
                  f"lists comparisons {sorted(c['path'] for c in listed['comparisons'])}, the batch wrote {comparisons}")
    links = {"index.html", f"category/{category}.html"} | {f"compare/{c}.html" for c in comparisons}
    if listed["changes"]:
        expected += ["What changed", *(c["line"] for c in listed["changes"])]
        links.add("changes.atom")
    p = page(f"tool-{tool_id}", "tool", d.site / "tools" / f"{tool_id}.html", d.site, expected, links, data, hostile,
             flags=1 if listed["community"]["sharp_disagreement"] else 0, date=data["page"]["updated"])
    p.comparisons = {f"category/{category}.html"} | {f"compare/{c}.html" for c in comparisons}
    return p


def index_page(d, result):
    """The site's root: its categories, its highest-rated tools and its newest comparisons, each linked."""
    data = d.index
    where = "index.json"
    result.expect(data["category_count"] == len(data["categories"]) == len(d.categories), where,
                  f"category_count {data['category_count']}, {len(data['categories'])} categories listed, "
                  f"{len(d.categories)} category pages written")
    result.expect(data["comparison_count"] == len(d.comparisons) and data["tool_count"] == len(d.tools), where,
                  f"counts {data['comparison_count']} comparisons, {data['tool_count']} tools; the batch wrote "
                  f"{len(d.comparisons)}, {len(d.tools)}")
    result.expect(data["tool_count"] == sum(c["tool_count"] for c in data["categories"]), where,
                  f"tool_count {data['tool_count']} is not the sum of the categories'")
    links = {"index.html"}
    for category in data["categories"]:
        result.expect(category["page"] == f"category/{category['slug']}.json", where,
                      f"category {category['slug']} has page {category['page']!r}")
        links.add(f"category/{category['slug']}.html")
    # Highest rated: by panel ship %, then mean score, then id, from the tool pages themselves.
    rated = sorted((t for t in d.tools.values() if t["panel"]["ship_pct"] is not None),
                   key=lambda t: (-t["panel"]["ship_pct"], -(t["panel"]["mean_score"] or 0), t["tool"]["id"]))
    top = [t["id"] for t in data["top_tools"]]
    result.expect(top == [t["tool"]["id"] for t in rated][:len(top)] and len(top) == min(len(rated), 8), where,
                  f"highest rated {top}, expected {[t['tool']['id'] for t in rated][:8]}")
    for entry in data["top_tools"]:
        links.add(html_of(entry["page"]))
    # Newest comparisons: by the date of their data, newest first; none left out is newer than one shown.
    newest = [e["slug"] for e in data["newest"]]
    dates = [e["data_date"] for e in data["newest"]]
    result.expect(dates == sorted(dates, reverse=True) and len(newest) == min(len(d.comparisons), 8), where,
                  f"newest comparisons {list(zip(newest, dates))} are not the newest first")
    for entry in data["newest"]:
        comparison = d.comparisons.get(entry["slug"])
        if result.expect(comparison is not None, where, f"newest lists {entry['slug']}, which the batch did not write"):
            result.expect(entry["data_date"] == comparison["footer"]["data_date"], where,
                          f"{entry['slug']} dated {entry['data_date']}, its page {comparison['footer']['data_date']}")
        links.add(html_of(entry["page"]))
    left_out = [c["footer"]["data_date"] for s, c in d.comparisons.items() if s not in newest]
    result.expect(not dates or all(day <= min(dates) for day in left_out), where, "a newer comparison is left out")
    expected = ["Categories", "Highest rated", "Newest comparisons", d.footer_line()]
    expected += [c["name"] for c in data["categories"]]
    expected += [d.tools[t]["tool"]["name"] for t in top if t in d.tools]
    expected += [d.comparisons[s]["title"] for s in newest if s in d.comparisons]
    return page("index", "index", d.site / "index.html", d.site, expected, links, data, date=data["footer"]["data_date"])


def category_page(d, slug, result, hostile=False):
    """A category's page: every comparison and tool it lists, linked, and the root."""
    data = d.categories[slug]
    where = f"category/{slug}.json"
    summary = next(c for c in d.index["categories"] if c["slug"] == slug)
    result.expect(data["slug"] == slug and data["name"] == summary["name"], where, f"its JSON is of {data['slug']} ({data['name']!r})")
    result.expect(data["index"] == "index.json", where, f"its JSON links the root as {data['index']!r}")
    result.expect((summary["comparison_count"], summary["tool_count"]) == (len(data["comparisons"]), len(data["tools"])), where,
                  f"the root counts {summary['comparison_count']}, {summary['tool_count']}; the page lists "
                  f"{len(data['comparisons'])}, {len(data['tools'])}")
    links = {"index.html"}
    for entry in data["comparisons"]:
        ids = [t["id"] for t in entry["tools"]]
        result.expect(entry["slug"] == "-vs-".join(ids) and entry["page"] == f"compare/{entry['slug']}.json", where,
                      f"comparison {entry['slug']} of {ids} has page {entry['page']!r}")
        links.add(f"compare/{entry['slug']}.html")
    for tool in data["tools"]:
        links.add(f"tools/{tool['id']}.html")
    in_category = {t["tool"]["id"] for t in d.tools.values() if t["tool"]["category"] == data["name"]}
    result.expect({t["id"] for t in data["tools"]} == in_category, where,
                  f"lists tools {sorted(t['id'] for t in data['tools'])}, the batch wrote {sorted(in_category)} in it")
    expected = ["Comparisons", "Tools", data["name"], data["footer"]["line"]] + [t["name"] for t in data["tools"]]
    expected += [f"{e['tools'][0]['name']} vs {e['tools'][1]['name']}" for e in data["comparisons"]]
    return page(f"category-{slug}", "category", d.site / "category" / f"{slug}.html", d.site, expected, links, data,
                hostile, date=data["footer"]["data_date"])


def search_page(d):
    return page("search", "search", d.site / "search.html", d.site, ["Search", d.footer_line()], {"index.html"},
                bars=False, date=d.index["footer"]["data_date"])


def visible(text):
    """Text as compared: spaces collapsed, and bidi controls dropped (pages close the ones catalog text leaves open)."""
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def within_site(url, site):
    """The path, relative to the site, of the written file a link's URL reaches, or None."""
    parsed = urllib.parse.urlparse(url)
    target = pathlib.Path(urllib.parse.unquote(parsed.path)).resolve()
    if parsed.scheme != "file" or not target.is_relative_to(site.resolve()) or not target.is_file():
        return None
    return target.relative_to(site.resolve()).as_posix()


def requests(driver):
    """The URLs the browser asked for since the last call (it drains ChromeDriver's performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def set_size(driver, size, full_height=None):
    width, height, mobile = SIZES[size]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": full_height or height, "deviceScaleFactor": 1, "mobile": mobile})


def set_media(driver, scheme, media=""):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def check_page(driver, p, size, scheme, out_dir, result):
    width, height, _ = SIZES[size]
    where = f"{p.name} at {size} size ({width}x{height}), {scheme}"
    set_size(driver, size)
    set_media(driver, scheme)
    requests(driver)
    driver.get(p.file.resolve().as_uri())
    try:
        driver.switch_to.alert
        result.expect(False, where, "a script in the page opened an alert")
    except NoAlertPresentException:
        pass
    facts = driver.execute_script(PAGE_FACTS)
    facts["requests"] = [url for url in requests(driver) if url != p.file.resolve().as_uri()]
    if facts["dark"] != (scheme == "dark") or facts["viewport"] != [width, height] or not facts["probe"]:
        sys.exit(f"check_pages: {where}: the emulation did not take (dark {facts['dark']}, viewport {facts['viewport']}, "
                 f"policy probe {facts['probe']})")
    check_facts(facts, p, size, scheme, where, result)
    if scheme == "light":
        check_print(driver, where, scheme, result)
    suffix = "" if scheme == "light" else f"-{scheme}"
    save_screenshot(driver, size, facts["height"], out_dir / f"{p.name}-{size}-{width}{suffix}.png")
    if p.kind == "compare" and size == "phone" and scheme == "light":
        set_size(driver, size)
        check_folds(driver, p, where, result)


def check_facts(facts, p, size, scheme, where, result):
    """What a reader of page `p` must get, checked against what the browser rendered."""
    text = visible(facts["text"])
    for wanted in p.expected:
        result.expect(visible(wanted) in text, where, f"visible text lacks {wanted[:90]!r}")
    check_nothing_runs(facts, p, where, result)
    result.expect(facts["scroll_width"] <= facts["client_width"], where,
                  f"the page scrolls sideways: {facts['scroll_width']} px of content in {facts['client_width']} px")
    levels = facts["levels"]
    result.expect(levels[:1] == [1] and levels.count(1) == 1, where, f"expected one h1, first; found levels {levels}")
    skips = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    result.expect(not skips, where, f"headings skip a level: {skips}")
    result.expect(facts["unlabelled_images"] == 0, where, "a % bar lacks its text alternative")
    result.expect((facts["images_with_label"] > 0) == p.bars, where,
                  f"{facts['images_with_label']} % bars with a text alternative; expected {'some' if p.bars else 'none'}")
    result.expect(facts["headers_without_scope"] == 0, where, "a table header has no scope")
    result.expect(all(re.match(r"^\S+ \w", b) for b in facts["badges"]), where, f"a badge lacks a symbol and a word: {facts['badges']}")
    result.expect(not facts["low_contrast"], where, f"text below 4.5:1 contrast: {facts['low_contrast'][:5]}")
    if scheme == "dark":
        result.expect(facts["body_luminance"] < 0.05, where, f"the background is not dark (luminance {facts['body_luminance']:.3f})")
    else:
        result.expect(facts["body_luminance"] > 0.8, where, f"the background is not light (luminance {facts['body_luminance']:.3f})")
    result.expect(facts["flags"] == p.flags, where, f"{facts['flags']} disagreements flagged, expected {p.flags}")
    check_site_chrome(facts, p, where, result)
    check_links(facts, p, where, result)
    check_dates(facts, p, where, result)
    if p.kind == "compare":
        check_verdict(facts, p, where, result)
    descriptions = facts["descriptions"]
    if size == "desktop":
        result.expect(not any(d["clamped"] for d in descriptions) and facts["labels_shown"] == 0, where,
                      "a description is folded, or its fold label shown, at desktop width")
    if p.hostile:
        for shown in ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "<u>per token</u>"):
            result.expect(shown in text, where, f"hostile text {shown!r} is not shown as text")


def check_nothing_runs(facts, p, where, result):
    """Nothing fetched and nothing run: JSON-LD blocks are data; search.html alone runs the site's two scripts, from
    beside it, as its policy alone allows; no page's policy has to block anything."""
    data_blocks = [s for s in facts["scripts"] if s["type"] == "application/ld+json"]
    runnable = [s for s in facts["scripts"] if s["type"] != "application/ld+json"]
    csp = facts["csp"] or ""
    result.expect("default-src 'none'" in csp, where, f"the Content-Security-Policy {csp!r} does not forbid fetching")
    result.expect(not facts["blocked"], where, f"the Content-Security-Policy blocked {facts['blocked'][:3]}")
    result.expect(facts["images"] == 0 and not facts["ran"], where, "catalog text became markup or ran")
    if p.kind == "search":
        scripts = [within_site(s["src"], p.site) for s in runnable]
        result.expect(scripts == ["search-index.js", "search.js"] and all(s["type"] is None for s in runnable), where,
                      f"runs {[s['src'] or s['text'][:40] for s in runnable]}, expected search-index.js and search.js beside it")
        result.expect("script-src 'self'" in csp and "unsafe" not in csp.replace("style-src 'unsafe-inline'", ""), where,
                      f"the Content-Security-Policy {csp!r} should let only the site's own scripts run")
        fetched = sorted(within_site(r, p.site) or r for r in facts["requests"] + facts["resources"])
        result.expect(fetched == ["search-index.js", "search.js"], where, f"the page fetched {fetched}")
        result.expect(not data_blocks, where, "search.html has a JSON-LD block")
    else:
        result.expect(not runnable, where, f"the page has scripts: {[s['src'] or s['text'][:60] for s in runnable]}")
        result.expect("script-src" not in csp, where, f"the Content-Security-Policy {csp!r} lets scripts run")
        result.expect(not facts["resources"] and not facts["requests"], where,
                      f"the page fetched {facts['requests'] + facts['resources']}")
    if p.kind in ("compare", "tool", "category"):
        result.expect(len(data_blocks) == 1, where, f"{len(data_blocks)} JSON-LD blocks, expected 1")
    for block in data_blocks:
        try:
            ld = json.loads(block["text"])
        except json.JSONDecodeError as error:
            result.expect(False, where, f"a JSON-LD block does not parse: {error}: {block['text'][:80]!r}")
            continue
        result.expect(ld.get("@context") == "https://schema.org", where, f"JSON-LD context {ld.get('@context')!r}")
        if p.hostile and p.kind in ("compare", "tool"):
            apps = [ld] if ld.get("@type") == "SoftwareApplication" else [e["item"] for e in ld.get("itemListElement", [])]
            # As every page shows it: the override the name leaves open is closed where the name ends.
            hostile = [a for a in apps if a.get("name") == HOSTILE_NAME + "\u202c"]
            result.expect(len(hostile) == 1 and hostile[0].get("description") == HOSTILE_TAGLINE, where,
                          "the JSON-LD block does not carry the hostile tool's name (its override closed) and tagline")


def check_site_chrome(facts, p, where, result):
    """The site's header (its name linking the root, a search box going to search.html), breadcrumbs on every page
    but the root, a meta description and Open Graph tags, and no address claimed without --base-url."""
    name = facts["site_name"]
    result.expect(name is not None and within_site(name[1], p.site) == "index.html", where,
                  f"the header's site name {name} does not link the root")
    result.expect(facts["header_search"] == (p.kind != "search"), where,
                  "the header has no search box" if p.kind != "search" else "search.html repeats the search box in its header")
    forms = facts["search_forms"]
    result.expect(len(forms) == 1 and forms[0]["query"] and forms[0]["method"] == "get"
                  and within_site(forms[0]["action"], p.site) == "search.html", where,
                  f"the search box {forms} does not send q to the site's search.html")
    crumbs = facts["crumbs"]
    if p.kind == "index":
        result.expect(crumbs is None, where, "the root has breadcrumbs")
    elif result.expect(crumbs is not None, where, "no breadcrumbs"):
        reached = [within_site(link, p.site) for link in crumbs["links"]]
        expected = ["index.html"]
        if p.kind in ("compare", "tool"):
            expected.append(next(link for link in sorted(p.links) if link.startswith("category/")))
        result.expect(reached == expected, where, f"the breadcrumbs link {reached}, expected {expected}")
        result.expect(bool(crumbs["current"]), where, "the breadcrumbs do not name the page itself")
    meta = facts["meta"]
    for key in ("description", "og:title", "og:description", "og:type", "og:site_name"):
        result.expect(bool((meta.get(key) or "").strip()), where, f"no {key} meta tag")
    result.expect(facts["canonical"] is None and "og:url" not in meta, where,
                  f"without --base-url the page claims an address: {facts['canonical'] or meta.get('og:url')}")


def check_links(facts, p, where, result):
    """Every link reaches a page the batch wrote, the page's links reach exactly the pages expected, and every
    in-page link has its target."""
    reached = set()
    for link, raw in facts["links"]:
        if raw.startswith("#"):
            continue
        target = within_site(link, p.site)
        result.expect(target is not None, where, f"the link {raw} ({link}) reaches no page written in the site")
        if target:
            reached.add(target)
    result.expect(reached == p.links, where, f"the links reach {sorted(reached)}, expected {sorted(p.links)}")
    result.expect(not facts["missing_targets"], where, f"in-page links without a target: {facts['missing_targets']}")
    if p.kind == "tool":
        listed = {within_site(link, p.site) for link in facts["comparison_links"] or []}
        result.expect(listed == p.comparisons, where,
                      f"'Compared with' links {sorted(map(str, listed))}, expected its category and every comparison "
                      f"it is in: {sorted(p.comparisons)}")


def check_dates(facts, p, where, result):
    """The footer's date, and every date kept on one line, is on one line inside the page's width."""
    result.expect(facts["footer_date"] == [p.date], where, f"the footer's date is {facts['footer_date']}, expected [{p.date!r}]")
    for box in facts["nowrap"]:
        result.expect(box["rects"] == 1 and box["height"] <= box["line"] + 0.5 and box["right"] <= facts["viewport"][0],
                      where, f"{box['text']!r} wraps or overflows: {box['rects']} boxes, {box['height']:.1f} px high "
                      f"(a line is {box['line']:.1f}), right edge at {box['right']:.1f} of {facts['viewport'][0]} px")


def check_verdict(facts, p, where, result):
    """Right under the title: both tools' panel % and the pick with its reason, all in view without scrolling, with
    links to each section; and the scorecard's rows."""
    verdict = facts["verdict"]
    if not result.expect(verdict is not None and facts["verdict_count"] == 1, where, "no section.verdict, or more than one"):
        return
    result.expect(facts["scroll_y"] == 0 and verdict["top"] >= 0 and verdict["bottom"] <= facts["viewport"][1], where,
                  f"the verdict is not in the first screen: it spans {verdict['top']:.0f}-{verdict['bottom']:.0f} px "
                  f"of {facts['viewport'][1]} (scrolled {facts['scroll_y']})")
    text = visible(verdict["text"])
    for wanted in p.verdict:
        result.expect(visible(wanted) in text, where, f"the verdict lacks {wanted[:90]!r}: {text[:200]!r}")
    result.expect(verdict["jump"] == JUMP_TARGETS, where, f"the verdict's section links are {verdict['jump']}")
    rows = [visible(row["title"]) for row in p.data["scorecard"]]
    result.expect([visible(r) for r in facts["scorecard_rows"] or []] == rows, where,
                  f"the scorecard's rows are {facts['scorecard_rows']}, expected {rows}")


def check_print(driver, where, scheme, result):
    """Printed, the page drops what only works on a screen, keeps its content, and unfolds descriptions."""
    set_media(driver, scheme, "print")
    try:
        printed = driver.execute_script(PRINT_FACTS, list(SCREEN_ONLY))
    finally:
        set_media(driver, scheme)
    if not result.expect(printed["print"], where, "print media was not emulated"):
        return
    shown = [f"{selector} ({count})" for selector, count in zip(SCREEN_ONLY, printed["shown"]) if count]
    result.expect(not shown, where, f"printed, it still shows {shown}")
    result.expect(printed["present"][0] > 0, where, "no search box to hide in print")
    result.expect(printed["main_shown"], where, "printed, the page's content is hidden")
    result.expect(printed["clamped"] == 0, where, f"printed, {printed['clamped']} descriptions are still folded")


def check_folds(driver, p, where, result):
    """On a phone, each long description shows four lines until its label is clicked, and then all of it."""
    where = f"{where}, folded descriptions"
    descriptions = driver.execute_script("return [...document.querySelectorAll('.card .description')].map(e => "
                                         "[e.previousElementSibling && e.previousElementSibling.matches('input.fold-toggle')"
                                         " ? e.previousElementSibling.id : null, e.textContent.length])")
    result.expect(len(descriptions) == 2 and all(toggle for toggle, _ in descriptions), where,
                  f"each tool's description should have a fold control: {descriptions}")
    for toggle, length in descriptions:
        if not toggle:
            continue
        before = driver.execute_script(FOLD_FACTS, toggle)
        if length > LONG_DESCRIPTION:
            result.expect(before["clamped"] and round(before["lines"], 1) == FOLDED_LINES, where,
                          f"the {length}-character description {toggle} is not folded to {FOLDED_LINES} lines "
                          f"(shows {before['lines']:.2f} lines, clamped {before['clamped']})")
        if not before["clamped"]:
            result.expect(not before["label_shown"], where, f"{toggle} is not folded but offers to unfold")
            continue
        if not result.expect(before["label_shown"], where, f"{toggle} is folded and its label is not shown"):
            continue
        driver.find_element(By.CSS_SELECTOR, f'label.fold-label[for="{toggle}"]').click()
        after = driver.execute_script(FOLD_FACTS, toggle)
        result.expect(after["checked"] and not after["clamped"] and not after["label_shown"] and after["url"] == before["url"],
                      where, f"clicking {before['label_text']!r} did not unfold {toggle}: {after}")


def save_screenshot(driver, size, height, file):
    """The whole page, not just the first screen: the viewport grows to the page's height for the capture."""
    set_size(driver, size, max(height, SIZES[size][1]))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    file.write_bytes(base64.b64decode(shot["data"]))


def start_browser(args):
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync"):
        options.add_argument(flag)
    # The browser's console, and its requests (file: URLs too, which resource timing leaves out), for driver.get_log().
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)


def check_sizes(site, result):
    """Every HTML file of the site under MAX_PAGE_BYTES; returns the largest, for the summary."""
    files = sorted(site.rglob("*.html"))
    for file in files:
        size = file.stat().st_size
        result.expect(size < MAX_PAGE_BYTES, file.relative_to(site).as_posix(), f"{size} bytes, over {MAX_PAGE_BYTES}")
    largest = max(files, key=lambda f: f.stat().st_size)
    return largest.relative_to(site).as_posix(), largest.stat().st_size, len(files)


def site_arguments(description, checked):
    """The options of a check that builds the shipped catalog's site and opens it in Chromium, its paths made
    absolute and its --out folder made: `checked` says what the check does to a site given with --site ("check",
    "search")."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--verdict", required=True, type=pathlib.Path, help="the built verdict program")
    parser.add_argument("--source", required=True, type=pathlib.Path, help="the source tree, holding catalog/")
    parser.add_argument("--out", required=True, type=pathlib.Path, help="where the screenshots go")
    parser.add_argument("--chromium", required=True, help="the Chromium browser")
    parser.add_argument("--chromedriver", required=True, help="the ChromeDriver matching it")
    parser.add_argument("--site", type=pathlib.Path,
                        help=f"{checked} this site folder (written by `verdict batch --formats html,json`) in place of the "
                             "shipped catalog's, which is how a damaged site shows the checks can fail")
    args = parser.parse_args()
    args.verdict, args.source = args.verdict.resolve(), args.source.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    return args


def main():
    args = site_arguments(__doc__.splitlines()[0], "check")
    for old in args.out.glob("*.png"):
        old.unlink()
    result = checks()
    with tempfile.TemporaryDirectory(prefix="verdict-pages-") as scratch:
        scratch = pathlib.Path(scratch)
        site = args.site.resolve() if args.site else scratch / "site"
        if not args.site:
            make_site(args, args.source / "catalog", site)
        hostile = hostile_catalog(args.source, scratch / "hostile-catalog")
        hostile_site = scratch / "hostile-site"
        make_site(args, scratch / "hostile-catalog", hostile_site)
        # Then again under a rule set that flips Claw Code's skeptic: its pages say what changed, and why.
        soften_the_skeptic(scratch / "hostile-catalog")
        make_site(args, scratch / "hostile-catalog", hostile_site)

        largest = check_sizes(site, result)
        shipped = site_data(site, args, result)
        pages = [index_page(shipped, result), search_page(shipped)]
        pages += [category_page(shipped, slug, result) for slug in shipped.categories]
        pages += [comparison_page(shipped, slug) for slug in shipped.comparisons]
        pages += [tool_page(shipped, tool, result) for tool in shipped.tools]
        for p in pages:
            if p.kind == "compare":
                result.expect(len(p.data["scorecard"]) == SHIPPED_SCORECARD_ROWS or args.site, p.name,
                              f"{len(p.data['scorecard'])} scorecard rows on the shipped catalog, expected {SHIPPED_SCORECARD_ROWS}")

        # The hostile tool's pages: its comparison with Claw Code (which the community's votes contradict), its own
        # page, its category's page, and the root.
        bad = site_data(hostile_site, args, result)
        against = next(s for s in bad.comparisons_of(hostile["id"]) if "claw-code" in s)
        category = bad.category_of_name[hostile["category"]]
        hostile_pages = [comparison_page(bad, against, hostile=True), tool_page(bad, hostile["id"], result, hostile=True),
                         category_page(bad, category, result), index_page(bad, result)]
        result.expect(hostile_pages[0].flags == 1, hostile_pages[0].name, "the votes against Claw Code should make a sharp disagreement")
        result.expect("What changed" in (hostile_site / "compare" / f"{against}.html").read_text(encoding="utf-8"), hostile_pages[0].name,
                      "the comparison with Claw Code does not say what changed under the new rule set")
        result.expect(visible(HOSTILE_NAME) in map(visible, hostile_pages[2].expected), hostile_pages[2].name, "the hostile tool is not listed")
        for p in hostile_pages:
            p.name = "hostile-" + p.name
        pages += hostile_pages

        driver = start_browser(args)
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_PROBE})
            for p in pages:
                for size in SIZES:
                    for scheme in SCHEMES:
                        check_page(driver, p, size, scheme, args.out, result)
        finally:
            driver.quit()
    for failure in result.failures:
        print(f"check_pages: {failure}", file=sys.stderr)
    print(f"check_pages: {len(pages)} pages x {len(SIZES)} sizes x {len(SCHEMES)} colour schemes, {len(result.failures)} "
          f"problems; the largest of {largest[2]} HTML files is {largest[0]}, {largest[1]} bytes; screenshots in {args.out}")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
