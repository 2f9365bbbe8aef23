#!/usr/bin/env python3
"""Checks verdict's JSON with an independent validator (python3-jsonschema).

- Every file of the shipped catalog validates against catalog/schema/.
- The output of `verdict review --all --format json` and of a single review
  validates against docs/schema/review.schema.json, and its receipts add up.
- Bad tool files that the engine rejects for a schema reason are rejected by
  jsonschema too, so the engine's validator and the schema cannot drift apart.
- The output of `verdict explain --all --format json` validates against
  docs/schema/explain.schema.json, and each seat's running totals reach its score.
- The golden JSON pages in tests/golden/ validate against
  docs/schema/comparison.schema.json, index.schema.json and category.schema.json.
- The schemas of docs/schema/ work offline: none claims an address on the
  network ($id), and each reference to another schema is a relative file name
  that is there, which a stock validator resolves beside the file.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

from validate_json import schema_validator as validator


def check_catalog(source):
    tools = validator(source / "catalog/schema/tool.schema.json")
    for file in sorted((source / "catalog/tools").glob("*.json")):
        tools.validate(json.loads(file.read_text(encoding="utf-8")))
    validator(source / "catalog/schema/panel.schema.json").validate(json.loads((source / "catalog/panel.json").read_text(encoding="utf-8")))
    comparisons = json.loads((source / "catalog/comparisons.json").read_text(encoding="utf-8"))
    validator(source / "catalog/schema/comparisons.schema.json").validate(comparisons)
    fixtures = validator(source / "catalog/schema/fixtures.schema.json")
    files = sorted((source / "catalog/fixtures").glob("*.json"))
    assert files, "no fixture files in catalog/fixtures"
    for file in files:
        fixtures.validate(json.loads(file.read_text(encoding="utf-8")))


def check_golden_pages(source):
    pages = validator(source / "docs/schema/comparison.schema.json")
    files = sorted((source / "tests/golden/compare").glob("*.json"))
    assert files, "no golden comparison pages"
    for file in files:
        pages.validate(json.loads(file.read_text(encoding="utf-8")))
    validator(source / "docs/schema/index.schema.json").validate(json.loads((source / "tests/golden/index.json").read_text(encoding="utf-8")))
    categories = validator(source / "docs/schema/category.schema.json")
    files = sorted((source / "tests/golden/category").glob("*.json"))
    assert files, "no golden category pages"
    for file in files:
        categories.validate(json.loads(file.read_text(encoding="utf-8")))


def check_review_output(source, verdict):
    reviews = validator(source / "docs/schema/review.schema.json")
    for args in (["review", "--all", "--format", "json"], ["review", "claw-code", "--format", "json"]):
        run = subprocess.run([verdict, *args], cwd=source, capture_output=True, text=True, check=True)
        document = json.loads(run.stdout)
        reviews.validate(document)
        for each in document if isinstance(document, list) else [document]:
            for seat in each["reviews"]:
                total = seat["base"] + sum(r["points"] for r in seat["reasons"])
                assert abs(total - seat["score"]) < 1e-9, f"{each['tool']['id']}/{seat['persona']}: receipt {total} != {seat['score']}"


def check_explain_output(source, verdict):
    explanations = validator(source / "docs/schema/explain.schema.json")
    run = subprocess.run([verdict, "explain", "--all", "--format", "json"], cwd=source, capture_output=True, text=True, check=True)
    document = json.loads(run.stdout)
    explanations.validate(document)
    for each in document:
        for seat in each["seats"]:
            total = seat["base"]
            for rule in seat["rules"]:
                total += rule["points"]
                assert abs(total - rule["total"]) < 1e-9, f"{each['tool']['id']}/{seat['seat']}/{rule['rule']}: running total {total} != {rule['total']}"
            assert abs(total - seat["score"]) < 1e-9, f"{each['tool']['id']}/{seat['seat']}: explained {total} != score {seat['score']}"


# (name, change to a valid tool) pairs: each breaks the schema in one way.
SCHEMA_BREAKS = [
    ("unknown_field", lambda t: t.update(vendr="x")),
    ("wrong_type", lambda t: t.update(vendor=3)),
    ("missing_required", lambda t: t.pop("tagline")),
    ("out_of_range", lambda t: t.update(setup={"env_vars": -1})),
    ("not_in_enum", lambda t: t["pricing"].update(entry="Paid")),
    ("bad_id_pattern", lambda t: t.update(id="Bad Id")),
    ("duplicate_items", lambda t: t.update(integrations=["vLLM", "vLLM"])),
]


def check_validators_agree(source, verdict):
    tools = validator(source / "catalog/schema/tool.schema.json")
    base = json.loads((source / "catalog/tools/claw-code.json").read_text(encoding="utf-8"))
    for name, breaks in SCHEMA_BREAKS:
        tool = json.loads(json.dumps(base))
        breaks(tool)
        assert not tools.is_valid(tool), f"{name}: jsonschema accepts it"
        with tempfile.TemporaryDirectory() as folder:
            catalog = pathlib.Path(folder)
            (catalog / "tools").mkdir()
            (catalog / "panel.json").write_text((source / "catalog/panel.json").read_text(encoding="utf-8"), encoding="utf-8")
            (catalog / "tools/claw-code.json").write_text(json.dumps(tool), encoding="utf-8")
            run = subprocess.run([verdict, "lint", "--catalog", str(catalog)], capture_output=True, text=True)
            assert run.returncode == 2, f"{name}: verdict lint exited {run.returncode}, expected 2"
            assert "tools/claw-code.json" in run.stdout, f"{name}: lint did not name the file:\n{run.stdout}"


def check_offline(source):
    folder = source / "docs/schema"
    for path in sorted(folder.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert "$id" not in schema, f"{path.name}: expected no $id (a stock validator would fetch its references from it), found {schema['$id']}"
        text = path.read_text(encoding="utf-8")
        for ref in set(part.split('"')[0] for part in text.split('"$ref": "')[1:]):
            target = ref.split("#")[0]
            if target:
                assert "://" not in target and (folder / target).is_file(), f"{path.name}: $ref {ref}: expected a schema file beside it"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", required=True, type=pathlib.Path)
    parser.add_argument("--verdict", required=True)
    args = parser.parse_args()
    check_catalog(args.source)
    check_review_output(args.source, args.verdict)
    check_explain_output(args.source, args.verdict)
    check_validators_agree(args.source, args.verdict)
    check_golden_pages(args.source)
    check_offline(args.source)
    print("json schemas: catalog, review and explain output, golden pages and bad tool files agree with python3-jsonschema")
    return 0


if __name__ == "__main__":
    sys.exit(main())
