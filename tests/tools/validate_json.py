#!/usr/bin/env python3
"""Validates one JSON document against one of verdict's schemas with python3-jsonschema.

The test support runs this on every JSON page the tests make verdict print, so
each such output is checked by a validator that shares no code with verdict.
Exit status 0 when valid, 1 with the validator's message when not.
"""
import argparse
import json
import pathlib
import sys
import warnings

import jsonschema


def schema_validator(path):
    """A validator for the schema at `path`, as a stock validator reads a schema file: its references to the other
    schemas ("review.schema.json#/$defs/panel") resolve against the file's own location, so they are read from the
    folder beside it and nothing is fetched from the network."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    with warnings.catch_warnings():   # RefResolver is the one API both Debian 12's jsonschema and newer ones have
        warnings.simplefilter("ignore", DeprecationWarning)
        resolver = jsonschema.RefResolver(path.resolve().as_uri(), schema)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--schema", required=True, type=pathlib.Path)
    parser.add_argument("--document", required=True, type=pathlib.Path)
    args = parser.parse_args()
    validator = schema_validator(args.schema)
    document = json.loads(args.document.read_text(encoding="utf-8"))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        print(f"{args.schema.name}: /{'/'.join(str(p) for p in error.absolute_path)}: {error.message}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
