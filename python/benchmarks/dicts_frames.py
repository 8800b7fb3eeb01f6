"""Time to_dict(), to_records() and the DataFrame helpers against the parse of the same reports.

    .venv/bin/python python/benchmarks/dicts_frames.py [--copies 50] [--repeat 7]

For each real report of ../shared/corpus alone, and for a collection of COPIES
copies of each (2 x COPIES reports, parsed from text already in memory), times
REPEAT rounds of each step (interleaved), best and median:
  - fou.parse(text) of every report (the base of the ratios),
  - report.to_dict() of every parsed report,
  - fou.to_records(reports, kind) for projects, portfolio and analyses,
  - fou.projects_frame(reports), fou.portfolio_frame(reports), fou.analyses_frame(reports).
Prints a markdown table: best time in ms and, in parentheses, the ratio to the
best parse time of the same reports. pandas has a fixed cost per DataFrame
(a few hundred microseconds), which weighs on one report but not on many.
"""

from __future__ import annotations

import argparse
import os
import statistics
from collections.abc import Callable

import fou
from parse_many import CORPUS, timed  # the same interleaved rounds (run from this folder)


def steps(texts: list[tuple[str, str]]) -> dict[str, Callable[[], object]]:
    """The timed steps over one set of (path, text): parse first, then the
    helpers on reports parsed once beforehand."""
    reports = [fou.parse(text, path=path) for path, text in texts]
    return {
        "fou.parse": lambda: [fou.parse(text, path=path) for path, text in texts],
        "report.to_dict()": lambda: [r.to_dict() for r in reports],
        "fou.to_records(projects)": lambda: fou.to_records(reports, "projects"),
        "fou.to_records(portfolio)": lambda: fou.to_records(reports, "portfolio"),
        "fou.to_records(analyses)": lambda: fou.to_records(reports, "analyses"),
        "fou.projects_frame": lambda: fou.projects_frame(reports),
        "fou.portfolio_frame": lambda: fou.portfolio_frame(reports),
        "fou.analyses_frame": lambda: fou.analyses_frame(reports),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=50, help="copies of each report in the collection (default 50: 100 reports)")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    sources = sorted(CORPUS.resolve().glob("fou-*"))
    texts = {src.name: src.read_text(encoding="utf-8") for src in sources}
    sets: dict[str, list[tuple[str, str]]] = {name: [(name, text)] for name, text in texts.items()}
    collection = [(f"{i:04d}-{name}", text) for i in range(args.copies) for name, text in texts.items()]
    sets[f"{len(collection)} reports"] = collection

    results: dict[str, dict[str, list[float]]] = {}
    for label, items in sets.items():
        results[label] = timed(steps(items), args.repeat)

    print(f"fou {fou.__version__}: {os.cpu_count()} CPUs, best of {args.repeat} in ms (ratio to fou.parse of the same reports)")
    print()
    labels = list(results)
    print("| step | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for name in next(iter(results.values())):
        cells = []
        for label in labels:
            best = min(results[label][name])
            base = min(results[label]["fou.parse"])
            cells.append(f"{best * 1e3:.2f} ({best / base:.0%})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print()
    print("medians in ms:")
    for label in labels:
        parts = ", ".join(f"{name} {statistics.median(ts) * 1e3:.2f}" for name, ts in results[label].items())
        print(f"  {label}: {parts}")


if __name__ == "__main__":
    main()
