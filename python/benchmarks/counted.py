"""One step of the Python API, run N times on one report: counted by callgrind.

    valgrind --tool=callgrind python python/benchmarks/counted.py STEP FILE N

`counted.sh` runs each step with N = 1 and N = 3 and halves the difference:
the instructions of one pass, with Python's start-up, the import and the
report's first parse cancelled out, and Python's cyclic garbage collector
switched off (see `main`). Instructions do not depend on the load of
the machine, so the figures hold on a busy one (a timing does not); they are
comparable with `benches/counted.sh`, which counts the same file's Rust
`fou::parse` the same way.

Steps:
  parse          fou.parse(text): the Rust parse and the Python objects, and
                 CPython's encoding of the str into UTF-8 for Rust
  parse_bytes    fou.parse(data): the same from the file's bytes (no encoding)
  parse_file     fou.parse_file(path): the same, reading the file
  parse_many     fou.parse_many([path], threads=1): through the thread pool
  to_dict        report.to_dict() of a report parsed beforehand
  to_json        report.to_json()
  json.loads     json.loads(report.to_json()): what to_dict gives, through JSON
  to_records     fou.to_records(report, "projects")
  projects_frame fou.projects_frame(report): one pandas DataFrame
"""

from __future__ import annotations

import functools
import gc
import json
import sys
from collections.abc import Callable

import fou

#: Calls made before the counted passes: pandas fills caches on its first
#: calls to a DataFrame constructor (one call is not enough to settle it).
WARM_UP = 3


def step(name: str, path: str) -> Callable[[], object]:
    """The call `name` on the report at `path` (its text read beforehand)."""
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    report = fou.parse(text, path=path)
    steps: dict[str, Callable[[], object]] = {
        "parse": lambda: fou.parse(text, path=path),
        "parse_bytes": lambda: fou.parse(data, path=path),
        "parse_file": lambda: fou.parse_file(path),
        "parse_many": lambda: fou.parse_many([path], threads=1),
        "to_dict": report.to_dict,
        "to_json": report.to_json,
        "json.loads": lambda: json.loads(report.to_json()),
        "to_records": lambda: fou.to_records([report], "projects"),
        "projects_frame": lambda: fou.projects_frame([report]),
    }
    for _ in range(WARM_UP):
        steps[name]()  # first-call set-up (pandas' caches, lazy imports), outside the passes
    return steps[name]


#: The steps, in the order `counted.sh` prints them.
STEPS = ("parse", "parse_bytes", "parse_file", "parse_many", "to_dict", "to_json", "json.loads", "to_records", "projects_frame")


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    name, path, passes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if name not in STEPS:
        sys.exit(f"unknown step {name!r}: one of {', '.join(STEPS)}")
    run = step(name, path)
    # The cyclic collector runs when allocations pass a threshold, so one
    # more pass can set off a whole collection (or one fewer skip one):
    # the passes are counted without it (reference counting still frees).
    gc.collect()
    gc.disable()
    # Inside `functools.reduce` only: `counted.sh` counts that function's
    # instructions (`--toggle-collect`), not the import of pandas, which
    # varies by millions between runs.
    functools.reduce(lambda _, __: run(), range(passes), None)


if __name__ == "__main__":
    main()
