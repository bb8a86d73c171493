#!/usr/bin/env python3
"""Exports of the demo portfolio, checked from outside the program.

Every exported document must validate against data/tovholder-portfolio.schema.json
with an independent validator (python3-jsonschema), and export → import into an
empty portfolio → export must give the same bytes.
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

cli, schema_path = sys.argv[1], sys.argv[2]


def run(*args, expect=0):
    result = subprocess.run([cli, *args], capture_output=True)
    if result.returncode != expect:
        sys.exit(f"tovholder-cli {' '.join(args)}: exit {result.returncode}\n{result.stderr.decode()}")
    return result


with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
validator = jsonschema.Draft202012Validator(schema)

with tempfile.TemporaryDirectory() as tmp:
    demo = os.path.join(tmp, "demo.tovholder")
    copy = os.path.join(tmp, "copy.tovholder")
    first = os.path.join(tmp, "first.json")
    second = os.path.join(tmp, "second.json")

    run("demo", demo)
    run("export", demo, "-o", first)
    with open(first, "rb") as f:
        first_bytes = f.read()
    document = json.loads(first_bytes)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:10]:
        print(f"not valid at {'/'.join(map(str, error.path))}: {error.message}")
    if errors:
        sys.exit(1)

    # The same portfolio through stdout gives the same bytes.
    if run("export", demo).stdout != first_bytes:
        sys.exit("export to stdout differs from export to a file")

    run("init", copy)
    run("import", copy, first)
    run("export", copy, "-o", second)
    with open(second, "rb") as f:
        if f.read() != first_bytes:
            sys.exit("export → import → export changed the document")

    counts = {key: len(value) for key, value in document.items() if isinstance(value, list)}
    print("1..1")
    print(f"ok 1 demo export valid and stable: {counts}")
