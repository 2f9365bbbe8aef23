#!/usr/bin/env python3
"""The batch's feed of verdict changes, changes.atom, read by python3-feedparser.

Runs the real verdict program's batch on a copy of the shipped catalog, then
again under a new rule set, and checks, with readers that share no code with
verdict:

- changes.atom is a well-formed Atom feed (bozo 0) from the first run, with no
  entry while nothing has changed;
- after the rule-set change it holds one entry per change `verdict history`
  prints, newest first, each with a title naming the tool and the seat, a
  unique id, a link to the tool's page (a file the batch wrote), the change's
  data date as its updated time and the change's line as its summary;
- the tool and comparison pages' JSON, with their "changes", and
  `verdict history --format json` validate with python3-jsonschema against
  docs/schema/;
- a run with nothing changed leaves the feed as it was, and with --base-url
  the feed's id and links are addresses under it.
"""

import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import feedparser

sys.dont_write_bytecode = True   # importing the shared validator would otherwise leave bytecode in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tools"))
from validate_json import schema_validator  # noqa: E402

BASE_URL = "https://verdicts.example.com/ai/"


def run(verdict, *args):
    done = subprocess.run([str(verdict), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"verdict {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done.stdout


def parsed_feed(site):
    feed = feedparser.parse((site / "changes.atom").read_bytes())
    assert feed.bozo == 0, f"changes.atom is not well-formed Atom: {feed.get('bozo_exception')}"
    assert feed.version == "atom10", f"changes.atom reads as {feed.version!r}, not Atom 1.0"
    for field in ("id", "title", "updated"):
        assert feed.feed.get(field), f"changes.atom has no feed {field}"
    return feed


def soften_legal_risk(catalog):
    panel_file = catalog / "panel.json"
    panel = json.loads(panel_file.read_text(encoding="utf-8"))
    panel["rule_set"] = "2026.12-1"
    for seat in panel["seats"]:
        if seat["id"] == "skeptic":
            seat["settings"] = {"weights": {"legal_risk_high": -10}}
    panel_file.write_text(json.dumps(panel, indent=2), encoding="utf-8")


def recorded_changes(verdict, site, tools):
    """Every change `verdict history` prints, newest first, as (tool, change), each document validated. A run
    records its changes tool by tool in id order, each tool's seat by seat."""
    history = schema_validator(SOURCE / "docs/schema/history.schema.json")
    changes = []
    for place, tool in enumerate(tools):
        document = json.loads(run(verdict, "history", tool, "--out", str(site), "--format", "json"))
        history.validate(document)
        changes += [(entry["run"], place, position, tool, entry["change"]) for position, entry in enumerate(document["changes"])]
    changes.sort(key=lambda c: (-c[0], -c[1], -c[2]))
    return [(tool, change) for _, _, _, tool, change in changes]


def check_pages_validate(site):
    tool_pages = schema_validator(SOURCE / "docs/schema/review.schema.json")
    shown = 0
    for page in sorted((site / "tools").glob("*.json")):
        document = json.loads(page.read_text(encoding="utf-8"))
        tool_pages.validate(document)
        shown += len(document["page"]["changes"])
    comparisons = schema_validator(SOURCE / "docs/schema/comparison.schema.json")
    for page in sorted((site / "compare").glob("*.json")):
        comparisons.validate(json.loads(page.read_text(encoding="utf-8")))
    assert shown > 0, "no tool page's JSON shows a change"


def check_entries(feed, changes, site, base_url):
    assert len(feed.entries) == min(len(changes), 50), f"changes.atom has {len(feed.entries)} entries for {len(changes)} changes"
    ids = set()
    for entry, (tool, change) in zip(feed.entries, changes):
        assert entry.summary == change["line"], f"entry {entry.title!r} says {entry.summary!r}, not {change['line']!r}"
        assert change["seat"] in entry.title and entry.title.split(":")[0], f"entry title {entry.title!r} names no tool and seat"
        assert entry.updated == change["data_date"] + "T00:00:00Z", f"entry updated {entry.updated}, not the data date {change['data_date']}"
        assert entry.id not in ids, f"two entries share the id {entry.id}"
        ids.add(entry.id)
        link = entry.link
        if base_url:
            assert link.startswith(base_url), f"entry link {link} is not under {base_url}"
            link = link[len(base_url):]
        assert urllib.parse.unquote(link) == f"tools/{tool}.html", f"entry for {tool} links {entry.link}"
        assert (site / link).is_file(), f"entry link {entry.link} is no page the batch wrote"


def main():
    global SOURCE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verdict", required=True, type=pathlib.Path, help="the built verdict program")
    parser.add_argument("--source", required=True, type=pathlib.Path, help="the source tree, holding catalog/ and docs/schema/")
    args = parser.parse_args()
    SOURCE = args.source
    with tempfile.TemporaryDirectory(prefix="verdict-changes-feed-") as scratch:
        scratch = pathlib.Path(scratch)
        catalog = scratch / "catalog"
        shutil.copytree(args.source / "catalog", catalog)
        tools = sorted(p.stem for p in (catalog / "tools").glob("*.json"))
        for base_url in ("", BASE_URL):
            site = scratch / ("site-published" if base_url else "site")
            extra = ["--base-url", base_url] if base_url else []
            shutil.copy(args.source / "catalog/panel.json", catalog / "panel.json")
            run(args.verdict, "batch", "--catalog", str(catalog), "--out", str(site), "--quiet", *extra)
            assert len(parsed_feed(site).entries) == 0, "changes.atom has entries before anything changed"

            soften_legal_risk(catalog)
            run(args.verdict, "batch", "--catalog", str(catalog), "--out", str(site), "--quiet", *extra)
            feed = parsed_feed(site)
            changes = recorded_changes(args.verdict, site, tools)
            assert changes, "the rule-set change recorded no change"
            check_entries(feed, changes, site, base_url)
            if base_url:
                assert feed.feed.id == base_url + "changes.atom", f"the feed's id is {feed.feed.id}"
            check_pages_validate(site)

            before = (site / "changes.atom").read_bytes()
            run(args.verdict, "batch", "--catalog", str(catalog), "--out", str(site), "--quiet", *extra)
            assert (site / "changes.atom").read_bytes() == before, "a run with nothing changed rewrote changes.atom"
    print("changes.atom: well-formed Atom, one entry per recorded change, newest first, linking pages the batch wrote")
    return 0


if __name__ == "__main__":
    sys.exit(main())
