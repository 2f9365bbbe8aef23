#!/usr/bin/env python3
"""What containment costs: every persona reviewing in supervised worker
processes (--isolation process, the default) against the same run with every
persona in the verdict process (--isolation none), side by side.

Two workloads, each with the five stock plugins as seats and with their five
Lua twins as seats:
  - verdict review --all --format json over a generated 10,000-tool catalog;
  - verdict batch --formats html into an empty folder over the batch
    benchmark's 50k catalog (27,500 tools, 50,547 comparisons).
Each is run --runs times per isolation, alternating, and the median wall time
is kept; the two isolations' outputs are checked byte for byte.

Usage: python3 bench/isolation_benchmarks.py [--build build] [--runs 3] [--work DIR]
"""
import argparse
import hashlib
import json
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def generate(build, source, tools, seed, out):
    subprocess.run([build / "bench/generate-catalog", "--tools", str(tools), "--categories", "40", "--seed", str(seed), "--out", out,
                    "--panel", source / "catalog/panel.json", "--force"], check=True, stdout=subprocess.DEVNULL)


def with_scripts(catalog, source, out):
    """A copy of `catalog` whose seats are the stock personas' Lua twins."""
    shutil.copytree(catalog, out)
    panel = json.loads((out / "panel.json").read_text())
    for seat in panel["seats"]:
        seat["script"] = str(source / "scripts" / (seat.pop("plugin") + ".lua"))
    (out / "panel.json").write_text(json.dumps(panel, indent=2))
    return out


def timed(command):
    start = time.monotonic()
    done = subprocess.run([str(c) for c in command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stderr.decode()}")
    return seconds, done.stdout


def folder_digest(folder):
    h = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".verdict-")):
        h.update(str(f.relative_to(folder)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def compare(name, runs, make_command):
    """Median seconds per isolation, the runs alternating; exits when the isolations' outputs differ."""
    times = {"none": [], "process": []}
    digests = {}
    for _ in range(runs):
        for isolation in ("none", "process"):
            seconds, digest = make_command(isolation)
            times[isolation].append(seconds)
            digests.setdefault(isolation, digest)
    if digests["none"] != digests["process"]:
        sys.exit(f"{name}: the outputs of --isolation none and process differ")
    medians = {k: statistics.median(v) for k, v in times.items()}
    print(f"{name:46} in process {medians['none']:6.2f} s   workers {medians['process']:6.2f} s   "
          f"workers / in process {medians['process'] / medians['none']:.3f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=pathlib.Path, default=pathlib.Path("build"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=pathlib.Path)
    args = parser.parse_args()
    args.build = args.build.resolve()
    source = pathlib.Path(__file__).resolve().parent.parent
    work = args.work or pathlib.Path(tempfile.mkdtemp(prefix="verdict-isolation-"))
    verdict = args.build / "bin/verdict"
    try:
        generate(args.build, source, 10000, 1, work / "review-plugins")
        generate(args.build, source, 27500, 11, work / "batch-plugins")
        catalogs = {
            "review": {"plugin seats": work / "review-plugins", "Lua seats": with_scripts(work / "review-plugins", source, work / "review-scripts")},
            "batch": {"plugin seats": work / "batch-plugins", "Lua seats": with_scripts(work / "batch-plugins", source, work / "batch-scripts")},
        }
        for seats, catalog in catalogs["review"].items():
            def review(isolation, catalog=catalog):
                seconds, out = timed([verdict, "review", "--all", "--format", "json", "--catalog", catalog, "--isolation", isolation])
                return seconds, hashlib.sha256(out).hexdigest()
            compare(f"review --all --format json, 10,000 tools, {seats}", args.runs, review)
        for seats, catalog in catalogs["batch"].items():
            def batch(isolation, catalog=catalog):
                site = work / "site"
                shutil.rmtree(site, ignore_errors=True)
                seconds, _ = timed([verdict, "batch", "--catalog", catalog, "--out", site, "--formats", "html", "-q", "--isolation", isolation])
                return seconds, folder_digest(site)
            compare(f"batch, HTML, 50,547 comparisons, {seats}", args.runs, batch)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
