#!/usr/bin/env python3
"""Times verdict batch against Hugo on the same pages.

For each size it generates a catalog (bench/generate-catalog), then runs, one
after the other on this machine:
  - verdict batch --formats html into an empty folder (the full HTML batch);
  - bench/write-floor writing the same files into an empty folder with the batch's own
    atomic writer on as many threads, and nothing else (the write floor);
  - verdict batch with html, md and json into an empty folder;
  - the same again with nothing changed (the no-op rebuild);
  - the same after changing one tool's tagline (the one-tool change);
  - hugo building the batch's Markdown folder, as it is, as the content of
    a site (the minimal site of tests/hugo/site/), then building it again
    with nothing changed.
It prints each time, pages per second and peak memory (the largest resident
set of the process, as bench/peak-rss takes it), and the ratios the README
states.

Usage: python3 bench/batch_benchmarks.py [--build build] [--sizes 10000,50000] [--work DIR]
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOOLS_PER_PAGE = 0.55   # the generator makes about 1.8 comparison pairs per tool


def measure_rss(command, cwd=None):
    """Runs `command`; returns (seconds, its peak resident set in MB, what it printed). The peak is taken by
    bench/peak-rss, since a process forked from here would count this script's memory as its own."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        if cwd:
            os.chdir(cwd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        log = os.open(str(LOG), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(log, 1)
        os.dup2(devnull, 2)
        os.execv(str(PEAK_RSS), [str(PEAK_RSS), str(PEAK_REPORT)] + [str(c) for c in command])
    _, status, _ = os.wait4(pid, 0)
    seconds = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command[0]} failed with status {os.waitstatus_to_exitcode(status)}:\n{LOG.read_text()}")
    return seconds, int(PEAK_REPORT.read_text()) / 1024, LOG.read_text()


def written(summary):
    found = re.search(r"(\d+) written, (\d+) unchanged", summary)
    return int(found.group(1)) if found else -1


def pages_in(site):
    """The pages a batch wrote into `site`: every file but its state and lock (in the hidden folder .verdict)."""
    return sum(1 for f in site.rglob("*") if f.is_file() and not any(part.startswith(".") for part in f.relative_to(site).parts))


def other_formats(folder, names):
    """For shutil.copytree: the names in `folder` that are neither Markdown pages nor folders."""
    return [name for name in names if not name.endswith(".md") and not (pathlib.Path(folder) / name).is_dir()]


def category_pages_showing(catalog, tool_id, pairs):
    """How many category pages list `tool_id` or one of its comparisons, in one format."""
    category = lambda t: json.loads((catalog / "tools" / f"{t}.json").read_text())["category"]
    return len({category(tool_id)} | {category(b if a == tool_id else a) for a, b in pairs if tool_id in (a, b)})


def run_size(args, pages_wanted, work):
    tools = max(50, int(pages_wanted * TOOLS_PER_PAGE))
    catalog = work / "catalog"
    subprocess.run([args.build / "bench/generate-catalog", "--tools", str(tools), "--categories", "40", "--seed", "11",
                    "--out", catalog, "--panel", args.source / "catalog/panel.json", "--force"], check=True, stdout=subprocess.DEVNULL)
    pairs = json.loads((catalog / "comparisons.json").read_text())["pairs"]
    verdict = args.build / "bin/verdict"
    result = {"tools": tools, "comparisons": len(pairs)}

    seconds, rss, out = measure_rss([verdict, "batch", "--catalog", catalog, "--out", work / "html", "--formats", "html", "-q"])
    result["html"] = {"seconds": seconds, "rss_mb": rss, "pages": pages_in(work / "html")}
    # The floor: the same files, written by the same atomic writer on as many threads, with no engine work at all.
    _, _, out = measure_rss([args.build / "bench/write-floor", "--from", work / "html", "--to", work / "floor"])
    result["floor"] = {"seconds": float(re.search(r"([0-9.]+) s", out).group(1))}
    shutil.rmtree(work / "floor")
    seconds, rss, out = measure_rss([verdict, "batch", "--catalog", catalog, "--out", work / "all", "-q"])
    result["all"] = {"seconds": seconds, "rss_mb": rss, "pages": pages_in(work / "all")}
    seconds, rss, out = measure_rss([verdict, "batch", "--catalog", catalog, "--out", work / "all", "-q"])
    result["noop"] = {"seconds": seconds, "rss_mb": rss, "written": written(out)}

    changed = pairs[len(pairs) // 2][0]
    tool_file = catalog / "tools" / f"{changed}.json"
    document = json.loads(tool_file.read_text())
    document["tagline"] += " (revised)"
    tool_file.write_text(json.dumps(document, indent=2) + "\n")
    # Its comparisons, its tool page and the category pages listing it, in three formats; a tagline shows on fewer.
    its_pages = 3 * (sum(changed in pair for pair in pairs) + 1 + category_pages_showing(catalog, changed, pairs))
    seconds, rss, out = measure_rss([verdict, "batch", "--catalog", catalog, "--out", work / "all", "-q"])
    result["one_tool"] = {"seconds": seconds, "rss_mb": rss, "written": written(out), "expected": its_pages}

    site = work / "hugo"
    shutil.copytree(args.source / "tests/hugo/site", site)
    # The batch's Markdown pages where the batch put them: its folder is the site's content folder, less the files of the
    # other formats, which Hugo would read as pages and files of its own.
    shutil.copytree(work / "all", site / "content", ignore=other_formats)
    hugo = [args.hugo, "--source", site, "--destination", site / "public", "--quiet"]
    seconds, rss, _ = measure_rss(hugo)
    result["hugo"] = {"seconds": seconds, "rss_mb": rss, "pages": result["html"]["pages"]}
    seconds, rss, _ = measure_rss(hugo)
    result["hugo_rebuild"] = {"seconds": seconds, "rss_mb": rss}
    return result


def report(size, r):
    html_rate = r["html"]["pages"] / r["html"]["seconds"]
    hugo_rate = r["hugo"]["pages"] / r["hugo"]["seconds"]
    lines = [
        f"## about {size} comparison pages: {r['comparisons']} comparisons, {r['tools']} tools",
        f"verdict, HTML only:            {r['html']['seconds']:7.2f} s  {html_rate:8.0f} pages/s  peak {r['html']['rss_mb']:6.0f} MB",
        f"write floor, same HTML files:  {r['floor']['seconds']:7.2f} s  (the batch's writer, as many threads, nothing else)",
        f"verdict, html+md+json:         {r['all']['seconds']:7.2f} s  {r['all']['pages'] / r['all']['seconds']:8.0f} pages/s  peak {r['all']['rss_mb']:6.0f} MB",
        f"verdict, no-op rebuild:        {r['noop']['seconds']:7.2f} s  ({r['noop']['written']} files written)  peak {r['noop']['rss_mb']:6.0f} MB",
        f"verdict, one tool changed:     {r['one_tool']['seconds']:7.2f} s  ({r['one_tool']['written']} files written, its pages: {r['one_tool']['expected']})  "
        f"peak {r['one_tool']['rss_mb']:6.0f} MB",
        f"hugo, Markdown as a site:      {r['hugo']['seconds']:7.2f} s  {hugo_rate:8.0f} pages/s  peak {r['hugo']['rss_mb']:6.0f} MB",
        f"hugo, rebuild, nothing changed:{r['hugo_rebuild']['seconds']:7.2f} s",
        f"ratios: HTML pages/s vs hugo {html_rate / hugo_rate:.1f}x (target >= 4); all three formats {r['hugo']['seconds'] / r['all']['seconds']:.1f}x faster than hugo's HTML (target > 1);",
        f"        no-op vs hugo rebuild {r['hugo_rebuild']['seconds'] / r['noop']['seconds']:.1f}x (target >= 20); peak memory {r['all']['rss_mb'] / r['hugo']['rss_mb']:.3f} of hugo's (target <= 0.1);",
        f"        HTML batch vs its write floor {r['html']['seconds'] / r['floor']['seconds']:.2f}x (target <= 1.5)",
    ]
    print("\n".join(lines), flush=True)


def report_growth(small, large, r, s):
    """How the costs grow from the smallest size measured to the largest: what should stay flat."""
    print("\n".join([
        f"## from {small} to {large} comparison pages",
        f"peak memory, all formats: {r['all']['rss_mb']:.0f} MB -> {s['all']['rss_mb']:.0f} MB, {s['all']['rss_mb'] / r['all']['rss_mb']:.2f}x (target <= 1.3)",
        f"one tool changed: {r['one_tool']['seconds']:.2f} s -> {s['one_tool']['seconds']:.2f} s, {s['one_tool']['seconds'] / r['one_tool']['seconds']:.2f}x (target <= 1.5); "
        f"{s['one_tool']['seconds'] - s['noop']['seconds']:+.2f} s against the no-op at {large} (target <= +0.15 s)",
    ]), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=pathlib.Path, default=pathlib.Path("build"))
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--hugo", default="hugo")
    parser.add_argument("--work", type=pathlib.Path, help="where to generate (default: a temporary folder, removed after)")
    args = parser.parse_args()
    args.source = pathlib.Path(__file__).resolve().parents[1]
    args.build = args.build.resolve()
    global LOG, PEAK_RSS, PEAK_REPORT
    PEAK_RSS = args.build / "bench/peak-rss"
    with tempfile.TemporaryDirectory(prefix="verdict-bench-") as temp:
        root = args.work.resolve() if args.work else pathlib.Path(temp)
        LOG = pathlib.Path(temp) / "run.log"
        PEAK_REPORT = pathlib.Path(temp) / "peak-rss"
        results = {}
        for size in [int(s) for s in args.sizes.split(",")]:
            work = root / f"pages-{size}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            results[size] = run_size(args, size, work)
            report(size, results[size])
        if len(results) > 1:
            small, large = min(results), max(results)
            report_growth(small, large, results[small], results[large])
    return 0


LOG = None
PEAK_RSS = None
PEAK_REPORT = None

if __name__ == "__main__":
    sys.exit(main())
