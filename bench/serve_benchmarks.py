#!/usr/bin/env python3
"""Times `verdict serve` on a generated catalog, on loopback only.

It generates a catalog of --tools tools (bench/generate-catalog, 40
categories), starts `verdict serve --port 0` on it, and measures:
  - the first page: from starting the program to the first comparison page
    answered (the server reviews every tool before it answers);
  - 50 concurrent clients (bench/serve-load), each on one kept connection,
    requesting comparison pages for 10 s, then the same for tool pages:
    throughput and latency percentiles of whole responses;
  - a one-tool change: the time the server's reload line gives after one
    tool's tagline is rewritten, and the peak memory of the server.
It prints one JSON object per measurement and a table for the README.

Usage: python3 bench/serve_benchmarks.py [--build build] [--tools 10000] [--clients 50] [--seconds 10] [--work DIR]
"""
import argparse
import json
import pathlib
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

SERVING = re.compile(r"serving .* at http://127\.0\.0\.1:(\d+)/")
RELOAD = re.compile(r"^reload: .*: re-reviewed (.*) in ([\d.]+) (ms|s)")


def fetch_json(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=30) as response:
        return json.load(response)


def first_pair_slug(catalog):
    pairs = json.loads((catalog / "comparisons.json").read_text())["pairs"]
    return f"{pairs[0][0]}-vs-{pairs[0][1]}"


def start_server(verdict, catalog):
    """Starts the server; returns it, its port, and the seconds from start to the first comparison page answered."""
    started = time.monotonic()
    server = subprocess.Popen([str(verdict), "serve", "--catalog", str(catalog), "--port", "0"], stdout=subprocess.PIPE, text=True)
    port = None
    for line in server.stdout:
        found = SERVING.search(line)
        if found:
            port = int(found.group(1))
            break
    if port is None:
        sys.exit("verdict serve stopped before it served")
    url = f"http://127.0.0.1:{port}/compare/{first_pair_slug(catalog)}.html"
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    return server, port, time.monotonic() - started


def site_paths(port):
    """Every comparison page's and tool page's path, from the index's and the categories' JSON."""
    comparisons, tools = set(), set()
    for category in fetch_json(port, "index.json")["categories"]:
        page = fetch_json(port, category["page"])
        comparisons.update("/" + c["page"].replace(".json", ".html") for c in page["comparisons"])
        tools.update("/" + t["page"].replace(".json", ".html") for t in page["tools"])
    return sorted(comparisons), sorted(tools)


def load(build, port, paths, work, name, clients, seconds):
    listed = work / f"{name}.txt"
    listed.write_text("\n".join(paths) + "\n")
    result = subprocess.run([str(build / "bench/serve-load"), "--port", str(port), "--paths", str(listed), "--clients", str(clients),
                             "--seconds", str(seconds)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"serve-load failed on {name}: {result.stdout}{result.stderr}")
    return json.loads(result.stdout)


def one_tool_change(server, catalog):
    tool = sorted((catalog / "tools").glob("*.json"))[len(list((catalog / "tools").glob("*.json"))) // 2]
    data = json.loads(tool.read_text())
    data["tagline"] = data.get("tagline", "") + " (changed)"
    tool.write_text(json.dumps(data, indent=2))
    for line in server.stdout:
        found = RELOAD.search(line)
        if found:
            value = float(found.group(2))
            return found.group(1), value / 1000 if found.group(3) == "ms" else value
    sys.exit("verdict serve stopped before it reloaded")


def peak_rss_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=pathlib.Path, default=pathlib.Path("build"))
    parser.add_argument("--tools", type=int, default=10000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--work", type=pathlib.Path)
    args = parser.parse_args()
    build = args.build.resolve()
    with tempfile.TemporaryDirectory(dir=args.work) as scratch:
        work = pathlib.Path(scratch)
        catalog = work / "catalog"
        subprocess.run([build / "bench/generate-catalog", "--tools", str(args.tools), "--categories", "40", "--seed", "11", "--out", catalog,
                        "--panel", pathlib.Path(__file__).resolve().parent.parent / "catalog/panel.json"], check=True, stdout=subprocess.DEVNULL)
        server, port, first = start_server(build / "bin/verdict", catalog)
        try:
            comparisons, tools = site_paths(port)
            results = {"tools": args.tools, "comparisons": len(comparisons), "first_page_s": round(first, 2)}
            results["comparison_pages"] = load(build, port, comparisons, work, "comparisons", args.clients, args.seconds)
            results["tool_pages"] = load(build, port, tools, work, "tools", args.clients, args.seconds)
            what, seconds = one_tool_change(server, catalog)
            results["one_tool_change"] = {"re_reviewed": what, "seconds": round(seconds, 3)}
            results["peak_rss_mb"] = round(peak_rss_mb(server.pid))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    print(json.dumps(results, indent=2))
    print(f"\n| {args.tools:,} tools, {results['comparisons']:,} comparisons | requests/s | p50 | p99 |")
    print("|---|---|---|---|")
    for name, key in (("comparison pages", "comparison_pages"), ("tool pages", "tool_pages")):
        r = results[key]
        print(f"| {name}, {r['clients']} clients, {r['seconds']:.0f} s | {r['per_second']:,.0f} | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms |")
    print(f"\nfirst page {results['first_page_s']} s after start; one-tool change re-reviewed in "
          f"{results['one_tool_change']['seconds'] * 1000:.0f} ms; peak memory {results['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
