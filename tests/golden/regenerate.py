#!/usr/bin/env python3
"""Regenerates the golden pages in tests/golden/ from the shipped catalog.

Run it only on purpose, after a change to the pages that you have looked at:
    python3 tests/golden/regenerate.py --verdict build/bin/verdict
then read `git diff tests/golden` before committing. The golden test
(tests/reports/test_golden_pages.cpp) fails whenever verdict's pages stop
matching these files byte for byte.
"""
import argparse
import json
import pathlib
import subprocess
import sys

FORMATS = {"text": "txt", "html": "html", "md": "md", "json": "json"}
TOOL_PAGE_FORMATS = ("html", "md")


def write(verdict, source, args, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([verdict, *args, "-o", str(target)], cwd=source, check=True)


def json_of(verdict, source, args):
    return json.loads(subprocess.run([verdict, *args], cwd=source, check=True, capture_output=True, text=True).stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verdict", required=True, help="the built verdict program")
    args = parser.parse_args()
    verdict = str(pathlib.Path(args.verdict).resolve())
    source = pathlib.Path(__file__).resolve().parents[2]
    golden = source / "tests/golden"
    index = json_of(verdict, source, ["index", "--format", "json"])
    for category in index["categories"]:
        listing = json_of(verdict, source, ["index", "--category", category["slug"], "--format", "json"])
        for entry in listing["comparisons"]:
            left, right = entry["tools"][0]["id"], entry["tools"][1]["id"]
            for fmt, ext in FORMATS.items():
                write(verdict, source, ["compare", left, right, "--format", fmt], golden / "compare" / f"{entry['slug']}.{ext}")
        for tool in listing["tools"]:
            for fmt in TOOL_PAGE_FORMATS:
                write(verdict, source, ["review", tool["id"], "--format", fmt], golden / "tools" / f"{tool['id']}.{FORMATS[fmt]}")
        for fmt, ext in FORMATS.items():
            write(verdict, source, ["index", "--category", category["slug"], "--format", fmt], golden / "category" / f"{category['slug']}.{ext}")
    for fmt, ext in FORMATS.items():
        write(verdict, source, ["index", "--format", fmt], golden / f"index.{ext}")
    print(f"golden pages written to {golden.relative_to(source)}; review them with git diff before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
