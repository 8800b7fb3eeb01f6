"""Time fou.parse_many on N threads against sequential parsing, over copies of the real reports.

    .venv/bin/python python/benchmarks/parse_many.py [--copies 100] [--repeat 7] [--threads 2]

Copies each report of ../shared/corpus COPIES times into a temporary directory
(2 x COPIES files), then times, REPEAT rounds of each (interleaved), best and median:
  - sequential parse_file() in a Python loop,
  - sequential parse() of text already in memory (no file reading),
  - parse_many(threads=1) and parse_many(threads=THREADS).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import fou

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def timed(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Time every run REPEAT times, interleaved (round-robin), so a change of
    machine load during the benchmark affects all runs alike."""
    for fn in runs.values():
        fn()  # warm up (page cache, allocator)
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=100, help="copies of each report (default 100: 200 files)")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    sources = sorted(CORPUS.resolve().glob("fou-*"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.copies):
            for src in sources:
                dst = Path(tmp) / f"{i:04d}-{src.name}"
                shutil.copyfile(src, dst)
                paths.append(dst)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        mb = sum(p.stat().st_size for p in paths) / 1e6
        assert fou.parse_many(paths, threads=args.threads) == [fou.parse_file(p) for p in paths]

        runs = {
            "sequential parse_file()": lambda: [fou.parse_file(p) for p in paths],
            "sequential parse(text)": lambda: [fou.parse(t) for t in texts],
            "parse_many(threads=1)": lambda: fou.parse_many(paths, threads=1),
            f"parse_many(threads={args.threads})": lambda: fou.parse_many(paths, threads=args.threads),
        }
        print(f"fou {fou.__version__}: {len(paths)} reports, {mb:.1f} MB, {os.cpu_count()} CPUs, best/median of {args.repeat}")
        base = None
        for name, ts in timed(runs, args.repeat).items():
            best, median = min(ts), statistics.median(ts)
            base = base or best
            print(
                f"  {name:<26} best {best * 1e3:7.1f} ms  median {median * 1e3:7.1f} ms  "
                f"{len(paths) / best:6.0f} reports/s  x{base / best:.2f}"
            )


if __name__ == "__main__":
    main()
