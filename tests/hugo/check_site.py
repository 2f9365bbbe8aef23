#!/usr/bin/env python3
"""Builds the batch's Markdown folder, as it is, into a Hugo site and checks what Hugo makes of it.

The real verdict program's batch writes the Markdown pages of the shipped catalog
(every comparison and tool page, the site's root page with its categories, and each
category's page with its comparisons and tools), then of a copy made again under a new
rule set (whose pages say what changed), and then of a throwaway catalog whose
text is hostile (HTML, Markdown link and image tricks, shortcodes, an unclosed U+202E),
straight into the content folder of a minimal site (tests/hugo/site/) whose layouts
print each page's title, front-matter data and content; the real hugo builds it. The
check fails unless hugo prints no warning and no error, the batch wrote exactly the
pages the site has, every page is in the site with its title, description and data
and exactly one <h1>, every link between pages leads to a page Hugo built (the tool
pages to their category and each of their comparisons, the comparison pages to both
tools and their categories, the root to every category), the hostile text shows as
literal text (no script, image or link comes out of it), every front matter parses
with a strict YAML parser and holds the same data as the page's JSON format, and that
JSON validates against its schema in docs/schema/ with python3-jsonschema.
"""

import argparse
import functools
import html.parser
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import yaml

sys.dont_write_bytecode = True   # importing the shared validator would otherwise leave bytecode in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))
from validate_json import schema_validator  # noqa: E402

FAILURES = []
BASE_URL = "https://verdict.example/"   # tests/hugo/site/hugo.toml's


def check(condition, message):
    if not condition:
        FAILURES.append(message)
    return condition


def run(command, cwd, allowed=(0,)):
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode not in allowed:
        sys.exit(f"{' '.join(map(str, command))}: exit status {done.returncode}\n{done.stdout}{done.stderr}")
    return done


class StrictLoader(yaml.SafeLoader):
    """A safe loader that also refuses a key given twice, which YAML forbids and PyYAML lets pass."""

    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        duplicates = {key for key in keys if keys.count(key) > 1}
        if duplicates:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {sorted(duplicates)}", node.start_mark)
        return super().construct_mapping(node, deep)


def front_matter(page):
    if not check(page.is_file(), f"{page.name}: no such page in the content folder"):
        return {}
    text = page.read_text(encoding="utf-8")
    if not check(text.startswith("---\n") and "\n---\n" in text, f"{page.name}: no front matter between --- lines"):
        return {}
    try:
        data = yaml.load(text[4:text.index("\n---\n") + 1], Loader=StrictLoader)
    except yaml.YAMLError as error:
        check(False, f"{page.name}: front matter does not parse: {error}")
        return {}
    check(isinstance(data, dict), f"{page.name}: front matter is not a map")
    return data if isinstance(data, dict) else {}


class Page(html.parser.HTMLParser):
    """A built page: the elements with a class (their attributes and text), every tag and attribute, the text."""

    def __init__(self, file):
        super().__init__(convert_charrefs=True)
        self.by_class, self.tags, self.text, self._open = {}, [], [], []
        self.feed(file.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "class" in attributes:
            self.by_class.setdefault(attributes["class"], []).append({"attrs": attributes, "text": ""})
        self._open.append(attributes.get("class"))

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        self.text.append(data)
        for name in {c for c in self._open if c}:
            self.by_class[name][-1]["text"] += data

    def first(self, name):
        found = self.by_class.get(name, [])
        return found[0] if found else {"attrs": {}, "text": None}


@functools.lru_cache(maxsize=None)
def validator_for(schema):
    return schema_validator(schema)


def page_json(command, source, allowed):
    """The JSON page verdict prints for `command`, checked against its schema in docs/schema/ by a validator that
    shares no code with verdict."""
    document = json.loads(run(command, source, allowed).stdout)
    schema = {"index": "index", "compare": "comparison", "review": "review"}[command[1]]
    if command[1] == "index" and "--category" in command:
        schema = "category"
    for error in validator_for(source / "docs" / "schema" / f"{schema}.schema.json").iter_errors(document):
        path = "/".join(str(part) for part in error.absolute_path)
        check(False, f"{' '.join(map(str, command[1:]))}: not a valid {schema} page at /{path}: {error.message}")
    return document


def shown(value):
    return "null" if value is None else str(value)


def write_pages(verdict, source, content, catalog=None):
    """Runs the batch with `content` as its Markdown folder: every page of `catalog` (the shipped one by default).
    Returns the root's JSON with each category's JSON page under "json", and the site's comparisons and tools gathered
    from the category pages (a comparison of tools from two categories is on both pages; it is listed once), each
    comparison with its JSON page and each tool with its category's slug."""
    where = ["--catalog", str(catalog)] if catalog else []
    allowed = (0, 1) if catalog else (0,)   # the hostile catalog has a seat that fails
    run([verdict, "batch", "--formats", "md", "--out", content, "--quiet", *where], source, allowed)
    index = page_json([verdict, "index", "--format", "json", *where], source, allowed)
    index["comparisons"], index["tools"] = [], []
    comparisons, tools = {}, {}
    for category in index["categories"]:
        command = [verdict, "index", "--category", category["slug"]]
        category["json"] = page_json([*command, "--format", "json", *where], source, allowed)
        for entry in category["json"]["comparisons"]:
            if entry["slug"] not in comparisons:
                comparisons[entry["slug"]] = dict(entry)
                index["comparisons"].append(comparisons[entry["slug"]])
        for tool in category["json"]["tools"]:
            check(tool["id"] not in tools, f"tool {tool['id']} is on more than one category page")
            tools[tool["id"]] = dict(tool, category_slug=category["slug"])
            index["tools"].append(tools[tool["id"]])
    for entry in index["comparisons"]:
        ids = [tool["id"] for tool in entry["tools"]]
        entry["json"] = page_json([verdict, "compare", *ids, "--format", "json", *where], source, allowed)
    check_written(content, index)
    return index


def check_written(content, index):
    """The batch's folder holds the site's pages and nothing else Hugo would read: its own state is a hidden folder."""
    expected = {"_index.md"} | {f"category/{category['slug']}/_index.md" for category in index["categories"]}
    expected |= {f"compare/{entry['slug']}.md" for entry in index["comparisons"]} | {f"tools/{tool['id']}.md" for tool in index["tools"]}
    found = {file.relative_to(content).as_posix() for file in content.rglob("*") if file.is_file() and not any(part.startswith(".") for part in file.relative_to(content).parts)}
    check(found == expected, f"the batch wrote {sorted(found - expected)} beyond the site's pages and not {sorted(expected - found)}")


TOOL_KEYS = {"pricing": ["entry", "entry_label", "notes", "licence", "commercial_use"],
             "panel": ["ship_pct", "fraction", "ship", "skip", "abstain", "failed", "mean_score"],
             "community": ["ship_pct", "voters", "ship", "latest_vote_date", "gap_points"]}


def check_tool_data(name, data, expected):
    for key in ["id", "name", "category", "vendor", "tagline"]:
        check(data.get(key) == expected[key], f"{name}: front matter {key} {data.get(key)!r}, JSON {expected[key]!r}")
    for group, keys in TOOL_KEYS.items():
        for key in keys:
            got, want = data.get(group, {}).get(key), expected[group][key]
            check(got == want and type(got) is type(want), f"{name}: front matter {group}.{key} {got!r}, JSON {want!r}")


def check_tool_shown(name, element, data):
    attrs = element["attrs"]
    check(attrs.get("data-id") == data.get("id"), f"{name}: the site shows tool {attrs.get('data-id')!r}, not {data.get('id')!r}")
    for attribute, value in [("data-panel-ship-pct", data["panel"]["ship_pct"]), ("data-panel-fraction", data["panel"]["fraction"]),
                             ("data-mean-score", data["panel"]["mean_score"]), ("data-community-ship-pct", data["community"]["ship_pct"]),
                             ("data-community-voters", data["community"]["voters"])]:
        check(attrs.get(attribute) == shown(value), f"{name}: the site shows {attribute}={attrs.get(attribute)!r}, the front matter {value!r}")


def links_of(page):
    return {attrs.get("href") for tag, attrs in page.tags if tag == "a"}


def check_description(name, page, data):
    """The front matter's description is plain text, and the one Hugo gives the page's layout."""
    description = data.get("description")
    check(isinstance(description, str) and description.strip() != "", f"{name}: front matter description {description!r}")
    shown_description = next((attrs.get("content") for tag, attrs in page.tags if tag == "meta" and attrs.get("name") == "description"), None)
    check(shown_description == description, f"{name}: the site's description is {shown_description!r}, the front matter's {description!r}")


def check_links_to(name, page, wanted):
    links = links_of(page)
    for link in wanted:
        check(link in links, f"{name}: no link to {link} in {sorted(links)}")


def check_comparison(public, content, entry, tools):
    slug, expected = entry["slug"], entry["json"]
    data = front_matter(content / "compare" / f"{slug}.md")
    check(data.get("title") == expected["title"], f"{slug}: front matter title {data.get('title')!r}")
    for side in range(2):
        check_tool_data(slug, (data.get("tools") or [{}, {}])[side], expected["tools"][side])
    pick = data.get("pick", {})
    for key in ["tool", "rule", "reason"]:
        check(pick.get(key) == expected["pick"][key], f"{slug}: front matter pick.{key} {pick.get(key)!r}")
    check(data.get("rule_set") == expected["footer"]["rule_set"] and data.get("data_date") == expected["footer"]["data_date"],
          f"{slug}: front matter rule_set/data_date {data.get('rule_set')!r}/{data.get('data_date')!r}")
    built = public / "compare" / slug / "index.html"
    if not check(built.is_file(), f"{slug}: hugo wrote no {built.relative_to(public)}"):
        return
    page = Page(built)
    check(page.first("page-title")["text"] == data.get("title"), f"{slug}: the site's title is {page.first('page-title')['text']!r}")
    check(page.first("front-matter")["attrs"].get("data-page-kind") == "comparison", f"{slug}: the site shows no page_kind")
    for side, element in enumerate(page.by_class.get("tool", [])[:2]):
        check_tool_shown(slug, element, data["tools"][side])
    check(page.first("pick")["attrs"].get("data-tool") == shown(pick.get("tool")), f"{slug}: the site shows another pick")
    check_description(slug, page, data)
    check_links_to(slug, page, [f"/tools/{tool['id']}/" for tool in entry["tools"]] +
                   [f"/category/{tools[tool['id']]['category_slug']}/" for tool in entry["tools"]])


def check_tool_page(public, content, tool, summaries, comparisons):
    """A tool page: its front matter holds what its comparisons' JSON says of it, and the built page links its
    category's page and every comparison the tool is in."""
    data = front_matter(content / "tools" / f"{tool['id']}.md")
    check(data.get("title") == tool["name"], f"{tool['id']}: front matter title {data.get('title')!r}")
    if tool["id"] in summaries:
        check_tool_data(tool["id"], data.get("tool", {}), summaries[tool["id"]])
    built = public / "tools" / tool["id"] / "index.html"
    if not check(built.is_file(), f"{tool['id']}: hugo wrote no {built.relative_to(public)}"):
        return
    page = Page(built)
    check(page.first("page-title")["text"] == tool["name"], f"{tool['id']}: the site's title is {page.first('page-title')['text']!r}")
    check(page.first("front-matter")["attrs"].get("data-page-kind") == "tool", f"{tool['id']}: the site shows no page_kind")
    check_tool_shown(tool["id"], page.first("tool"), data.get("tool", {}))
    check_description(tool["id"], page, data)
    check_links_to(tool["id"], page, [f"/category/{tool['category_slug']}/"] +
                   [f"/compare/{entry['slug']}/" for entry in comparisons if tool["id"] in [t["id"] for t in entry["tools"]]])


def check_index(public, content, index):
    """The root: its counts are the categories' and the site's (every comparison and tool, each once, that the
    category pages list), in its front matter and as the site shows them, and it links every category's page."""
    counts = {"category_count": len(index["categories"]), "comparison_count": len(index["comparisons"]),
              "tool_count": len(index["tools"])}
    for key, count in counts.items():
        check(index[key] == count, f"index: JSON {key} {index[key]!r}, the category pages hold {count}")
    data = front_matter(content / "_index.md")
    for key, count in counts.items():
        check(data.get(key) == count and type(data.get(key)) is int, f"index: front matter {key} {data.get(key)!r}, expected {count}")
    check(data.get("page_kind") == "index", f"index: front matter page_kind {data.get('page_kind')!r}")
    check(data.get("rule_set") == index["footer"]["rule_set"] and data.get("data_date") == index["footer"]["data_date"],
          f"index: front matter rule_set/data_date {data.get('rule_set')!r}/{data.get('data_date')!r}")
    for category in index["categories"]:
        slug, listed = category["slug"], category["json"]
        check(category["page"] == f"category/{slug}.json", f"index: category {slug} has page {category['page']!r}")
        check(listed["slug"] == slug and listed["name"] == category["name"],
              f"index: category {slug} ({category['name']!r}) has a page for {listed['slug']} ({listed['name']!r})")
        check(category["comparison_count"] == len(listed["comparisons"]) and category["tool_count"] == len(listed["tools"]),
              f"index: category {slug} counts {category['comparison_count']}, {category['tool_count']}; its page lists "
              f"{len(listed['comparisons'])}, {len(listed['tools'])}")
    built = public / "index.html"
    if not check(built.is_file(), "index: hugo wrote no index.html"):
        return
    page = Page(built)
    check(page.first("page-title")["text"] == data.get("title"), f"index: the site's title is {page.first('page-title')['text']!r}")
    shown_data = page.first("front-matter")["attrs"]
    check(shown_data.get("data-page-kind") == "index", f"index: the site shows {shown_data} as its data")
    for key in ("comparison_count", "tool_count"):
        attribute = "data-" + key.replace("_", "-")
        check(shown_data.get(attribute) == str(counts[key]), f"index: the site shows {attribute}={shown_data.get(attribute)!r}, "
              f"expected {counts[key]}")
    check_description("index", page, data)
    check_links_to("index", page, [f"/category/{category['slug']}/" for category in index["categories"]])


def check_category(public, content, category):
    """A category page: its front matter names the category and counts what its JSON lists, and the built page links
    every comparison and tool it lists."""
    slug, listed = category["slug"], category["json"]
    where = f"category/{slug}"
    data = front_matter(content / "category" / slug / "_index.md")
    check(data.get("page_kind") == "category", f"{where}: front matter page_kind {data.get('page_kind')!r}")
    check(data.get("category") == listed["name"], f"{where}: front matter category {data.get('category')!r}, JSON {listed['name']!r}")
    check(data.get("title") == f"{listed['name']} comparisons", f"{where}: front matter title {data.get('title')!r}")
    for key, count in (("comparison_count", len(listed["comparisons"])), ("tool_count", len(listed["tools"]))):
        check(data.get(key) == count and type(data.get(key)) is int, f"{where}: front matter {key} {data.get(key)!r}, its JSON lists {count}")
    check(data.get("rule_set") == listed["footer"]["rule_set"] and data.get("data_date") == listed["footer"]["data_date"],
          f"{where}: front matter rule_set/data_date {data.get('rule_set')!r}/{data.get('data_date')!r}")
    check(listed["index"] == "index.json", f"{where}: JSON index {listed['index']!r}")
    for entry in listed["comparisons"]:
        check(entry["page"] == f"compare/{entry['slug']}.json", f"{where}: comparison {entry['slug']} has page {entry['page']!r}")
        check(entry["slug"] == "-vs-".join(tool["id"] for tool in entry["tools"]),
              f"{where}: comparison {entry['slug']} is of {[tool['id'] for tool in entry['tools']]}")
    built = public / "category" / slug / "index.html"
    if not check(built.is_file(), f"{where}: hugo wrote no {built.relative_to(public)}"):
        return
    page = Page(built)
    check(page.first("page-title")["text"] == data.get("title"), f"{where}: the site's title is {page.first('page-title')['text']!r}")
    check(page.first("front-matter")["attrs"].get("data-page-kind") == "category", f"{where}: the site shows no page_kind")
    check_description(where, page, data)
    check_links_to(where, page, [f"/compare/{entry['slug']}/" for entry in listed["comparisons"]] +
                   [f"/tools/{tool['id']}/" for tool in listed["tools"]])


HOSTILE_NAME = "Evil <b>Tool</b> [x](javascript:alert(1)) \u202eloot"
HOSTILE_ID = "evil-b-tool-b-x-javascript-alert-1-loot"
HOSTILE_DESCRIPTION = ("[click](javascript:alert(1)) <script>alert(2)</script> ![x](http://evil/x.png) <http://evil/a> "
                       "www.evil.example me@evil.example {{< figure src=\"http://evil/y.png\" >}} &lt;img src=x&gt;\n"
                       "# Heading\n- item\n<!--more-->\n" + "w" * 3000)
# Facts the receipts on the tool page show as code: one with backticks and pipes for the code span to fence and
# escape, one with what Hugo reads even inside code (a shortcode, the summary divider), which must stay escaped text.
HOSTILE_PERFORMANCE = "``fast`` `path` | <b>x</b> \\| end"
HOSTILE_THESIS = "the bet {{< figure src=x >}} <!--more--> holds"
HOSTILE_SCRIPT = """-- Fails with a message that is Markdown and HTML.
local function review(tool, ctx)
  error("<script>alert(4)</script>\\n# heading\\n[x](javascript:alert(5)) {{< figure src=z >}}", 0)
end
return {id = "hostile", name = "Hostile", version = "1.0.0", defaults = {weights = {steady = 10}}, review = review}
"""


def write_hostile_catalog(source, folder):
    (folder / "tools").mkdir(parents=True)
    (folder / "scripts").mkdir()
    panel = json.loads((source / "catalog" / "panel.json").read_text(encoding="utf-8"))
    panel["seats"][1].pop("plugin")
    panel["seats"][1]["script"] = "scripts/hostile.lua"
    (folder / "panel.json").write_text(json.dumps(panel), encoding="utf-8")
    (folder / "scripts" / "hostile.lua").write_text(HOSTILE_SCRIPT, encoding="utf-8")
    (folder / "comparisons.json").write_text(json.dumps({"pairs": [[HOSTILE_ID, "plain-tool"]]}), encoding="utf-8")
    hostile = {"id": HOSTILE_ID, "name": HOSTILE_NAME, "vendor": "Acme \"Labs\" \\ Co", "category": "- Tools | More\n# Not a heading",
               "tagline": "1. Ship it! *now* `code` \u202eunclosed", "description": HOSTILE_DESCRIPTION, "updated": "2026-11-01",
               "pricing": {"entry": "free", "notes": "a | b\tc\u0001d\u007fe\u0085f\u2028g\u2029h\ufeffi"},
               "licence": {"name": "<img src=x onerror=alert(3)> licence", "commercial_use": "restricted", "open_weights": True},
               "performance": HOSTILE_PERFORMANCE, "thesis": {"statement": HOSTILE_THESIS}}
    plain = {"id": "plain-tool", "name": "Plain Tool", "vendor": "Example Labs", "category": "Developer Tools",
             "tagline": "A plain tool", "description": "A plain tool.", "updated": "2026-11-01", "pricing": {"entry": "free"}}
    for tool in (hostile, plain):
        (folder / "tools" / f"{tool['id']}.json").write_text(json.dumps(tool), encoding="utf-8")


def check_no_markup(where, page):
    """No element, event handler or javascript: URL came out of catalog text. The meta description is the one attribute
    that holds catalog text, as the value Hugo escaped, which no browser runs or follows."""
    for tag, attrs in page.tags:
        check(tag not in ("script", "img", "iframe"), f"{where}: catalog text became a <{tag}> element: {attrs}")
        for name, value in attrs.items():
            check(not name.startswith("on"), f"{where}: catalog text became an {name} attribute")
            if not (tag == "meta" and name == "content"):
                check("javascript:" not in (value or "").lower(), f"{where}: a javascript: URL in {tag} {name}")


def check_hostile_page(public, relative, links, must_show):
    """A comparison or tool page with hostile text: its only links are the page's own, and the text is text."""
    built = public / relative / "index.html"
    if not check(built.is_file(), f"hostile: hugo wrote no {relative}/index.html"):
        return
    page = Page(built)
    check_no_markup(relative, page)
    check(links_of(page) == set(links), f"{relative}: links {sorted(links_of(page))}, expected only {sorted(set(links))}")
    raw = built.read_text(encoding="utf-8").lower()
    for needle in ("<script", "<img", "<iframe", "href=\"javascript:", "raw html omitted"):
        check(needle not in raw, f"{relative}: {needle!r} in the built page (raw HTML or a link reached the renderer)")
    text = " ".join(page.text)
    for literal in must_show:
        check(literal in text, f"{relative}: the literal text {literal!r} is not on the page")
    check(page.first("page-title")["text"].count("\u202e") == page.first("page-title")["text"].count("\u202c"),
          f"{relative}: an unclosed U+202E in the title")


def check_hostile_listing(public, relative, links, must_show):
    """A root or category page that lists hostile names: its only links are the ones it lists, and the names are text."""
    built = public / relative / "index.html" if relative else public / "index.html"
    if not check(built.is_file(), f"hostile: hugo wrote no {built.relative_to(public)}"):
        return
    page = Page(built)
    check_no_markup(relative or "index", page)
    found = [attrs.get("href") for tag, attrs in page.tags if tag == "a"]
    check(sorted(found) == sorted(links), f"{relative or 'index'}: links {sorted(found)}, expected only {sorted(links)}")
    text = " ".join(page.text)
    for literal in must_show:
        check(literal in text, f"{relative or 'index'}: the literal text {literal!r} is not on the page")
    check(text.count("\u202e") == text.count("\u202c"), f"{relative or 'index'}: an unclosed U+202E on the page")


def check_hostile(public, content, index):
    entry = next(entry for entry in index["comparisons"] if entry["tools"][0]["id"] == HOSTILE_ID)
    category = next(category for category in index["categories"]
                    if HOSTILE_ID in [tool["id"] for tool in category["json"]["tools"]])
    check(category["name"] == entry["json"]["tools"][0]["category"],
          f"hostile: the tool is on the page of category {category['name']!r}, not {entry['json']['tools'][0]['category']!r}")
    check_hostile_listing(public, "", [f"/category/{c['slug']}/" for c in index["categories"]], ["- Tools | More"])
    listed = category["json"]
    check_hostile_listing(public, f"category/{category['slug']}",
                          [f"/compare/{e['slug']}/" for e in listed["comparisons"]] + [f"/tools/{t['id']}/" for t in listed["tools"]],
                          ["Evil <b>Tool</b> [x](javascript:alert(1))", "- Tools | More"])
    data = front_matter(content / "compare" / f"{entry['slug']}.md")
    expected = entry["json"]["tools"][0]
    check(data.get("tools", [{}])[0].get("name") == HOSTILE_NAME + "\u202c", "hostile: front matter name is not the name, closed")
    for key in ["vendor", "category"]:
        check(data.get("tools", [{}])[0].get(key) == expected[key], f"hostile: front matter {key} {data['tools'][0].get(key)!r}")
    check(data["tools"][0]["pricing"]["notes"] == expected["pricing"]["notes"], "hostile: front matter pricing.notes differs")
    tools = {tool["id"]: tool for tool in index["tools"]}
    own_links = [link for tool in entry["tools"] for link in (f"/tools/{tool['id']}/", f"/category/{tools[tool['id']]['category_slug']}/")]
    visible = ["[click](javascript:alert(1))", "<script>alert(2)</script>", "![x](http://evil/x.png)", "<http://evil/a>",
               "www.evil.example", "me@evil.example", "{{< figure src=", "<img src=x onerror=alert(3)> licence"]
    check_hostile_page(public, f"compare/{entry['slug']}", own_links, visible)
    # Escaped text, unlike code, goes through Hugo's typographer, which turns the divider's "--" into dashes.
    receipts = ["performance = " + HOSTILE_PERFORMANCE, "thesis.statement = the bet {{< figure src=x >}} <!"]
    check_hostile_page(public, f"tools/{HOSTILE_ID}", [f"/category/{tools[HOSTILE_ID]['category_slug']}/", f"/compare/{entry['slug']}/"],
                       visible[:6] + ["<script>alert(4)</script>"] + receipts)


def built_pages(public):
    return sorted(public.rglob("*.html"))


def check_headings(public):
    """Every page Hugo built has one <h1>, the title its layout prints: the Markdown does not repeat it."""
    for built in built_pages(public):
        count = sum(1 for tag, _ in Page(built).tags if tag == "h1")
        check(count == 1, f"{built.relative_to(public)}: {count} <h1> elements, expected 1")


def link_target(public, built, href):
    """The file in `public` that `href` on the built page `built` leads to, or None for a link out of the site."""
    base = urllib.parse.urlsplit(BASE_URL)
    page_url = "/" + built.relative_to(public).as_posix().removesuffix("index.html")
    target = urllib.parse.urlsplit(urllib.parse.urljoin(f"{base.scheme}://{base.netloc}{page_url}", href))
    if (target.scheme, target.netloc) != (base.scheme, base.netloc):
        return None
    path = urllib.parse.unquote(target.path)
    return public / path.lstrip("/") / "index.html" if path.endswith("/") else public / path.lstrip("/")


def check_links(public):
    """Every link of every built page that leads into the site leads to a file Hugo built: the link hook found the
    page of every .md file a page links, so no .md is left in a link."""
    for built in built_pages(public):
        where = built.relative_to(public)
        for href in sorted(links_of(Page(built)) - {None}):
            check(not urllib.parse.urlsplit(href).path.endswith(".md"), f"{where}: a link to {href} is left as a file's")
            target = link_target(public, built, href)
            check(target is None or target.is_file(), f"{where}: the link to {href} leads to no page of the site")


def build_site(args, temp, name, catalog=None, before=None):
    """Has the batch write the Markdown pages of `catalog` as the content folder of a copy of the minimal site, and hugo
    build the site; returns the folders and the index. `before`, given the content folder, runs first."""
    site = temp / name
    shutil.copytree(args.source / "tests" / "hugo" / "site", site)
    if before:
        before(site / "content")
    index = write_pages(args.verdict, args.source, site / "content", catalog)
    built = run([args.hugo, "--source", site, "--destination", site / "public", "--printPathWarnings"], site, allowed=(0, 1, 255))
    log = built.stdout + built.stderr
    check(built.returncode == 0 and "ERROR" not in log and "WARN" not in log, f"{name}: hugo reported problems:\n{log}")
    check_headings(site / "public")
    check_links(site / "public")
    return site / "public", site / "content", index


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdict", required=True, type=pathlib.Path, help="the built verdict program")
    parser.add_argument("--source", required=True, type=pathlib.Path, help="the source tree, with catalog/ and tests/hugo/site/")
    parser.add_argument("--hugo", default="hugo", help="the hugo program")
    args = parser.parse_args()
    args.verdict, args.source = args.verdict.resolve(), args.source.resolve()
    with tempfile.TemporaryDirectory(prefix="verdict-hugo-") as temp:
        temp = pathlib.Path(temp)
        public, content, index = build_site(args, temp, "stock")
        summaries = {tool["id"]: tool for entry in index["comparisons"] for tool in entry["json"]["tools"]}
        tools = {tool["id"]: tool for tool in index["tools"]}
        for entry in index["comparisons"]:
            check_comparison(public, content, entry, tools)
        for tool in index["tools"]:
            check_tool_page(public, content, tool, summaries, index["comparisons"])
        check_index(public, content, index)
        for category in index["categories"]:
            check_category(public, content, category)

        # A catalog made once, then again under a rule set that moves Claw Code's skeptic: its pages say what changed.
        changed = temp / "changed-catalog"
        shutil.copytree(args.source / "catalog", changed)

        def first_run(content):
            run([args.verdict, "batch", "--catalog", changed, "--formats", "md", "--out", content, "--quiet"], args.source)
            panel = json.loads((changed / "panel.json").read_text(encoding="utf-8"))
            panel["rule_set"] = "2026.12-1"
            next(seat for seat in panel["seats"] if seat["id"] == "skeptic")["settings"] = {"weights": {"legal_risk_high": -10}}
            (changed / "panel.json").write_text(json.dumps(panel), encoding="utf-8")

        public, content, index = build_site(args, temp, "changed", changed, before=first_run)
        page = (public / "tools" / "claw-code" / "index.html").read_text(encoding="utf-8")
        check(re.search(r"<h2[^>]*>What changed</h2>", page) is not None and "skeptic skip 20 → skip 45 (legal_risk_high -35 → -10)" in page,
              "changed: tools/claw-code/index.html has no \"What changed\" section with the skeptic's change")

        write_hostile_catalog(args.source, temp / "hostile-catalog")
        public, content, index = build_site(args, temp, "hostile", temp / "hostile-catalog")
        check_index(public, content, index)
        for category in index["categories"]:
            check_category(public, content, category)
        check_hostile(public, content, index)
    for failure in FAILURES:
        print(f"check_site: {failure}", file=sys.stderr)
    print(f"check_site: {'FAILED' if FAILURES else 'ok'}: {len(FAILURES)} problem(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
