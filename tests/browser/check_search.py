#!/usr/bin/env python3
"""The site's search in a real browser, from a folder opened as file://.

Makes the shipped catalog's site with the real verdict program (`verdict
batch`) and opens its index.html over file:// in headless Chromium. Types part
of a tool's name, in another case, into the header's search box and submits
it: the browser must land on search.html?q=<the query>, listing the pages the
query matches, worked out here independently from search-index.js (which must
list every tool, comparison and category page the batch wrote, under the names
their JSON pages give, each once): every query word in a page's title or its
line, title matches first; the matching tool and its comparisons among them.
Clicking the first result must open that page. Typing more must narrow the
results as one types, keystroke by keystroke, with no submit and no
navigation; a query that matches nothing must say so; a search sent from a
page in a subfolder, on a phone, must reach the same search.html. The
browser's console must show no error (a Content-Security-Policy violation
above all), and a probe installed before any page script must see no
violation either. Last, a catalog holding hostile text: its result shows the
text as text and runs nothing. Screenshots of the results go to --out.
"""

import base64
import json
import pathlib
import re
import sys
import tempfile
import unicodedata
import urllib.parse

from selenium.common.exceptions import NoAlertPresentException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# Importing check_pages would otherwise leave its bytecode in the source tree.
sys.dont_write_bytecode = True
from check_pages import (CSP_PROBE, HOSTILE_NAME, SIZES, checks, hostile_catalog, make_site, set_size,  # noqa: E402
                         site_arguments, start_browser, visible, within_site)

QUERY = "MODAL"          # part of "Modal GPU Serverless Inference", in another case
MORE = " claw"           # typed after it, one key at a time: only Claw Code vs Modal has both words
NESTED_QUERY = "claw"    # sent from tools/claw-code.html, a page in a subfolder
NOTHING = "zqxjv"        # matches no page
MOST = 50                # results search.js shows at most
KINDS = {"tool": "Tool", "comparison": "Comparison", "category": "Category"}
WAIT = 10

# Runs in search.html: what the reader sees of the search.
SEARCH_STATE = r"""
const input = document.getElementById('search-query');
return {
  url: location.href,
  value: input ? input.value : null,
  status: (document.getElementById('search-status') || {}).innerText || '',
  results: [...document.querySelectorAll('#results > li')].map(li => {
    const a = li.querySelector('h2 a'), kind = li.querySelector('.eyebrow'), line = li.querySelector('.detail');
    return {title: a ? a.innerText : '', href: a ? a.href : '', kind: kind ? kind.textContent.trim() : '', line: line ? line.innerText : ''};
  }),
  images: document.querySelectorAll('img').length,
  ran: window.verdict_ran === true,
  probe: window.__verdict_probe === true,
  blocked: window.__verdict_csp || [],
};
"""


def fold(text):
    """search.js's folding: accents dropped, lower case."""
    return re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFD", text)).lower()


def read_index(site, result):
    """search-index.js's entries, [kind, title, line, path], checked against the pages the batch wrote."""
    where = "search-index.js"
    text = (site / "search-index.js").read_text(encoding="utf-8")
    match = re.fullmatch(r"window\.verdictSearch = (\[.*\]);\n?", text, re.S)
    if not match:
        sys.exit(f"check_search: {where} is not `window.verdictSearch = [...];`: {text[:80]!r}")
    entries = json.loads(match.group(1))
    names = {}
    for folder, kind, name_of in (("tools", "tool", lambda d: d["tool"]["name"]),
                                  ("compare", "comparison", lambda d: d["title"]),
                                  ("category", "category", lambda d: d["name"])):
        for page in sorted((site / folder).glob("*.json")):
            names[f"{folder}/{page.stem}.html"] = (kind, name_of(json.loads(page.read_text(encoding="utf-8"))))
    listed = [entry[3] for entry in entries]
    result.expect(sorted(listed) == sorted(names) and len(set(listed)) == len(listed), where,
                  f"lists {len(listed)} pages ({len(set(listed))} distinct); the batch wrote {len(names)} tool, comparison "
                  f"and category pages; missing {sorted(set(names) - set(listed))[:5]}, extra {sorted(set(listed) - set(names))[:5]}")
    for kind, title, line, path in entries:
        named = names.get(path, (None, ""))
        # Compared as a reader sees them: the index closes the bidi controls a name leaves open.
        result.expect((kind, visible(title)) == (named[0], visible(named[1])), where,
                      f"lists {path} as {kind} {title!r}; its JSON page says {named}")
        result.expect(isinstance(line, str) and line.strip(), where, f"{path} has no line")
    return entries


def expected_results(entries, query):
    """The results for `query`, as (title, path, kind): every word in the title first, then in the title or the line."""
    words = fold(query).split()
    if not words:
        return []
    def has_all(entry, in_title_only):
        return all(w in fold(entry[1]) or (not in_title_only and w in fold(entry[2])) for w in words)
    first = [e for e in entries if has_all(e, True)]
    then = [e for e in entries if not has_all(e, True) and has_all(e, False)]
    return [(e[1], e[3], KINDS[e[0]]) for e in first + then][:MOST]


def expected_status(entries, query):
    words = fold(query).split()
    count = sum(1 for e in entries if all(w in fold(e[1]) or w in fold(e[2]) for w in words))
    if not words:
        return "Type a tool's name, a category or a word of a comparison."
    if count == 0:
        return f"Nothing matches \u201c{query.strip()}\u201d."
    if count > MOST:
        return f"{count} pages match; the first {MOST} are shown. Add a word to narrow them."
    return "1 page matches." if count == 1 else f"{count} pages match."


class session:
    """The browser, with what it logged and what the policy probe saw collected as it goes."""

    def __init__(self, args, result):
        self.driver = start_browser(args)
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_PROBE})
        self.result = result
        self.console = True
        self.logged = 0

    def state(self, where):
        state = self.driver.execute_script(SEARCH_STATE)
        self.result.expect(state["probe"], where, "the policy probe did not run in the page")
        self.result.expect(not state["blocked"], where, f"the Content-Security-Policy blocked {state['blocked'][:3]}")
        self.result.expect(state["images"] == 0 and not state["ran"], where, "text became markup or ran")
        try:
            self.driver.switch_to.alert
            self.result.expect(False, where, "a script opened an alert")
        except NoAlertPresentException:
            pass
        self.check_console(where)
        return state

    def check_console(self, where):
        """No error in the browser's console, and no Content-Security-Policy message of any level."""
        try:
            entries = self.driver.get_log("browser")
        except WebDriverException:
            self.console = False
            return
        self.logged += len(entries)
        for entry in entries:
            message = entry.get("message", "")
            self.result.expect(entry.get("level") != "SEVERE" and "Content Security Policy" not in message
                               and "Refused to" not in message, where, f"the console says {entry.get('level')}: {message}")

    def results(self, where, site, state, entries):
        """The results shown, each linking a page the batch wrote, against those worked out from search-index.js."""
        query = state["value"]
        got = [(visible(r["title"]), within_site(r["href"], site), r["kind"]) for r in state["results"]]
        wanted = [(visible(t), p, k) for t, p, k in expected_results(entries, query)]
        self.result.expect(got == wanted, where, f"for {query!r} shows {got}, expected {wanted}")
        self.result.expect(all(path for _, path, _ in got), where, f"a result links no page the batch wrote: {state['results']}")
        self.result.expect(state["status"] == expected_status(entries, query), where,
                           f"says {state['status']!r} for {query!r}, expected {expected_status(entries, query)!r}")
        return got

    def wait_for(self, condition, where, what):
        try:
            WebDriverWait(self.driver, WAIT).until(condition)
            return True
        except WebDriverException:
            self.result.expect(False, where, f"{what} within {WAIT} s (at {self.driver.current_url})")
            return False

    def shot(self, size, file):
        height = self.driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
        set_size(self.driver, size, max(height, SIZES[size][1]))
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        file.write_bytes(base64.b64decode(shot["data"]))
        set_size(self.driver, size)


def submit_from(s, page, query, site, size):
    """Types `query` into `page`'s header search box and presses Enter; returns the search page's state."""
    where = f"a search for {query!r} sent from {page.relative_to(site).as_posix()} ({size})"
    set_size(s.driver, size)
    s.driver.get(page.resolve().as_uri())
    s.state(where)
    box = s.driver.find_element(By.CSS_SELECTOR, "header.site form.search-box input[name=q]")
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    if not s.wait_for(lambda d: urllib.parse.urlparse(d.current_url).path.endswith("/search.html"), where,
                      "the browser did not reach search.html"):
        return where, None
    url = urllib.parse.urlparse(s.driver.current_url)
    s.result.expect(within_site(s.driver.current_url, site) == "search.html", where, f"landed on {s.driver.current_url}")
    s.result.expect(urllib.parse.parse_qs(url.query).get("q") == [query], where, f"landed on {s.driver.current_url}, "
                    f"expected ?q={urllib.parse.quote_plus(query)}")
    state = s.state(where)
    s.result.expect(state["value"] == query, where, f"the search page's box holds {state['value']!r}")
    return where, state


def main():
    args = site_arguments(__doc__.splitlines()[0], "search")
    result = checks()
    with tempfile.TemporaryDirectory(prefix="verdict-search-") as scratch:
        scratch = pathlib.Path(scratch)
        site = args.site.resolve() if args.site else scratch / "site"
        if not args.site:
            make_site(args, args.source / "catalog", site)
        entries = read_index(site, result)
        tools = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (site / "tools").glob("*.json")}
        comparisons = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (site / "compare").glob("*.json")}
        hostile = hostile_catalog(args.source, scratch / "hostile-catalog")
        hostile_site = scratch / "hostile-site"
        make_site(args, scratch / "hostile-catalog", hostile_site)
        hostile_entries = read_index(hostile_site, result)

        s = session(args, result)
        try:
            # 1. From the root, on a desktop: the query lands on search.html with its results.
            where, state = submit_from(s, site / "index.html", QUERY, site, "desktop")
            if state:
                got = s.results(where, site, state, entries)
                paths = [path for _, path, _ in got]
                matching = [i for i, t in tools.items() if fold(QUERY) in fold(t["tool"]["name"])]
                compared = [c for c, d in comparisons.items() if set(matching) & {t["id"] for t in d["tools"]}]
                result.expect(matching and compared, where, f"the query should match a tool and its comparisons: {matching}, {compared}")
                for path in [f"tools/{i}.html" for i in matching] + [f"compare/{c}.html" for c in compared]:
                    result.expect(path in paths, where, f"the results lack {path}")
                s.shot("desktop", args.out / "search-results-desktop.png")
                # 2. The first result opens its page.
                if got:
                    title, path, _ = got[0]
                    s.driver.find_element(By.CSS_SELECTOR, "#results > li h2 a").click()
                    if s.wait_for(lambda d: "/search.html" not in d.current_url, where, "the first result did not open"):
                        result.expect(within_site(s.driver.current_url, site) == path, where,
                                      f"the first result {path} opened {s.driver.current_url}")
                        h1 = s.driver.find_element(By.TAG_NAME, "h1").text
                        result.expect(visible(h1) == title, where, f"the first result {title!r} opened a page titled {h1!r}")
                        s.check_console(f"{where}, its first result")
                    s.driver.back()
                    s.wait_for(lambda d: "/search.html" in d.current_url, where, "going back did not return to search.html")
                # 3. Typing more narrows the results as one types, with no submit and no navigation.
                before = s.state(where)
                url = before["url"]
                box = s.driver.find_element(By.ID, "search-query")
                box.send_keys(Keys.END)
                previous = set(r["href"] for r in before["results"])
                for key in MORE:
                    box.send_keys(key)
                    now = s.state(f"{where}, typing {MORE!r}")
                    s.results(f"{where}, typed up to {now['value']!r}", site, now, entries)
                    shown = set(r["href"] for r in now["results"])
                    result.expect(shown <= previous, where, f"typing {key!r} added results: {sorted(shown - previous)}")
                    result.expect(now["url"] == url, where, f"typing navigated to {now['url']}")
                    previous = shown
                narrowed = s.state(where)
                result.expect(narrowed["value"] == QUERY + MORE and 0 < len(narrowed["results"]) < len(before["results"]), where,
                              f"typing {MORE!r} did not narrow {len(before['results'])} results: {len(narrowed['results'])} "
                              f"for {narrowed['value']!r}")
                # 4. A query that matches nothing says so; an empty one asks for a word.
                box.send_keys(Keys.CONTROL, "a")
                box.send_keys(Keys.BACKSPACE)
                empty = s.state(where)
                s.results(f"{where}, emptied", site, empty, entries)
                box.send_keys(NOTHING)
                nothing = s.state(where)
                s.results(f"{where}, then {NOTHING!r}", site, nothing, entries)
                result.expect(not nothing["results"] and nothing["status"] == f"Nothing matches \u201c{NOTHING}\u201d.", where,
                              f"for {NOTHING!r} shows {len(nothing['results'])} results and says {nothing['status']!r}")
                s.shot("desktop", args.out / "search-nothing-desktop.png")

            # 5. From a page in a subfolder, on a phone.
            where, state = submit_from(s, site / "tools" / "claw-code.html", NESTED_QUERY, site, "phone")
            if state:
                got = s.results(where, site, state, entries)
                result.expect("tools/claw-code.html" in [path for _, path, _ in got], where, f"Claw Code is not among {got}")
                s.shot("phone", args.out / "search-results-phone.png")

            # 6. Hostile text in the results stays text.
            where, state = submit_from(s, hostile_site / "index.html", "evil", hostile_site, "desktop")
            if state:
                got = s.results(where, hostile_site, state, hostile_entries)
                result.expect(f"tools/{hostile['id']}.html" in [path for _, path, _ in got]
                              and visible(HOSTILE_NAME) in [title for title, _, _ in got], where,
                              f"the hostile tool is not shown by its name as text: {got}")
                s.shot("desktop", args.out / "search-hostile-desktop.png")
        finally:
            s.driver.quit()
    for failure in result.failures:
        print(f"check_search: {failure}", file=sys.stderr)
    console = f"{s.logged} console messages read" if s.console else "the browser's console could not be read (the policy probe still ran)"
    print(f"check_search: searches from file:// in {len(entries)} indexed pages, {console}, {len(result.failures)} problems; "
          f"screenshots in {args.out}")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
