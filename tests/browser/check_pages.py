#!/usr/bin/env python3
"""The HTML pages in a real browser.

Renders comparison pages, a tool page, the site's root (its categories) and a
category page (its comparisons and tools) with the real verdict program (plus
pages of a catalog holding hostile text), opens each in headless
Chromium at a phone and a desktop width, and checks what a reader gets: the
key sections' visible text, nothing fetched, nothing run, no sideways
scrolling on a phone, headings in order, text alternatives and contrast, and
that the root's and a category page's links reach the pages written beside
them. The
JSON pages the checks read their expectations from are validated against
docs/schema/ with python3-jsonschema first. Each page is saved as a full-page
screenshot for a person to look at.
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

import jsonschema
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service

WIDTHS = {"phone": (375, 812, True), "desktop": (1280, 900, False)}
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

# What a tool page says in a shadow seat's review (compare/page_wording.hpp).
SHADOW_SENTENCE = "Shadow seat: this persona is on trial. Its review is shown but does not count toward the panel ship %."
HOSTILE_NAME = 'Evil "><img src=x onerror=alert(2)> \u202eTool'
HOSTILE_DESCRIPTION = (
    "<script>alert(1)</script> <script>window.verdict_ran = true</script> "
    '<img src=x onerror="window.verdict_ran = true"> then ' + "w" * 500 + " and the rest."
)

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
return {
  text: document.body.innerText,
  title: document.title,
  resources: performance.getEntriesByType('resource').map(e => e.name),
  scroll_width: doc.scrollWidth, client_width: doc.clientWidth,
  height: Math.ceil(doc.scrollHeight),
  levels: levels,
  scripts: document.querySelectorAll('script').length,
  images: document.querySelectorAll('img').length,
  ran: window.verdict_ran === true,
  unlabelled_images: [...document.querySelectorAll('[role=img]')].filter(e => !e.getAttribute('aria-label')).length,
  images_with_label: document.querySelectorAll('[role=img][aria-label]').length,
  headers_without_scope: [...document.querySelectorAll('th')].filter(e => !e.getAttribute('scope')).length,
  badges: [...document.querySelectorAll('.badge')].map(e => e.innerText),
  flags: document.querySelectorAll('.flag').length,
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  low_contrast: low_contrast,
};
"""


class checks:
    """Collects failures so that one run reports every problem, not just the first."""

    def __init__(self):
        self.failures = []

    def expect(self, ok, where, message):
        if not ok:
            self.failures.append(f"{where}: {message}")


def run_verdict(args, verdict, source, catalog=None):
    command = [verdict] + args + (["--catalog", str(catalog)] if catalog else [])
    result = subprocess.run(command, cwd=source, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"check_pages: {' '.join(command)} exited {result.returncode}:\n{result.stderr}")
    return result.stdout


@functools.lru_cache(maxsize=None)
def schema_validator(schema):
    document = json.loads(schema.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def page_json(command, args, result, catalog=None):
    """The JSON page verdict prints for `command`, checked against its schema in docs/schema/ by a validator that
    shares no code with verdict."""
    document = json.loads(run_verdict([*command, "--format", "json"], args.verdict, args.source, catalog))
    schema = {"index": "index", "compare": "comparison", "review": "review"}[command[0]]
    if command[0] == "index" and "--category" in command:
        schema = "category"
    for error in schema_validator(args.source / "docs" / "schema" / f"{schema}.schema.json").iter_errors(document):
        path = "/".join(str(part) for part in error.absolute_path)
        result.expect(False, " ".join(command), f"not a valid {schema} page at /{path}: {error.message}")
    return document


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
        "tagline": "A tagline with <b>markup</b> & \"quotes\"", "description": HOSTILE_DESCRIPTION,
        "updated": "2026-11-01", "pricing": {"entry": "free", "notes": "<u>per token</u>"},
    }
    (into / "tools" / f"{tool['id']}.json").write_text(json.dumps(tool, ensure_ascii=False, indent=2), encoding="utf-8")
    # Twelve voters skip Claw Code, which the panel ships: a sharp disagreement the page must flag.
    votes = ["tool_id,voter_id,vote,timestamp"] + [f"claw-code,voter-{n},skip,2026-11-20T10:00:00Z" for n in range(12)]
    (into / "votes").mkdir()
    (into / "votes" / "export.csv").write_text("\n".join(votes) + "\n", encoding="utf-8")
    return tool


class page:
    """One page to open: where it was written, the text a reader must see on it, whether it draws % bars, and (for
    the root and a category page) the files of `site` its links must reach, every one of them written."""

    def __init__(self, name, file, expected, hostile=False, flags=0, bars=True, site=None, links=None):
        self.name, self.file, self.expected, self.hostile, self.flags = name, file, expected, hostile, flags
        self.bars, self.site, self.links = bars, site, links


def comparison_page(site, args, result, pair, catalog=None, hostile=False):
    slug = f"{pair[0]}-vs-{pair[1]}"
    file = site / "compare" / f"{slug}.html"
    run_verdict(["compare", *pair, "--format", "html", "-o", str(file)], args.verdict, args.source, catalog)
    data = page_json(["compare", *pair], args, result, catalog)
    expected = [t["name"] for t in data["tools"]] + ["Reviewer scorecard", "Which one should you ship with?", data["footer"]["line"]]
    expected += [f"{t['panel']['ship_pct']}%" if t["panel"]["ship_pct"] is not None else "—" for t in data["tools"]]
    developer = next(row for row in data["scorecard"] if row["seat"] == "developer")
    expected += [cell["quote"] for cell in developer["cells"] if cell["quote"]]
    pick = data["pick"]["tool"]
    expected.append(next(t["name"] for t in data["tools"] if t["id"] == pick) if pick else "A tie")
    expected.append(data["pick"]["reason"])
    expected += data["community"]["disagreements"]
    return page(f"compare-{slug}", file, expected, hostile, flags=len(data["community"]["disagreements"]))


def tool_page(site, args, result, tool_id, catalog=None, hostile=False):
    file = site / "tools" / f"{tool_id}.html"
    run_verdict(["review", tool_id, "--format", "html", "-o", str(file)], args.verdict, args.source, catalog)
    data = page_json(["review", tool_id], args, result, catalog)
    expected = [data["tool"]["name"], "Reviews by seat", "Rule set " + data["panel"]["rule_set"]]
    expected += [r["quote"] for r in data["reviews"] if r["persona"] == "developer" and r["quote"]]
    shadows = [r for r in data["reviews"] if r["shadow"]]
    if shadows:
        expected += ["Shadow seats", SHADOW_SENTENCE] + [r["quote"] for r in shadows if r["quote"]]
    if data["panel"]["ship_pct"] is not None:
        expected.append(f"{data['panel']['ship_pct']}%")
    return page(f"tool-{tool_id}", file, expected, hostile)


def index_page(site, args, result, catalog=None):
    """The site's root: every category, linking the category pages, which are all written so that the links reach
    them. Returns the page and its JSON."""
    file = site / "index.html"
    run_verdict(["index", "--format", "html", "-o", str(file)], args.verdict, args.source, catalog)
    data = page_json(["index"], args, result, catalog)
    where = "index"
    result.expect(data["category_count"] == len(data["categories"]), where,
                  f"category_count {data['category_count']}, {len(data['categories'])} categories listed")
    for key in ("comparison_count", "tool_count"):
        result.expect(data[key] >= max([c[key] for c in data["categories"]], default=0), where,
                      f"{key} {data[key]} is below a category's")
    result.expect(data["tool_count"] == sum(c["tool_count"] for c in data["categories"]), where,
                  f"tool_count {data['tool_count']} is not the sum of the categories'")
    links = set()
    for category in data["categories"]:
        result.expect(category["page"] == f"category/{category['slug']}.json", where,
                      f"category {category['slug']} has page {category['page']!r}")
        links.add(f"category/{category['slug']}.html")
        (site / "category").mkdir(exist_ok=True)
        run_verdict(["index", "--category", category["slug"], "--format", "html", "-o", str(site / "category" / f"{category['slug']}.html")],
                    args.verdict, args.source, catalog)
    expected = ["Categories", data["footer"]["line"]] + [c["name"] for c in data["categories"]]
    return page("index", file, expected, bars=False, site=site, links=links), data


def category_page(site, args, result, index, tool_id, catalog=None, hostile=False):
    """The page of the category holding `tool_id`, at category/<slug>.html so that its ../ links resolve: every
    comparison and tool it lists, linking their pages (each written, if not already, so that the links reach them),
    and the root."""
    slug = next(c["slug"] for c in index["categories"]
                if tool_id in [t["id"] for t in page_json(["index", "--category", c["slug"]], args, result, catalog)["tools"]])
    file = site / "category" / f"{slug}.html"
    run_verdict(["index", "--category", slug, "--format", "html", "-o", str(file)], args.verdict, args.source, catalog)
    data = page_json(["index", "--category", slug], args, result, catalog)
    where = f"category {slug}"
    summary = next(c for c in index["categories"] if c["slug"] == slug)
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
        target = site / "compare" / f"{entry['slug']}.html"
        if not target.exists():
            run_verdict(["compare", *ids, "--format", "html", "-o", str(target)], args.verdict, args.source, catalog)
        links.add(f"compare/{entry['slug']}.html")
    for tool in data["tools"]:
        target = site / "tools" / f"{tool['id']}.html"
        if not target.exists():
            run_verdict(["review", tool["id"], "--format", "html", "-o", str(target)], args.verdict, args.source, catalog)
        links.add(f"tools/{tool['id']}.html")
    expected = ["Comparisons", "Tools", data["name"], data["footer"]["line"]] + [t["name"] for t in data["tools"]]
    expected += [f"{e['tools'][0]['name']} vs {e['tools'][1]['name']}" for e in data["comparisons"]]
    return page(f"category-{slug}", file, expected, hostile, site=site, links=links)


def visible(text):
    """Text as compared: spaces collapsed, and bidi controls dropped (pages close the ones catalog text leaves open)."""
    return " ".join(BIDI_CONTROLS.sub("", text).split())


def check_page(driver, p, width_name, out_dir, result):
    width, height, mobile = WIDTHS[width_name]
    where = f"{p.name} at {width_name} width ({width} px)"
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    driver.get(p.file.resolve().as_uri())
    try:
        driver.switch_to.alert
        result.expect(False, where, "a script in the page opened an alert")
    except NoAlertPresentException:
        pass
    facts = driver.execute_script(PAGE_FACTS)
    check_facts(facts, p, where, result)
    save_screenshot(driver, facts["height"], width, mobile, out_dir / f"{p.name}-{width_name}-{width}.png")


def check_facts(facts, p, where, result):
    """What a reader of page `p` must get, checked against what the browser rendered."""
    text = visible(facts["text"])
    for wanted in p.expected:
        result.expect(visible(wanted) in text, where, f"visible text lacks {wanted[:90]!r}")
    result.expect(not facts["resources"], where, f"the page fetched {facts['resources']}")
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
    result.expect(facts["flags"] == p.flags, where, f"{facts['flags']} disagreements flagged, expected {p.flags}")
    result.expect(facts["scripts"] == 0 and facts["images"] == 0 and not facts["ran"], where, "catalog text became markup or ran")
    if p.links is not None:
        reached = set()
        for link in facts["links"]:
            url = urllib.parse.urlparse(link)
            target = pathlib.Path(urllib.parse.unquote(url.path)).resolve()
            inside = url.scheme == "file" and target.is_relative_to(p.site.resolve())
            result.expect(inside and target.is_file(), where, f"the link {link} reaches no page written in the site")
            if inside:
                reached.add(target.relative_to(p.site.resolve()).as_posix())
        result.expect(reached == p.links, where, f"the links reach {sorted(reached)}, expected {sorted(p.links)}")
    if p.hostile:
        for shown in ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "<u>per token</u>"):
            result.expect(shown in text, where, f"hostile text {shown!r} is not shown as text")


def save_screenshot(driver, height, width, mobile, file):
    """The whole page, not just the first screen: the viewport grows to the page's height for the capture."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    file.write_bytes(base64.b64decode(shot["data"]))


def start_browser(args):
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdict", required=True, help="the built verdict program")
    parser.add_argument("--source", required=True, type=pathlib.Path, help="the source tree, holding catalog/")
    parser.add_argument("--out", required=True, type=pathlib.Path, help="where the screenshots go")
    parser.add_argument("--chromium", required=True, help="the Chromium browser")
    parser.add_argument("--chromedriver", required=True, help="the ChromeDriver matching it")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="verdict-pages-") as scratch:
        site = pathlib.Path(scratch) / "site"
        (site / "compare").mkdir(parents=True)
        (site / "tools").mkdir()
        catalog = pathlib.Path(scratch) / "hostile-catalog"
        hostile = hostile_catalog(args.source, catalog)
        result = checks()
        root, index = index_page(site, args, result)
        # The hostile catalog's category page, with the root and the pages it links, in a site of its own.
        hostile_site = pathlib.Path(scratch) / "hostile-site"
        for folder in ("compare", "tools"):
            (hostile_site / folder).mkdir(parents=True)
        _, hostile_index = index_page(hostile_site, args, result, catalog)
        pages = [
            comparison_page(site, args, result, ["claude-haiku-open-weights", "modal-gpu-serverless-inference"]),
            comparison_page(site, args, result, ["claw-code", "modal-gpu-serverless-inference"]),
            tool_page(site, args, result, "claw-code"),
            root,
            comparison_page(site, args, result, [hostile["id"], "claw-code"], catalog, hostile=True),
            tool_page(site, args, result, hostile["id"], catalog, hostile=True),
            category_page(site, args, result, index, "claw-code"),
            category_page(hostile_site, args, result, hostile_index, hostile["id"], catalog),
        ]
        result.expect(pages[4].flags == 1, pages[4].name, "the votes against Claw Code should make a sharp disagreement")
        result.expect(visible(hostile["name"]) in map(visible, pages[7].expected), pages[7].name, "the hostile tool is not listed")
        pages[7].name = "hostile-" + pages[7].name
        driver = start_browser(args)
        try:
            for p in pages:
                for width_name in WIDTHS:
                    check_page(driver, p, width_name, args.out, result)
        finally:
            driver.quit()
    for failure in result.failures:
        print(f"check_pages: {failure}", file=sys.stderr)
    print(f"check_pages: {len(pages)} pages at {len(WIDTHS)} widths, {len(result.failures)} problems; screenshots in {args.out}")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
