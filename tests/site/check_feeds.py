#!/usr/bin/env python3
"""What the batch writes for search engines and feed readers, read by independent tools.

Runs the real verdict program's batch on the shipped catalog with --base-url
and checks, each with a reader that shares no code with verdict:

- sitemap.xml validates with xmllint against the Sitemap protocol's schema
  (tests/site/sitemap.xsd, or siteindex.xsd for a Sitemap index), every <loc>
  is under the base URL and maps to a file the batch wrote, every HTML page
  is listed exactly once unless robots.txt keeps crawlers off it, and no file
  is over the protocol's limits (50,000 URLs, 50 MB);
- robots.txt, read by Python's urllib.robotparser, names the sitemap and lets
  crawlers fetch every page the sitemap lists;
- feed.xml, read by python3-feedparser, is a well-formed Atom feed (bozo 0)
  whose entries have a title, a link, an id and an updated date, link pages
  the batch wrote and are the root's newest comparisons, newest first;
- every page's canonical link and og:url are the base URL plus its path, and
  it links the feed;
- every JSON-LD block of every page parses, and holds what the page shows: a
  tool page a SoftwareApplication whose AggregateRating is the panel ship % out
  of 100 over the voting seats, with each seat's Review; a comparison an
  ItemList of its two tools, positions 1 and 2; a category an ItemList of its
  comparisons and tools, positions 1 to n; every URL in them a page written.

The same again for a copy of the catalog with a tool whose text is hostile
to XML and HTML (a CDATA end, markup, a control character, the end of a
script element) and whose comparisons are the newest, so that the feed holds
them. The same base URL with a trailing slash gives the same bytes. Without
--base-url the batch writes no sitemap, robots.txt or feed, and no page claims
an address. With --split, a generated catalog of more than 50,000 pages
instead: the sitemap must become a Sitemap index of sitemap-N.xml files, each
valid and within the limits, together listing every page once.
"""

import argparse
import collections
import html.parser
import json
import math
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.robotparser
import xml.etree.ElementTree as ElementTree

import feedparser

BASE_URL = "https://verdicts.example.com/ai"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
MAX_URLS = 50_000                    # per Sitemap file, and Sitemaps per index (the protocol's limit)
MAX_BYTES = 50 * 1024 * 1024         # per file, uncompressed (the protocol's 50 MB)
SPLIT_TOOLS = 320                    # one category of 320 tools, every pair compared: 51,040 comparison pages
SPLIT_SEED = 20261121
SLOW = 60                            # seconds: a split run slower than this is reported, not failed

# A tool whose text is hostile to XML and HTML: a CDATA end, markup, an ampersand, a control character XML cannot
# hold, a character beyond the BMP, an unclosed right-to-left override, and the end of a script element.
HOSTILE_TOOL = {
    "id": "xml-trap-b-bell-b", "name": "XML ]]> trap & <b>\u0007bell</b> \U0001F600", "vendor": "V & <Co>",
    "category": "Developer Tools", "tagline": "Tag ]]> & <i>x</i> </script><script>alert(1)</script> \u202e rtl",
    "description": "A description with ]]> and <![CDATA[ and &amp; and </feed>.", "updated": "2026-11-22",
    "pricing": {"entry": "free"},
}
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

FAILURES = []


def check(condition, where, message):
    if not condition:
        FAILURES.append(f"{where}: {message}")
    return condition


def run(command, cwd):
    started = time.monotonic()
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"check_feeds: {' '.join(map(str, command))} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done, time.monotonic() - started


def batch(args, catalog, site, *extra):
    done, seconds = run([args.verdict, "batch", "--catalog", catalog, "--out", site, "--quiet", *extra], site.parent)
    return seconds


class head_parser(html.parser.HTMLParser):
    """A page's <link> and <meta> tags, and the text of its JSON-LD blocks."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.links, self.metas, self.blocks, self.scripts = [], {}, [], []
        self._in_block = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.metas[attrs.get("name") or attrs.get("property")] = attrs.get("content")
        elif tag == "script":
            self.scripts.append(attrs)
            if attrs.get("type") == "application/ld+json":
                self._in_block = []

    def handle_data(self, data):
        if self._in_block is not None:
            self._in_block.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._in_block is not None:
            self.blocks.append("".join(self._in_block))
            self._in_block = None

    def link(self, rel, type_=None):
        return [l.get("href") for l in self.links if rel in (l.get("rel") or "").split() and (type_ is None or l.get("type") == type_)]


def html_pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def xmllint(args, schema, file):
    done = subprocess.run([args.xmllint, "--noout", "--schema", args.schemas / schema, file], capture_output=True, text=True)
    return check(done.returncode == 0, file.name, f"does not validate against {schema}: {done.stderr.strip()[:800]}")


def written(site, url, base=BASE_URL):
    """The path, relative to the site, of the written file an absolute URL under `base` names, or None."""
    if not url or not url.startswith(base + "/"):
        return None
    relative = urllib.parse.unquote(url[len(base) + 1:])
    target = (site / relative).resolve()
    return relative if target.is_relative_to(site.resolve()) and target.is_file() else None


def check_sitemaps(args, site, robots):
    """The sitemap, or the Sitemap index and its Sitemaps: valid, within the limits, every page listed once.
    Returns the number of Sitemap files and of URLs."""
    root_file = site / "sitemap.xml"
    if not check(root_file.is_file(), "sitemap.xml", "not written"):
        return 0, 0
    root = ElementTree.parse(root_file).getroot()
    files = []
    if root.tag == f"{{{NS['sm']}}}sitemapindex":
        xmllint(args, "siteindex.xsd", root_file)
        check(root_file.stat().st_size <= MAX_BYTES, "sitemap.xml", f"{root_file.stat().st_size} bytes, over the protocol's 50 MB")
        locs = [e.text for e in root.findall("sm:sitemap/sm:loc", NS)]
        check(0 < len(locs) <= MAX_URLS, "sitemap.xml", f"indexes {len(locs)} Sitemaps")
        check(locs == [f"{BASE_URL}/sitemap-{n}.xml" for n in range(1, len(locs) + 1)], "sitemap.xml",
              f"indexes {locs[:3]}..., expected {BASE_URL}/sitemap-1.xml, -2.xml, ... in order")
        for loc in locs:
            relative = written(site, loc)
            if check(relative is not None, "sitemap.xml", f"indexes {loc}, which the batch did not write"):
                files.append(site / relative)
    elif check(root.tag == f"{{{NS['sm']}}}urlset", "sitemap.xml", f"the root element is {root.tag}, not a urlset or sitemapindex"):
        files.append(root_file)
        check(not list(site.glob("sitemap-*.xml")), "sitemap.xml", "is a urlset, yet sitemap-N.xml files were written")
    listed = []
    for file in files:
        xmllint(args, "sitemap.xsd", file)
        tree = ElementTree.parse(file).getroot()
        locs = [e.text for e in tree.findall("sm:url/sm:loc", NS)]
        check(0 < len(locs) <= MAX_URLS, file.name, f"lists {len(locs)} URLs; the protocol allows 1 to {MAX_URLS}")
        check(file.stat().st_size <= MAX_BYTES, file.name, f"{file.stat().st_size} bytes, over the protocol's 50 MB")
        for loc in locs:
            relative = written(site, loc)
            if check(relative is not None, file.name, f"lists {loc}, which is not under {BASE_URL}/ or not a page the batch wrote"):
                listed.append(relative)
                check(robots.can_fetch("*", loc), file.name, f"lists {loc}, which robots.txt keeps crawlers off")
    pages = html_pages(site)
    duplicates = sorted(p for p, n in collections.Counter(listed).items() if n > 1)
    check(not duplicates, "sitemap.xml", f"lists pages more than once: {duplicates[:5]}")
    crawlable = {p for p in pages if robots.can_fetch("*", f"{BASE_URL}/{p}")}
    missing = sorted(crawlable - set(listed))
    check(not missing, "sitemap.xml", f"does not list {len(missing)} pages the batch wrote: {missing[:5]}")
    check(set(listed) <= set(pages), "sitemap.xml", f"lists what is not an HTML page: {sorted(set(listed) - set(pages))[:5]}")
    return len(files), len(listed)


def read_robots(site):
    robots = urllib.robotparser.RobotFileParser(f"{BASE_URL.split('/', 3)[0]}//{BASE_URL.split('/', 3)[2]}/robots.txt")
    file = site / "robots.txt"
    if check(file.is_file(), "robots.txt", "not written"):
        robots.parse(file.read_text(encoding="utf-8").splitlines())
        check(robots.site_maps() == [f"{BASE_URL}/sitemap.xml"], "robots.txt",
              f"names the sitemaps {robots.site_maps()}, expected [{BASE_URL}/sitemap.xml]")
    return robots


def check_feed(site, index):
    """feed.xml as a feed reader reads it: well formed Atom, its entries the root's newest comparisons."""
    file = site / "feed.xml"
    if not check(file.is_file(), "feed.xml", "not written"):
        return 0
    feed = feedparser.parse(file.read_bytes())
    check(feed.bozo == 0, "feed.xml", f"feedparser finds it malformed: {feed.get('bozo_exception')!r}")
    check(feed.version == "atom10", "feed.xml", f"is {feed.version!r}, not Atom 1.0")
    header = feed.feed
    check(bool(header.get("title")) and bool(header.get("id")) and header.get("updated_parsed"), "feed.xml",
          f"the feed lacks a title, an id or an updated date: {dict(header)}")
    links = {l.get("rel"): l.get("href") for l in header.get("links", [])}
    check(links.get("self") == f"{BASE_URL}/feed.xml", "feed.xml", f"its self link is {links.get('self')}")
    check(links.get("alternate") == f"{BASE_URL}/index.html", "feed.xml", f"its alternate link is {links.get('alternate')}")
    entries = feed.entries
    check(entries, "feed.xml", "has no entries")
    ids = []
    for n, entry in enumerate(entries, 1):
        where = f"feed.xml entry {n}"
        for key in ("title", "link", "id", "updated"):
            check(bool(entry.get(key)), where, f"has no {key}")
        check(entry.get("updated_parsed") is not None, where, f"its updated date {entry.get('updated')!r} does not parse")
        page = written(site, entry.get("link"))
        check(page is not None and page.endswith(".html"), where, f"links {entry.get('link')}, not a page the batch wrote")
        ids.append(entry.get("id"))
        if page and page.startswith("compare/") and (site / page).with_suffix(".json").is_file():
            comparison = json.loads((site / page).with_suffix(".json").read_text(encoding="utf-8"))
            # XML cannot hold a control character: compared with those as spaces, and spaces collapsed.
            same = [" ".join(CONTROLS.sub(" ", t).split()) for t in (entry.get("title", ""), comparison["title"])]
            check(same[0] == same[1], where, f"is titled {entry.get('title')!r}, its page {comparison['title']!r}")
    check(len(set(ids)) == len(ids), "feed.xml", "two entries share an id")
    updated = [e.get("updated_parsed") for e in entries if e.get("updated_parsed")]
    check(updated == sorted(updated, reverse=True), "feed.xml", "the entries are not newest first")
    check(not updated or header.get("updated_parsed") >= max(updated), "feed.xml", "the feed is older than an entry")
    if index is not None:
        newest = [f"{BASE_URL}/{e['page'][:-len('.json')]}.html" for e in index.get("newest", [])]
        check([e.get("link") for e in entries] == newest, "feed.xml",
              f"its entries {[e.get('link') for e in entries]} are not the root's newest comparisons {newest}")
    return len(entries)


def rating_of(where, thing, panel):
    """A SoftwareApplication's AggregateRating: the panel ship % out of 100, over the voting seats."""
    rating = thing.get("aggregateRating")
    if panel["ship_pct"] is None:
        check(rating is None, where, f"a tool with no panel ship % has a rating: {rating}")
        return
    if not check(isinstance(rating, dict), where, f"{thing.get('name')!r} has no aggregateRating"):
        return
    check(rating.get("@type") == "AggregateRating", where, f"the rating's type is {rating.get('@type')!r}")
    check(rating.get("ratingValue") == panel["ship_pct"], where,
          f"{thing.get('name')!r}: ratingValue {rating.get('ratingValue')!r}, the panel ship % is {panel['ship_pct']}")
    check(rating.get("bestRating") == 100 and rating.get("worstRating", 0) == 0, where,
          f"{thing.get('name')!r}: rated out of {rating.get('worstRating')}-{rating.get('bestRating')}, expected 0-100")
    check(rating.get("ratingCount") == panel["voting"], where,
          f"{thing.get('name')!r}: ratingCount {rating.get('ratingCount')!r}, the panel has {panel['voting']} voting seats")


def shown(text):
    """Catalog text as every page shows it, the structured data included: each control character a space. (The
    JSON pages keep the catalog's text exact.)"""
    return re.sub("[\x00-\x1f\x7f\x80-\x9f]", " ", text)


def application(where, thing, tool, panel, site, base):
    check(isinstance(thing, dict) and thing.get("@type") == "SoftwareApplication", where, f"not a SoftwareApplication: {thing}")
    check(thing.get("name") == shown(tool["name"]), where, f"names {thing.get('name')!r}, expected {shown(tool['name'])!r}")
    check(thing.get("url") == f"{base}/tools/{tool['id']}.html" and written(site, thing.get("url"), base), where,
          f"{tool['id']}'s url is {thing.get('url')!r}")
    rating_of(where, thing, panel)


def positions(where, ld):
    items = ld.get("itemListElement")
    if not check(isinstance(items, list) and items, where, "an ItemList without itemListElement"):
        return []
    check([i.get("position") for i in items] == list(range(1, len(items) + 1)), where,
          f"positions {[i.get('position') for i in items]}, expected 1..{len(items)}")
    check(all(i.get("@type") == "ListItem" for i in items), where, "an element is not a ListItem")
    check(ld.get("numberOfItems", len(items)) == len(items), where, f"numberOfItems {ld.get('numberOfItems')} for {len(items)} items")
    return [i.get("item", {}) for i in items]


def check_pages(site, base):
    """Canonical links, the feed link and JSON-LD of every HTML page. Returns the JSON-LD blocks counted by type."""
    counts = {}
    for relative in html_pages(site):
        where = relative
        page = head_parser((site / relative).read_text(encoding="utf-8"))
        if base:
            check(page.link("canonical") == [f"{base}/{relative}"], where, f"canonical {page.link('canonical')}, expected {base}/{relative}")
            check(page.metas.get("og:url") == f"{base}/{relative}", where, f"og:url {page.metas.get('og:url')!r}")
            check(page.link("alternate", "application/atom+xml") == [f"{base}/feed.xml"], where,
                  f"links the feed as {page.link('alternate', 'application/atom+xml')}")
        else:
            check(not page.link("canonical") and "og:url" not in page.metas, where,
                  f"without --base-url it claims an address: {page.link('canonical')} {page.metas.get('og:url')}")
            check(not page.link("alternate", "application/atom+xml"), where, "without --base-url it links a feed")
            check(BASE_URL not in (site / relative).read_text(encoding="utf-8"), where, "holds a base URL it was not given")
        for key in ("description", "og:title", "og:description", "og:type", "og:site_name"):
            check(bool((page.metas.get(key) or "").strip()), where, f"no {key} meta tag")
        blocks = []
        for text in page.blocks:
            try:
                blocks.append(json.loads(text))
            except json.JSONDecodeError as error:
                check(False, where, f"a JSON-LD block does not parse: {error}: {text[:80]!r}")
        for ld in blocks:
            check(ld.get("@context") == "https://schema.org", where, f"JSON-LD @context {ld.get('@context')!r}")
            counts[ld.get("@type")] = counts.get(ld.get("@type"), 0) + 1
        kind = relative.split("/")[0] if "/" in relative else None
        if kind in ("tools", "compare", "category"):
            if check(len(blocks) == 1, where, f"{len(blocks)} JSON-LD blocks, expected 1"):
                data = json.loads((site / relative).with_suffix(".json").read_text(encoding="utf-8"))
                prefix = base or ".."
                {"tools": tool_ld, "compare": comparison_ld, "category": category_ld}[kind](where, blocks[0], data, site, prefix)
    return counts


def tool_ld(where, ld, data, site, base):
    tool, panel = data["tool"], data["panel"]
    application(where, ld, tool, panel, site, base)
    check(ld.get("applicationCategory") == tool["category"], where, f"applicationCategory {ld.get('applicationCategory')!r}")
    reviews = ld.get("review", [])
    # Each seat's review: every counting seat that voted ship or skip, in panel order; an abstention rates nothing.
    wanted = [r for r in data["reviews"] if r["quote"] and r["verdict"] in ("ship", "skip") and not r["shadow"]]
    check(len(reviews) == len(wanted), where, f"{len(reviews)} Reviews, expected one per seat that voted: {len(wanted)}")
    for review, seat in zip(reviews, wanted):
        check(review.get("@type") == "Review" and seat["persona_name"] in (review.get("author") or {}).get("name", ""), where,
              f"the {seat['persona']} seat's review is {str(review)[:120]}")
        check(review.get("reviewBody") == seat["quote"], where, f"the {seat['persona']} seat's reviewBody is not its quote")
        rating = review.get("reviewRating") or {}
        check(rating.get("ratingValue") == seat["score"] and rating.get("bestRating") == 100, where,
              f"the {seat['persona']} seat's reviewRating {rating}, its score {seat['score']} out of 100")


def comparison_ld(where, ld, data, site, base):
    check(ld.get("@type") == "ItemList" and ld.get("name") == shown(data["title"]), where,
          f"a comparison's JSON-LD is {ld.get('@type')!r} named {ld.get('name')!r}, expected an ItemList named {shown(data['title'])!r}")
    items = positions(where, ld)
    check(len(items) == 2, where, f"{len(items)} items, expected the two tools")
    for item, tool in zip(items, data["tools"]):
        application(where, item, tool, tool["panel"], site, base)


def category_ld(where, ld, data, site, base):
    check(ld.get("@type") == "ItemList", where, f"a category's JSON-LD is {ld.get('@type')!r}, not an ItemList")
    items = positions(where, ld)
    expected = [f"{base}/{c['page'][:-len('.json')]}.html" for c in data["comparisons"]]
    expected += [f"{base}/tools/{t['id']}.html" for t in data["tools"]]
    check([i.get("url") for i in items] == expected, where,
          f"lists {[i.get('url') for i in items][:3]}..., expected its comparisons then its tools: {expected[:3]}...")
    for item in items:
        check(written(site, item.get("url"), base) is not None, where, f"lists {item.get('url')}, not a page written")
    by_id = {t["id"]: t for t in data["tools"]}
    for item in items[len(data["comparisons"]):]:
        tool = by_id.get(item.get("url", "").rsplit("/", 1)[-1][:-len(".html")])
        if check(tool is not None, where, f"lists a tool it does not have: {item.get('url')}"):
            application(where, item, tool, tool["panel"], site, base)


def check_base_site(args, site):
    """A site written with --base-url BASE_URL, in every format, of fewer than 50,000 pages."""
    robots = read_robots(site)
    sitemaps, urls = check_sitemaps(args, site, robots)
    check(sitemaps == 1 and (site / "sitemap.xml").read_text(encoding="utf-8").count("<urlset") == 1, "sitemap.xml",
          f"a site of {urls} pages should have one urlset, not {sitemaps} Sitemaps")
    index = json.loads((site / "index.json").read_text(encoding="utf-8"))
    entries = check_feed(site, index)
    types = check_pages(site, BASE_URL)
    for needed in ("SoftwareApplication", "ItemList"):
        check(types.get(needed), "JSON-LD", f"no page has a {needed}: {types}")
    return sitemaps, urls, entries, types


def shipped(args, scratch):
    catalog = args.source / "catalog"
    site = scratch / "site"
    seconds = batch(args, catalog, site, "--base-url", BASE_URL)
    sitemaps, urls, entries, types = check_base_site(args, site)

    # A catalog with a tool whose text is hostile to XML and HTML, its comparisons the newest: the same checks.
    hostile_catalog = scratch / "hostile-catalog"
    shutil.copytree(catalog, hostile_catalog)
    (hostile_catalog / "tools" / f"{HOSTILE_TOOL['id']}.json").write_text(json.dumps(HOSTILE_TOOL, ensure_ascii=False),
                                                                          encoding="utf-8")
    hostile = scratch / "hostile-site"
    batch(args, hostile_catalog, hostile, "--base-url", BASE_URL)
    check_base_site(args, hostile)
    check(HOSTILE_TOOL["id"] in (hostile / "feed.xml").read_text(encoding="utf-8"), "hostile feed.xml",
          "does not hold the hostile tool's comparisons, the newest")

    # The same address written with a trailing slash: the same files.
    slash = scratch / "site-slash"
    batch(args, catalog, slash, "--base-url", BASE_URL + "/")
    for name in ["sitemap.xml", "robots.txt", "feed.xml"] + html_pages(site):
        check((slash / name).is_file() and (slash / name).read_bytes() == (site / name).read_bytes(), name,
              f"differs when the base URL ends with a slash ({BASE_URL}/)")

    # Without --base-url: nothing for crawlers, no address claimed.
    plain = scratch / "site-plain"
    batch(args, catalog, plain)
    for name in ("sitemap.xml", "robots.txt", "feed.xml"):
        check(not (plain / name).exists(), name, "written without --base-url")
    check(not list(plain.glob("sitemap-*.xml")), "sitemap-N.xml", "written without --base-url")
    check_relative_ld(plain)
    check_pages(plain, None)
    print(f"check_feeds: the shipped catalog's site ({len(html_pages(site))} HTML pages, batch {seconds:.1f} s): "
          f"{sitemaps} sitemap of {urls} URLs, {entries} feed entries, JSON-LD {types}; the same with hostile text; without "
          f"--base-url nothing for crawlers")


def check_relative_ld(site):
    """Without --base-url the JSON-LD's URLs are relative, and still reach pages written."""
    for relative in html_pages(site):
        page = head_parser((site / relative).read_text(encoding="utf-8"))
        for text in page.blocks:
            try:
                ld = json.loads(text)
            except json.JSONDecodeError:
                continue
            for url in re.findall(r'"url":\s*"([^"]*)"', json.dumps(ld)):
                target = (site / relative).parent / urllib.parse.unquote(url)
                check("://" not in url and target.resolve().is_file(), relative, f"JSON-LD url {url!r} reaches no page written")


def check_split_site(args, site):
    """A site written with --base-url BASE_URL of more than 50,000 pages."""
    pages = len(html_pages(site))
    check(pages > MAX_URLS, "the generated site", f"{pages} HTML pages, not past {MAX_URLS}: the split is not tested")
    robots = read_robots(site)
    sitemaps, urls = check_sitemaps(args, site, robots)
    check(sitemaps >= math.ceil(urls / MAX_URLS) and sitemaps > 1, "sitemap.xml",
          f"{urls} URLs in {sitemaps} Sitemaps: past {MAX_URLS} it must be an index of several")
    check_feed(site, None)
    return pages, sitemaps, urls


def split(args, scratch):
    """Past 50,000 pages: a Sitemap index of Sitemaps, each within the protocol's limits."""
    catalog = scratch / "catalog"
    run([args.generator, "--tools", SPLIT_TOOLS, "--categories", 1, "--seed", SPLIT_SEED, "--out", catalog,
         "--panel", args.source / "catalog" / "panel.json"], scratch)
    categories = sorted({json.loads(p.read_text(encoding="utf-8"))["category"] for p in (catalog / "tools").glob("*.json")})
    pairs = SPLIT_TOOLS * (SPLIT_TOOLS - 1) // 2
    (catalog / "comparisons.json").write_text(json.dumps({"all_pairs_within": categories, "max_category_pairs": pairs}),
                                              encoding="utf-8")
    site = scratch / "site"
    seconds = batch(args, catalog, site, "--formats", "html", "--base-url", BASE_URL)
    pages, sitemaps, urls = check_split_site(args, site)
    note = f"; slower than {SLOW} s" if seconds > SLOW else ""
    print(f"check_feeds: a generated catalog of {SPLIT_TOOLS} tools, {pairs} comparisons ({pages} HTML pages, batch "
          f"{seconds:.1f} s{note}): a Sitemap index of {sitemaps} Sitemaps listing {urls} URLs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdict", required=True, type=pathlib.Path, help="the built verdict program")
    parser.add_argument("--source", required=True, type=pathlib.Path, help="the source tree, holding catalog/")
    parser.add_argument("--xmllint", required=True, help="xmllint, from libxml2-utils")
    parser.add_argument("--schemas", type=pathlib.Path, default=pathlib.Path(__file__).resolve().parent,
                        help="the folder of sitemap.xsd and siteindex.xsd (default: beside this script)")
    parser.add_argument("--split", action="store_true", help="check the sitemap of a generated catalog past 50,000 pages")
    parser.add_argument("--generator", type=pathlib.Path, help="bench/generate-catalog, for --split")
    parser.add_argument("--site", type=pathlib.Path,
                        help="check this folder, written by `verdict batch --base-url " + BASE_URL + "` (with "
                             "--split, of more than 50,000 pages), instead of running the batch: how a damaged file "
                             "shows the checks can fail")
    args = parser.parse_args()
    args.verdict, args.source, args.schemas = args.verdict.resolve(), args.source.resolve(), args.schemas.resolve()
    args.generator = args.generator.resolve() if args.generator else None
    if args.split and not args.generator and not args.site:
        parser.error("--split needs --generator")
    with tempfile.TemporaryDirectory(prefix="verdict-feeds-") as scratch:
        scratch = pathlib.Path(scratch)
        if args.site:
            (check_split_site if args.split else check_base_site)(args, args.site.resolve())
        elif args.split:
            split(args, scratch)
        else:
            shipped(args, scratch)
    for failure in FAILURES:
        print(f"check_feeds: {failure}", file=sys.stderr)
    print(f"check_feeds: {len(FAILURES)} problems")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
