#!/usr/bin/env python3
"""The HTML pages checked by axe-core, the accessibility engine, in a real browser.

check_pages.py checks what we thought of (headings, text alternatives, a
contrast estimate); axe-core checks the pages against the WCAG rules a
maintained engine knows, on the DOM and styles Chromium actually rendered, so
it catches what we did not think of. This makes the site of the shipped catalog
with the real verdict program (`verdict batch`), then makes it again under a
rule set that flips verdicts, so that the pages show what changed, takes one
page of each kind
(every page at the site's root, such as index.html and search.html, and the
first page of each of its folders: category/, compare/, tools/) plus the
comparison page with the most content, and runs axe on each at a phone and a
desktop size, in the light and the dark colour scheme (the pages may style
either, and contrast must hold in both).

Fails (exit 1) on any violation whose impact is serious or critical, printing
each; lesser ones are counted and kept in the JSON report, every violation of
every run, saved in --out. --page checks the given HTML files instead of the
site, which is how a known-bad page shows the check can fail.
"""

import argparse
import collections
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

# Importing check_pages would otherwise leave its bytecode in the source tree.
sys.dont_write_bytecode = True
from check_pages import soften_the_skeptic, start_browser  # noqa: E402

# Width, height and whether the browser presents itself as a phone (so the pages' viewport meta applies).
SIZES = {"phone": (390, 844, True), "desktop": (1280, 900, False)}
SCHEMES = ("light", "dark")
FAILING_IMPACTS = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")
TARGETS_SHOWN = 3

# Runs in the page after axe is injected. The page's Content-Security-Policy forbids every script, and
# WebDriver's scripts are exempt from it, which is what lets axe run at all; a CSP violation reported while axe
# runs would mean some of its work was blocked, so the run counts them and the check fails on any. Only rule ids
# of passes and incomplete results come back: the violations are what the report keeps.
RUN_AXE = r"""
const done = arguments[arguments.length - 1];
const blocked = [];
document.addEventListener('securitypolicyviolation', e => blocked.push(e.violatedDirective + ' ' + e.blockedURI));
if (typeof window.axe !== 'object') { done({error: 'axe was not injected into the page'}); return; }
window.axe.run(document, {resultTypes: ['violations']}).then(r => done({
  version: r.testEngine.version,
  dark: matchMedia('(prefers-color-scheme: dark)').matches,
  width: screen.width,
  blocked: blocked,
  violations: r.violations,
  passes: r.passes.map(p => p.id),
  incomplete: r.incomplete.map(p => p.id),
}), e => done({error: String(e && e.stack || e)}));
"""


def run_batch(verdict, catalog, site, scratch):
    command = [str(verdict.resolve()), "batch", "--catalog", str(catalog), "--out", str(site), "--formats", "html", "--quiet"]
    result = subprocess.run(command, cwd=scratch, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"check_accessibility: {' '.join(command)} exited {result.returncode}:\n{result.stdout}{result.stderr}")


def site_pages(verdict, source, scratch):
    """One page of each kind the batch writes, plus the largest comparison page, as (name, file), in a site whose
    pages show what changed under a new rule set."""
    site = scratch / "site"
    catalog = scratch / "catalog"
    shutil.copytree(source / "catalog", catalog)
    run_batch(verdict, catalog, site, scratch)
    soften_the_skeptic(catalog)
    run_batch(verdict, catalog, site, scratch)
    files = sorted(site.glob("*.html"))
    for folder in sorted(p for p in site.iterdir() if p.is_dir()):
        files += sorted(folder.glob("*.html"))[:1]
    comparisons = sorted((site / "compare").glob("*.html"))
    if comparisons:
        files.append(max(comparisons, key=lambda f: f.stat().st_size))
    if not any(f.name == "index.html" for f in files) or not comparisons:
        sys.exit(f"check_accessibility: the batch wrote no index or no comparison page in {site}")
    if not any("What changed" in f.read_text(encoding="utf-8") for f in files):
        sys.exit("check_accessibility: no page checked shows what changed under the new rule set")
    return [(f.relative_to(site).as_posix(), f) for f in dict.fromkeys(files)]


def where(page, size, scheme):
    return f"{page} at {size} ({SIZES[size][0]}x{SIZES[size][1]}), {scheme}"


def audit(driver, axe_source, name, file, size, scheme):
    """axe's results for one page at one size in one colour scheme."""
    width, height, mobile = SIZES[size]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1,
                                                                  "mobile": mobile, "screenWidth": width, "screenHeight": height})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get(file.resolve().as_uri())
    driver.execute_script(axe_source)
    result = driver.execute_async_script(RUN_AXE)
    at = where(name, size, scheme)
    if "error" in result:
        sys.exit(f"check_accessibility: {at}: axe failed: {result['error']}")
    # A run that silently kept the light scheme or the desktop width would pass without testing what it says.
    if result["dark"] != (scheme == "dark") or result["width"] != width:
        sys.exit(f"check_accessibility: {at}: the emulation did not take (dark {result['dark']}, screen {result['width']} px)")
    return result


def targets(node):
    """A node's selector: a list of selectors, outermost first, when it is inside a frame or a shadow root."""
    return " >>> ".join(t if isinstance(t, str) else " >>> ".join(t) for t in node["target"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdict", type=pathlib.Path, help="the built verdict program")
    parser.add_argument("--source", type=pathlib.Path, help="the source tree, holding catalog/")
    parser.add_argument("--axe", required=True, type=pathlib.Path, help="axe-core's axe.min.js")
    parser.add_argument("--out", required=True, type=pathlib.Path, help="where the JSON report goes")
    parser.add_argument("--chromium", required=True, help="the Chromium browser")
    parser.add_argument("--chromedriver", required=True, help="the ChromeDriver matching it")
    parser.add_argument("--page", action="append", type=pathlib.Path, default=[],
                        help="check this HTML file instead of the site (repeatable)")
    args = parser.parse_args()
    if not args.page and not (args.verdict and args.source):
        parser.error("--verdict and --source are needed unless --page is given")
    args.out.mkdir(parents=True, exist_ok=True)
    axe_source = args.axe.read_text(encoding="utf-8")

    runs, failures = [], []
    with tempfile.TemporaryDirectory(prefix="verdict-axe-") as scratch:
        pages = [(p.name, p) for p in args.page] or site_pages(args.verdict, args.source, pathlib.Path(scratch))
        driver = start_browser(args)
        try:
            driver.set_script_timeout(120)
            for name, file in pages:
                for size in SIZES:
                    for scheme in SCHEMES:
                        result = audit(driver, axe_source, name, file, size, scheme)
                        runs.append({"page": name, "size": size, "viewport": SIZES[size][:2], "scheme": scheme, **result})
        finally:
            driver.quit()

    for run in runs:
        at = where(run["page"], run["size"], run["scheme"])
        if run["blocked"]:
            failures.append(f"{at}: the page's Content-Security-Policy blocked part of axe's run: {run['blocked']}")
        for rule in run["violations"]:
            if rule["impact"] in FAILING_IMPACTS:
                shown = "; ".join(targets(n) for n in rule["nodes"][:TARGETS_SHOWN])
                more = f" and {len(rule['nodes']) - TARGETS_SHOWN} more" if len(rule["nodes"]) > TARGETS_SHOWN else ""
                failures.append(f"{at}: {rule['id']} ({rule['impact']}): {rule['help']} at {shown}{more}")

    report = args.out / "accessibility.json"
    report.write_text(json.dumps({
        "axe": runs[0]["version"],
        "runs": [{key: run[key] for key in ("page", "size", "viewport", "scheme", "violations", "incomplete", "blocked")}
                 for run in runs],
    }, indent=2), encoding="utf-8")

    for failure in failures:
        print(f"check_accessibility: {failure}", file=sys.stderr)
    by_page = collections.defaultdict(list)
    for run in runs:
        by_page[run["page"]].append(run)
    for name, page_runs in by_page.items():
        passed = set.intersection(*(set(r["passes"]) for r in page_runs))
        review = set.union(*(set(r["incomplete"]) for r in page_runs))
        # A rule violated in any of the page's runs counts once, under its impact.
        violated = {(v["id"], v["impact"]) for r in page_runs for v in r["violations"]}
        counts = ", ".join(f"{sum(1 for _, i in violated if i == impact)} {impact}" for impact in IMPACTS)
        print(f"check_accessibility: {name}: {len(page_runs)} runs, {len(passed)} rules passed in every run, "
              f"undecided by axe: {', '.join(sorted(review)) or 'none'}; rules violated: {counts}")
    print(f"check_accessibility: axe {runs[0]['version']}, {len(runs)} runs ({len(by_page)} pages x {len(SIZES)} sizes x "
          f"{len(SCHEMES)} schemes), {len(failures)} serious or critical problems; report in {report}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
