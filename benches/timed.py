#!/usr/bin/env python3
"""Contenders of `examples/counted` timed in turn: the CPU time of a pass.

Usage:
    benches/timed.py [--rounds R] [--bin BIN] FILE PASSES SPEC...

Each SPEC is a contender of `benches/contenders.rs` (`fou_parse`,
`pulldown_cmark`, `fou_lines_clean`, `str_lines`, `memchr_newlines`), run by
BIN (default: `$CARGO_TARGET_DIR/release/examples/counted`, or `target/…`),
or `PATH:CONTENDER` to run it by another build of `counted` (a build of
another commit: `PATH:fou_parse` next to `fou_parse`). Every round runs each
SPEC once as `BIN CONTENDER FILE PASSES`, in an order that turns by one each
round, and takes the CPU time (user and system) the process used, as the
kernel counts it for a child (`wait4`); a pass's time is that divided by
PASSES (starting the process and reading FILE count too: about a
millisecond, under 1 % of a run of 1,000 parses or 20,000 line splits).

A busy or drifting virtual machine slows some runs, never speeds one up, so
the least of the rounds is each SPEC's time, with the median beside it. The
last column is each SPEC's least time over the first SPEC's: the first's
speed relative to it (`fou_parse pulldown_cmark` gives issue 12's ratio of
the parse to pulldown-cmark; `fou_lines_clean str_lines` that of lines and
cleaning to `str::lines()`).

    cargo build --release -p fou-bench --example counted
    benches/timed.py --rounds 7 ../shared/corpus/fou-2022.md 1000 fou_parse pulldown_cmark
    benches/timed.py --rounds 5 ../shared/corpus/fou-2022.md 20000 fou_lines_clean str_lines
    benches/timed.py FILE 1000 /tmp/before/counted:fou_parse fou_parse   # two builds in turn
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Spec:
    """A contender run by a binary, as written on the command line."""

    text: str
    binary: str
    contender: str

    @staticmethod
    def parse(text: str, default_binary: str) -> Spec:
        binary, sep, contender = text.rpartition(":")
        return Spec(text, binary if sep else default_binary, contender)


def default_binary() -> str:
    target = os.environ.get("CARGO_TARGET_DIR") or str(Path(__file__).resolve().parent.parent / "target")
    return str(Path(target) / "release" / "examples" / "counted")


def cpu_seconds(spec: Spec, file: str, passes: int) -> float:
    """Run the spec once; the CPU time its process used, in seconds."""
    argv = [spec.binary, spec.contender, file, str(passes)]
    # Its standard error to a file, not a pipe: a child that wrote more than
    # a pipe holds would wait for a reader while this waits for it.
    with tempfile.TemporaryFile() as stderr:
        try:
            child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=stderr)
        except OSError as e:
            raise RuntimeError(f"cannot run {spec.binary}: {e}") from e
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            stderr.seek(0)
            err = stderr.read().decode(errors="replace").strip()
            raise RuntimeError(f"{' '.join(argv)} failed ({child.returncode}): {err}")
    return usage.ru_utime + usage.ru_stime


def measure(specs: list[Spec], file: str, passes: int, rounds: int) -> dict[Spec, list[float]]:
    """Each spec's seconds a pass, one run a round, the order turned each round."""
    times: dict[Spec, list[float]] = {s: [] for s in specs}
    for r in range(rounds):
        k = r % len(specs)
        for spec in specs[k:] + specs[:k]:
            times[spec].append(cpu_seconds(spec, file, passes) / passes)
    return times


def table(specs: list[Spec], times: dict[Spec, list[float]]) -> list[str]:
    first = min(times[specs[0]])
    width = max(len(s.text) for s in specs)
    out = [f"{'spec':<{width}}  {'least µs':>10}  {'median µs':>10}  {'this / first':>12}"]
    for s in specs:
        least, median = min(times[s]), statistics.median(times[s])
        ratio = least / first if first > 0 else float("inf")
        out.append(f"{s.text:<{width}}  {least * 1e6:>10.2f}  {median * 1e6:>10.2f}  {ratio:>12.3f}")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--bin", default=default_binary())
    ap.add_argument("file")
    ap.add_argument("passes", type=int)
    ap.add_argument("specs", nargs="+")
    args = ap.parse_args(argv)
    if args.passes < 1 or args.rounds < 1:
        ap.error("PASSES and --rounds must be 1 or more")
    specs = list(dict.fromkeys(Spec.parse(s, args.bin) for s in args.specs))
    try:
        times = measure(specs, args.file, args.passes, args.rounds)
    except RuntimeError as e:
        print(f"timed.py: {e}", file=sys.stderr)
        return 2
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    print(f"{args.file}: {args.passes} passes a run, {args.rounds} rounds, load {load}")
    print("\n".join(table(specs, times)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
