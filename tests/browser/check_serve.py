#!/usr/bin/env python3
"""`verdict serve`, the live preview, in a real browser.

Copies the shipped catalog into a temporary folder, seats its skeptic as a Lua
script (a copy of the stock twin, inside that folder), starts `verdict serve
--port 0` on it and opens a comparison page in headless Chromium. Then, the
test never reloading a page itself, each edit must show in the browser within
2 s, the page reloading by itself (a marker the test leaves in the page is
gone):

* a tool fact that flips a seat's verdict, saved as an editor does (a temporary
  file renamed over the tool's file), then undone by a rewrite in place: each
  tool's panel ship % is the one `verdict compare` gives for the catalog as it
  now is, and differs from the one before;
* the seated Lua script's threshold raised so that the seat now skips one of
  the two tools, then put back: the same;
* a JSON syntax error in a tool file: an overlay (aside#verdict-problems,
  role=alert) over the last good page names the file as the server shows it,
  with its line; fixing the file removes it, and the page is the good one,
  neither change reloading it (its content did not change);
* a page the edit does not reach, open in a second window, does not reload
  (its marker is still there 1.5 s later) while the comparison page does; an
  edit that does reach it reloads it.

Last, the persona lab (/lab/?seat=skeptic): its seat picker lists every seat;
the Score heading sorts the rows by score, ascending then descending; once the
catalog folder is a git repository with a commit, the lab has an "At HEAD"
column, and a fact edit that flips the seat on a tool reloads the lab with that
tool's row marked as a flip. The browser's console shows no error on any of
these pages, and a probe installed before any page script sees no
Content-Security-Policy violation. SIGINT stops the server, exit 0.
"""

import argparse
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

# Importing check_pages would otherwise leave its bytecode in the source tree.
sys.dont_write_bytecode = True
from check_pages import CSP_PROBE, checks, start_browser  # noqa: E402

LEFT, RIGHT = "claw-code", "modal-gpu-serverless-inference"   # the comparison page watched
QUIET = "llama-4-compact-12b"     # a tool whose page shows nothing of LEFT
SEAT = "skeptic"                  # the seat played by a Lua script
SCRIPT = "seats/skeptic.lua"      # where, relative to panel.json
HEAD_WAIT = 10        # seconds for the lab to show HEAD's column once HEAD is reviewed in the background
LIVE_WAIT = 2.0                   # seconds an edit may take to show in the browser
QUIET_WAIT = 1.5                  # seconds a page the edit does not reach is watched for a reload
START_WAIT = 20.0                 # seconds the server may take to say where it serves
GIT_USER = ["-c", "user.name=verdict check_serve", "-c", "user.email=check-serve@example.invalid",
            "-c", "commit.gpgsign=false"]

# Runs in any served page: what the test needs to see of it.
PAGE_STATE = r"""
const figures = {};
for (const d of document.querySelectorAll('section.verdict dl.verdict-tools > div')) {
  const name = d.querySelector('dt'), figure = d.querySelector('.figure');
  if (name && figure) figures[name.innerText.trim()] = figure.innerText.trim();
}
const box = document.getElementById('verdict-problems');
let overlay = null;
if (box) {
  const r = box.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const text = (li, css) => { const e = li.querySelector(css); return e ? e.textContent : null; };
  overlay = {
    role: box.getAttribute('role'),
    on_top: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight + 1 && box.contains(hit),
    problems: [...box.querySelectorAll('li')].map(li => ({
      file: text(li, 'code.problem-file'), where: text(li, 'span.problem-where'), message: text(li, 'span.problem-message')})),
  };
}
const table = document.getElementById('lab-table');
return {
  url: location.pathname + location.search,
  ready: document.readyState,
  marker: window.__marker === 1,
  live: !!document.querySelector('meta[name="verdict-live"]')
    && [...document.scripts].some(s => new URL(s.src || 'x:', location.href).pathname === '/_verdict/live.js'),
  h1: (document.querySelector('h1') || {}).innerText || '',
  figures: figures,
  overlay: overlay,
  probe: window.__verdict_probe === true,
  blocked: window.__verdict_csp || [],
  lab: table ? {
    headings: [...table.querySelectorAll('thead th')].map(th => ({
      text: th.innerText.trim(), sort: th.getAttribute('aria-sort')})),
    rows: [...table.tBodies[0].rows].map(row => ({
      id: (row.querySelector('th a') || {href: ''}).href.replace(/^.*\/tools\/|\.html$/g, ''),
      flip: row.classList.contains('flip'),
      keys: [...row.children].map(c => c.getAttribute('data-key')),
      texts: [...row.children].map(c => c.innerText.trim())})),
    seats: [...document.querySelectorAll('select#lab-seat option')].map(o => [o.value, o.selected]),
  } : null,
};
"""


class failed(Exception):
    """A step that cannot go on: its message says what was expected and what was seen."""


class server:
    """`verdict serve --port 0` on a catalog, its output collected as it comes."""

    def __init__(self, verdict, cwd, catalog):
        self.lines, self.errors = [], []
        self.process = subprocess.Popen([str(verdict), "serve", "--catalog", catalog, "--port", "0"], cwd=cwd,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for stream, into in ((self.process.stdout, self.lines), (self.process.stderr, self.errors)):
            threading.Thread(target=lambda s=stream, i=into: [i.append(line.rstrip("\n")) for line in s], daemon=True).start()
        deadline = time.monotonic() + START_WAIT
        while not (match := self.find(r"serving .* at (http://127\.0\.0\.1:(\d+)/) \(persona lab: ")):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise failed(f"verdict serve did not say where it serves (exit {self.process.poll()}):\n" + self.output())
            time.sleep(0.05)
        self.url = match.group(1)

    def find(self, pattern, start=0):
        for line in self.lines[start:]:
            if match := re.search(pattern, line):
                return match
        return None

    def output(self):
        return "\n".join(self.lines + self.errors)

    def stop(self):
        """SIGINT, as Ctrl-C: the exit status, or None when it had to be killed."""
        if self.process.poll() is not None:
            return self.process.returncode
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return None


def save(path, text, how):
    """Writes `text` to `path` as an editor does: "renamed" over it from a hidden temporary file, or "in place"."""
    if how == "renamed":
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)


def tool_text(catalog, tool_id, change=None):
    """The text of a tool file, with `change` applied to its JSON."""
    tool = json.loads((catalog / "tools" / f"{tool_id}.json").read_text(encoding="utf-8"))
    if change:
        change(tool)
    return json.dumps(tool, indent=2, ensure_ascii=False) + "\n"


def legal_risk(level):
    return lambda tool: tool["risks"].__setitem__("legal", level)


def make_catalog(source, scratch):
    """The shipped catalog, copied, with SEAT played by a copy of its stock Lua twin."""
    catalog = scratch / "catalog"
    shutil.copytree(source / "catalog", catalog)
    (catalog / SCRIPT).parent.mkdir()
    shutil.copy(source / "scripts" / f"{SEAT}.lua", catalog / SCRIPT)
    panel = json.loads((catalog / "panel.json").read_text(encoding="utf-8"))
    seat = next(s for s in panel["seats"] if s["id"] == SEAT)
    seat.pop("plugin", None)
    seat["script"] = SCRIPT
    (catalog / "panel.json").write_text(json.dumps(panel, indent=2) + "\n", encoding="utf-8")
    return catalog


def expected_figures(args, scratch):
    """Each tool's panel ship % on the comparison page, by name, as `verdict compare` gives it for the catalog now."""
    command = [str(args.verdict), "compare", LEFT, RIGHT, "--catalog", "catalog", "--format", "json"]
    run = subprocess.run(command, cwd=scratch, capture_output=True, text=True)
    if run.returncode != 0:
        raise failed(f"{' '.join(command[1:])} exited {run.returncode}: {run.stderr.strip()}")
    tools = json.loads(run.stdout)["tools"]
    return {t["name"]: "—" if t["panel"]["ship_pct"] is None else f"{t['panel']['ship_pct']}%" for t in tools}


class browser:
    """Headless Chromium on the server's pages, windows by name, the console and the policy probe read as it goes."""

    def __init__(self, args, base, result):
        self.driver = start_browser(args)
        self.base, self.result = base, result
        self.windows = {"main": self.driver.current_window_handle}
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_PROBE})
        self.console_read = 0
        self.times = []

    def new_window(self, name):
        self.driver.switch_to.new_window("window")
        self.windows[name] = self.driver.current_window_handle
        self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_PROBE})

    def use(self, name):
        self.driver.switch_to.window(self.windows[name])

    def open(self, path):
        self.driver.get(self.base + path.lstrip("/"))
        state = self.state()
        if not state or not state["live"]:
            raise failed(f"{path}: the served page does not carry the live meta and /_verdict/live.js: {state}")
        return state

    def state(self):
        """The page's state, or None while it is between two documents."""
        try:
            return self.driver.execute_script(PAGE_STATE)
        except WebDriverException:
            return None

    def mark(self):
        self.driver.execute_script("window.__marker = 1")

    def wait(self, condition, seconds):
        """Polls the page's state until `condition` holds: (True, state, seconds taken) or (False, last state, ...)."""
        start = time.monotonic()
        last = None
        while True:
            state = self.state()
            if state and state["ready"] == "complete":
                last = state
                if condition(state):
                    return True, state, time.monotonic() - start
            if time.monotonic() - start > seconds:
                return False, last, time.monotonic() - start
            time.sleep(0.04)

    def live_change(self, where, change, wanted, show):
        """Marks the page, makes `change`, and waits for the page to reload by itself into a state `wanted` accepts
        (called with the state, it says whether it is the one wanted). `show`, called after the change, says what is
        wanted, for the message."""
        self.mark()
        start = time.monotonic()
        change()
        left = LIVE_WAIT - (time.monotonic() - start)
        ok, state, _ = self.wait(lambda s: not s["marker"] and wanted(s), left)
        taken = time.monotonic() - start
        if not ok:
            seen = "no page" if not state else (
                f"the page did not reload by itself (its marker is still there), showing {state['figures'] or state['h1']!r}"
                if state["marker"] else f"the page reloaded but shows {state['figures'] or state['h1']!r}")
            raise failed(f"{where}: within {LIVE_WAIT} s the page should show {show()}; after {taken:.2f} s {seen}")
        self.times.append(taken)
        self.check(where, state)
        return state

    def check(self, where, state=None):
        """No policy violation seen by the probe, and nothing wrong in the console."""
        state = state or self.state()
        if state:
            self.result.expect(state["probe"], where, "the policy probe did not run in the page")
            self.result.expect(not state["blocked"], where, f"the Content-Security-Policy blocked {state['blocked'][:3]}")
        for entry in self.driver.get_log("browser"):
            self.console_read += 1
            message = entry.get("message", "")
            self.result.expect(entry.get("level") != "SEVERE" and "Content Security Policy" not in message
                               and "Refused to" not in message, where, f"the console says {entry.get('level')}: {message}")

    def quit(self):
        self.driver.quit()


def compare_path():
    return f"/compare/{LEFT}-vs-{RIGHT}.html"


def step_open(b, args, scratch, result):
    """1. The comparison page shows each tool's panel ship %, as `verdict compare` gives them."""
    where = f"opening {compare_path()}"
    state = b.open(compare_path())
    wanted = expected_figures(args, scratch)
    if state["figures"] != wanted:
        raise failed(f"{where}: the page shows panel ship {state['figures']}, `verdict compare` gives {wanted}")
    b.check(where, state)
    return wanted


def figure_change(b, args, scratch, where, change):
    """An edit that must flip a seat: the comparison page reloads by itself into the new panel ship %."""
    before = b.state()["figures"]
    after = {}

    def edit():
        change()
        after.update(expected_figures(args, scratch))
        if after == before:
            raise failed(f"{where}: the edit flips no seat ({before} by `verdict compare` before and after); "
                         "the catalog changed under the test")

    b.live_change(where, edit, lambda s: s["figures"] == after, lambda: f"panel ship {after} (it showed {before})")
    return before, after


def step_fact_edits(b, args, scratch, catalog):
    """2. A tool fact that flips the skeptic on LEFT, saved renamed over the file, then undone in place."""
    tool = catalog / "tools" / f"{LEFT}.json"
    shown = []
    for how, level in (("renamed", "low"), ("in place", "high")):
        where = f"{LEFT}'s risks.legal set to {level!r}, the file saved {how}"
        text = tool_text(catalog, LEFT, legal_risk(level))
        shown.append(figure_change(b, args, scratch, where, lambda: save(tool, text, how)))
    return shown


def step_script_edits(b, args, scratch, catalog):
    """3. The seated Lua script's threshold raised so the seat skips RIGHT, saved renamed; then put back in place."""
    script = catalog / SCRIPT
    stock = script.read_text(encoding="utf-8")
    raised, count = re.subn(r"(\bthreshold = )50\b", r"\g<1>65", stock)
    if count != 1:
        raise failed(f"{SCRIPT}: expected one `threshold = 50` in the stock {SEAT} script's defaults, found {count}")
    shown = [figure_change(b, args, scratch, f"{SCRIPT}'s threshold raised to 65, saved renamed",
                           lambda: save(script, raised, "renamed"))]
    shown.append(figure_change(b, args, scratch, f"{SCRIPT}'s threshold put back to 50, saved in place",
                               lambda: save(script, stock, "in place")))
    return shown


def step_problem(b, catalog, result):
    """4. A JSON syntax error in a tool file shows over the last good page; fixing it removes the overlay."""
    tool = catalog / "tools" / f"{LEFT}.json"
    good = tool.read_text(encoding="utf-8")
    good_state = b.state()
    broken, count = re.subn(r'("name": )"([^"]*)"', r"\1\2", good, count=1)   # an unquoted string: not JSON
    if count != 1:
        raise failed(f"{tool.name}: no \"name\" to break")
    line = good[:re.search(r'"name": ', good).start()].count("\n") + 1
    shown_name = f"catalog/tools/{LEFT}.json"    # as the server shows it: relative to the folder it runs in
    where = f"a JSON syntax error on line {line} of {tool.name}, saved in place"

    def lists_it(state):
        return state["overlay"] and any(p["file"] == shown_name and re.match(rf" line {line}\b", p["where"] or "")
                                        for p in state["overlay"]["problems"])

    b.mark()
    start = time.monotonic()
    save(tool, broken, "in place")
    ok, state, _ = b.wait(lists_it, LIVE_WAIT)
    if not ok:
        raise failed(f"{where}: within {LIVE_WAIT} s an overlay should list {shown_name} at line {line}; the page has "
                     f"{state and state['overlay']}")
    b.times.append(time.monotonic() - start)
    overlay = state["overlay"]
    result.expect(overlay["role"] == "alert", where, f"the overlay's role is {overlay['role']!r}, expected alert")
    result.expect(overlay["on_top"], where, "the overlay is not in view over the page")
    result.expect(all(p["message"] and p["message"].strip(": ") for p in overlay["problems"]), where,
                  f"a problem has no message: {overlay['problems']}")
    result.expect(state["marker"], where, "the page reloaded, though its content did not change")
    result.expect(state["figures"] == good_state["figures"], where,
                  f"the page under the overlay shows {state['figures']}, the last good one {good_state['figures']}")
    b.check(where, state)

    where = f"{tool.name} fixed, saved renamed"
    start = time.monotonic()
    save(tool, good, "renamed")
    ok, state, _ = b.wait(lambda s: s["overlay"] is None, LIVE_WAIT)
    if not ok:
        raise failed(f"{where}: within {LIVE_WAIT} s the overlay should be gone; it still lists "
                     f"{state and state['overlay'] and state['overlay']['problems']}")
    b.times.append(time.monotonic() - start)
    result.expect(state["marker"], where, "the page reloaded, though its content did not change")
    result.expect(state["figures"] == good_state["figures"], where,
                  f"the page shows {state['figures']}, the good one {good_state['figures']}")
    b.check(where, state)
    return overlay["problems"]


def step_quiet_page(b, args, scratch, catalog, result):
    """5. A page the edit does not reach, open in a second window, keeps its marker; the comparison page reloads."""
    quiet = f"/tools/{QUIET}.html"
    b.new_window("quiet")
    b.open(quiet)
    b.mark()
    b.check(f"opening {quiet}")
    b.use("main")
    tool = catalog / "tools" / f"{LEFT}.json"
    where = f"{LEFT}'s risks.legal set to 'low' with {quiet} open in a second window"
    start = time.monotonic()
    text = tool_text(catalog, LEFT, legal_risk("low"))
    figure_change(b, args, scratch, where, lambda: save(tool, text, "renamed"))
    time.sleep(max(0.0, QUIET_WAIT - (time.monotonic() - start)))
    b.use("quiet")
    state = b.state()
    result.expect(state and state["url"] == quiet and state["marker"], where,
                  f"{quiet}, whose content did not change, reloaded within {QUIET_WAIT} s (marker gone: {state})")
    b.check(f"{where}, in {quiet}", state)
    # The control: an edit that does reach the page reloads it, so the quiet above was not a deaf page.
    tagline = f"Edited by check_serve at {time.time():.0f}"
    quiet_file = catalog / "tools" / f"{QUIET}.json"
    text = tool_text(catalog, QUIET, lambda t: t.__setitem__("tagline", tagline))
    b.live_change(f"{QUIET}'s tagline edited in place, in {quiet}", lambda: save(quiet_file, text, "in place"),
                  lambda s: s["url"] == quiet, lambda: "the new tagline")
    result.expect(tagline in b.driver.find_element(By.TAG_NAME, "body").text, quiet, "the new tagline is not shown")
    b.driver.close()
    b.use("main")


def git(catalog, *command):
    run = subprocess.run(["git", *GIT_USER, *command], cwd=catalog, capture_output=True, text=True)
    if run.returncode != 0:
        raise failed(f"git {' '.join(command)} in the temporary catalog exited {run.returncode}: {run.stderr.strip()}")


def sorted_by_score(b, where, result, direction):
    """Clicks the Score heading's button: the rows must be in `direction` order of their score keys, blanks last."""
    state = b.state()
    column = [h["text"] for h in state["lab"]["headings"]].index("Score")
    b.driver.find_elements(By.CSS_SELECTOR, "#lab-table thead th button")[column].click()
    state = b.state()
    keys = [row["keys"][column] for row in state["lab"]["rows"]]
    numbers = [float(k) for k in keys if k]
    wanted = sorted(numbers, reverse=direction == "descending")
    result.expect(numbers == wanted and keys[len(numbers):] == [""] * (len(keys) - len(numbers)), where,
                  f"after a click on Score the scores read {keys}, expected {direction}")
    result.expect(state["lab"]["headings"][column]["sort"] == direction, where,
                  f"the Score heading's aria-sort is {state['lab']['headings'][column]['sort']!r}, expected {direction}")


def step_lab(b, catalog, result):
    """6. The persona lab: seat picker, sorting by score, and, once the catalog is committed, the flips from HEAD."""
    git(catalog, "init", "-q")
    git(catalog, "add", "-A")
    git(catalog, "commit", "-q", "-m", "check_serve: the catalog as served")
    lab = f"/lab/?seat={SEAT}"
    where = f"opening {lab} with the catalog committed"
    state = b.open(lab)
    if not state["lab"]:
        raise failed(f"{where}: no #lab-table in the page")
    seats = json.loads((catalog / "panel.json").read_text(encoding="utf-8"))["seats"]
    picked = [value for value, selected in state["lab"]["seats"] if selected]
    result.expect([v for v, _ in state["lab"]["seats"]] == [s["id"] for s in seats] and picked == [SEAT], where,
                  f"select#lab-seat offers {state['lab']['seats']}, expected the panel's seats with {SEAT} chosen")
    # HEAD's catalog is reviewed in the background: until it is, the lab says so, and it reloads by itself when done.
    # The test never reloads the page, so the column showing up is the page reloading by itself (it may already have,
    # between opening it and reading it).
    if "At HEAD" not in [h["text"] for h in state["lab"]["headings"]]:
        ok, reloaded, _ = b.wait(lambda s: s["lab"] and "At HEAD" in [h["text"] for h in s["lab"]["headings"]], HEAD_WAIT)
        if ok:
            state = reloaded
    headings = [h["text"] for h in state["lab"]["headings"]]
    result.expect("At HEAD" in headings, where, f"no \"At HEAD\" column within {HEAD_WAIT} s, the lab reloading by itself once HEAD "
                                                f"was reviewed: the headings are {headings}")
    result.expect(not any(row["flip"] for row in state["lab"]["rows"]), where,
                  f"rows flip against HEAD before any edit: {[r['id'] for r in state['lab']['rows'] if r['flip']]}")
    b.check(where, state)
    sorted_by_score(b, f"{lab}, Score clicked once", result, "ascending")
    sorted_by_score(b, f"{lab}, Score clicked twice", result, "descending")
    b.check(f"{lab}, sorted")

    tool = catalog / "tools" / f"{LEFT}.json"
    before = next(row for row in state["lab"]["rows"] if row["id"] == LEFT)
    level = "high" if json.loads(tool.read_text(encoding="utf-8"))["risks"]["legal"] != "high" else "low"
    text = tool_text(catalog, LEFT, legal_risk(level))
    where = f"{LEFT}'s risks.legal set to {level!r} in place, {lab} open"
    state = b.live_change(where, lambda: save(tool, text, "in place"),
                          lambda s: s["lab"] and any(r["id"] == LEFT and r["flip"] for r in s["lab"]["rows"]),
                          lambda: f"{LEFT}'s row as a flip against HEAD")
    flips = [row for row in state["lab"]["rows"] if row["flip"]]
    result.expect([row["id"] for row in flips] == [LEFT], where, f"the rows that flip are {[r['id'] for r in flips]}, "
                  f"expected {LEFT} alone")
    head = [h["text"] for h in state["lab"]["headings"]].index("At HEAD")
    verdict_column = [h["text"] for h in state["lab"]["headings"]].index("Verdict")
    was, now = before["keys"][verdict_column], flips[0]["keys"][verdict_column] if flips else None
    result.expect(was != now and flips and flips[0]["texts"][head] == f"{was} → {now}", where,
                  f"{LEFT}'s row says {flips[0]['texts'] if flips else None}; expected {was} at HEAD, {now} now")

    # The seat picker: another seat, chosen and shown.
    other = next(s["id"] for s in seats if s["id"] != SEAT)
    b.driver.execute_script("document.getElementById('lab-seat').value = arguments[0]", other)
    b.driver.find_element(By.CSS_SELECTOR, "form[action=\"/lab/\"] button[type=submit]").click()
    ok, state, _ = b.wait(lambda s: s["url"] == f"/lab/?seat={other}" and s["h1"] == f"Persona lab: {other}", 5)
    result.expect(ok, f"{lab}, seat picker", f"choosing {other} and Show did not open its lab: {state and state['url']}")
    b.check(f"/lab/?seat={other}", state)


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdict", required=True, type=pathlib.Path, help="the built verdict program")
    parser.add_argument("--source", required=True, type=pathlib.Path, help="the source tree, holding catalog/ and scripts/")
    parser.add_argument("--chromium", required=True, help="the Chromium browser")
    parser.add_argument("--chromedriver", required=True, help="the ChromeDriver matching it")
    args = parser.parse_args()
    args.verdict, args.source = args.verdict.resolve(), args.source.resolve()
    return args


def run_steps(args, scratch, result):
    """Every step against one server and one browser; what the summary reports."""
    catalog = make_catalog(args.source, scratch)
    served = server(args.verdict, scratch, "catalog")
    b = None
    report = {}
    try:
        b = browser(args, served.url, result)
        report["first"] = step_open(b, args, scratch, result)
        report["facts"] = step_fact_edits(b, args, scratch, catalog)
        report["script"] = step_script_edits(b, args, scratch, catalog)
        report["problems"] = step_problem(b, catalog, result)
        step_quiet_page(b, args, scratch, catalog, result)
        step_lab(b, catalog, result)
    except failed as failure:
        result.expect(False, "check_serve", str(failure))
    finally:
        if b:
            report["times"], report["console"] = b.times, b.console_read
            b.quit()
        status = served.stop()
    result.expect(status == 0 and served.find(r"^verdict serve: stopped$"), "SIGINT",
                  f"verdict serve exited {status} (None: killed after 10 s), expected 0 and \"stopped\"")
    if result.failures:
        print("check_serve: the server said:\n" + served.output(), file=sys.stderr)
    report["reloads"] = sum(1 for line in served.lines if line.startswith("reload: "))
    return report


def main():
    args = arguments()
    result = checks()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="verdict-serve-") as scratch:
        try:
            report = run_steps(args, pathlib.Path(scratch), result)
        except failed as failure:
            sys.exit(f"check_serve: {failure}")
    for failure in result.failures:
        print(f"check_serve: {failure}", file=sys.stderr)
    times = report.get("times") or [0]
    shown = [after for _, after in report.get("facts", []) + report.get("script", [])]
    shown = [report["first"]] + shown if "first" in report else []
    print(f"check_serve: {len(times)} live changes shown in {min(times):.2f}-{max(times):.2f} s (limit {LIVE_WAIT} s); "
          f"panel ship of {LEFT} / {RIGHT}: {' -> '.join(' / '.join(f.values()) for f in shown) or 'not read'}; "
          f"overlay: {'; '.join(p['file'] + p['where'] for p in report.get('problems', [])) or 'not seen'}; "
          f"{report['reloads']} server reloads, {report.get('console', 0)} console messages read, "
          f"{len(result.failures)} problems, in {time.monotonic() - started:.1f} s")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
