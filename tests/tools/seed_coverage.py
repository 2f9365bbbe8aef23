#!/usr/bin/env python3
"""How much of the reference pages' reasoning our quotes carry.

tests/fixtures/seed-quotes.json lists, for each quote on the four reference
pages, the reasoning points it makes, the catalog facts a quote needs to make
each one, and words that show a quote makes it. This reviews the shipped
catalog with the real program and prints, per page, the points our quotes
express out of the points the page makes (a page is two tools, so a tool's
points count on every page it is on).

Exits 1 when a point whose facts the catalog holds is not expressed, or when
the shipped catalog lacks a fact some point needs: the catalog is meant to
hold everything the pages reason from.
"""
import argparse
import json
import pathlib
import subprocess
import sys


def values_at(document, fact):
    """The values a dotted fact name reaches, through lists: "claims.evidence" reaches every claim's evidence."""
    current = [document]
    for part in fact.split("."):
        found = []
        for value in current:
            items = value if isinstance(value, list) else [value]
            found += [item[part] for item in items if isinstance(item, dict) and part in item]
        current = found
    return current


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdict", required=True, help="the verdict program")
    parser.add_argument("--source", default=".", help="the source tree (default: the current folder)")
    args = parser.parse_args()
    source = pathlib.Path(args.source)
    seeds = json.loads((source / "tests/fixtures/seed-quotes.json").read_text(encoding="utf-8"))
    run = subprocess.run([args.verdict, "review", "--all", "--format", "json", "--catalog", str(source / "catalog")],
                         capture_output=True, text=True, check=True)
    quotes = {(t["tool"]["id"], r["persona"]): (r["quote"] or "") for t in json.loads(run.stdout) for r in t["reviews"]}

    failures = []
    expressed = {}   # (tool, seat) -> (points expressed, points)
    for entry in seeds["quotes"]:
        key = (entry["tool"], entry["seat"])
        if key not in quotes:
            failures.append(f"{entry['tool']} / {entry['seat']}: the panel has no such review")
            continue
        tool = json.loads((source / "catalog/tools" / f"{entry['tool']}.json").read_text(encoding="utf-8"))
        quote = quotes[key].lower()
        said = 0
        for point in entry["points"]:
            missing = [fact for fact in point["facts"] if not values_at(tool, fact)]
            shown = any(word.lower() in quote for word in point["says"])
            said += shown
            if missing:
                failures.append(f"{entry['tool']} / {entry['seat']}: the catalog lacks {', '.join(missing)} for \"{point['point']}\"")
            elif not shown:
                failures.append(f"{entry['tool']} / {entry['seat']}: the quote does not say \"{point['point']}\" "
                                f"(none of {point['says']})")
        expressed[key] = (said, len(entry["points"]))

    print("points expressed / points in the page")
    for page in seeds["pages"]:
        counts = [value for (tool, _), value in expressed.items() if tool in page["tools"]]
        print(f"{sum(c[0] for c in counts):3} / {sum(c[1] for c in counts):3}  {page['page']}")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
