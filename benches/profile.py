#!/usr/bin/env python3
"""Where one pass of a contender spends an event, from two callgrind runs.

Usage:
    benches/profile.py [--by function|line|inclusive] [--event EV] [--top K] FEW.cg MANY.cg

FEW.cg and MANY.cg are callgrind's output for `examples/counted` (or any
program) run with FEW and MANY passes, read from their command lines (the
last argument, a number, as `counted` takes it); a pass costs (MANY − FEW) /
(MANY_N − FEW_N) of each event, so that starting the process, reading the
file and what a process builds once cancel out. Printed per pass, largest
first, by

- `function` (the default): the function's own cost, code inlined into it
  included (callgrind gives inlined code to the function it is in);
- `line`: the source line's own cost, with the function it was inlined into
  and the line's text when the file is readable;
- `inclusive`: the function's cost and that of every call it makes.

EV is any event the runs recorded: `Ir` (instructions, the default), and with
`--branch-sim=yes` `Bc`/`Bcm` (conditional branches, mispredicted) and
`Bi`/`Bim` (indirect ones); with `--cache-sim=yes` the cache events.

    cargo build --release -p fou-bench --example counted
    bin=target/release/examples/counted
    valgrind --tool=callgrind --branch-sim=yes --callgrind-out-file=/tmp/1.cg  $bin fou_parse FILE 1
    valgrind --tool=callgrind --branch-sim=yes --callgrind-out-file=/tmp/11.cg $bin fou_parse FILE 11
    benches/profile.py --event Bcm --by line /tmp/1.cg /tmp/11.cg

Reads callgrind's format (name compression, relative positions, inlined
files, call costs) itself; needs no valgrind tool beyond callgrind.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# A cost line's key: (file, line, function); a function is its name, a tab
# and its object (two objects may have functions of one name).
Key = tuple[str, int, str]

NAME = re.compile(r"\((\d+)\)(?: (.*))?$")


@dataclass
class Profile:
    """One callgrind run: each event's own cost by (file, line, function),
    and the cost of the calls each function makes."""

    events: list[str]
    command: str = ""
    own: dict[str, Counter[Key]] = field(default_factory=dict)
    calls: dict[str, Counter[str]] = field(default_factory=dict)

    def passes(self) -> int:
        """The pass count: the command's last argument, a number."""
        last = self.command.split()[-1] if self.command.split() else ""
        if not last.isdigit():
            raise ValueError(f"the run's command does not end in a pass count: {self.command!r}")
        return int(last)


class Names:
    """Callgrind's name compression: `(id) name` defines, `(id)` refers."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], str] = {}

    def read(self, kind: str, text: str) -> str:
        m = NAME.match(text)
        if not m:
            return text
        key = (kind, m.group(1))
        if m.group(2) is not None:
            self.known[key] = m.group(2)
        return self.known.get(key, text)


def load(path: Path) -> Profile:
    """Read a callgrind output file."""
    names = Names()
    profile: Profile | None = None
    n_positions = 1
    obj = file = inl = func = command = ""
    line = 0
    call_next = False
    for raw in path.read_text(errors="replace").splitlines():
        if not raw or raw.startswith("#"):
            continue
        head, _, rest = raw.partition("=")
        if raw.startswith("events:"):
            events = raw.split()[1:]
            if profile is None:
                profile = Profile(events=events)
            elif events != profile.events:  # a later part of the same run
                raise ValueError(f"{path}: parts record different events")
            continue
        if raw.startswith("positions:"):
            n_positions = len(raw.split()) - 1
            continue
        if raw.startswith("cmd:"):
            command = raw.partition(":")[2].strip()
            continue
        if head == "ob":
            obj = names.read("ob", rest)
            continue
        if head == "cob":
            names.read("ob", rest)
            continue
        if head == "fl":
            file = inl = names.read("fl", rest)
            continue
        if head in ("fi", "fe"):
            inl = names.read("fl", rest)
            continue
        if head == "fn":
            func = f"{names.read('fn', rest)}\t{obj}"
            inl = file
            continue
        if head in ("cfl", "cfi", "jfi"):
            names.read("fl", rest)  # a callee's or a jump's: defines a name
            continue
        if head in ("cfn", "jfn"):
            names.read("fn", rest)
            continue
        if head == "calls":
            call_next = True
            continue
        if not (raw[0].isdigit() or raw[0] in "+-*"):
            continue  # summary:, totals:, headers
        if profile is None:
            raise ValueError(f"{path}: costs before an `events:` line")
        parts = raw.split()
        line = position(parts[n_positions - 1], line)
        values = parts[n_positions:]
        for ev, v in zip(profile.events, values):
            n = int(v)
            if call_next:
                profile.calls.setdefault(ev, Counter())[func] += n
            else:
                profile.own.setdefault(ev, Counter())[(inl, line, func)] += n
        call_next = False
    if profile is None:
        raise ValueError(f"{path}: not a callgrind output file (no `events:` line)")
    profile.command = command
    return profile


def position(text: str, last: int) -> int:
    """A cost line's source line: absolute, relative (`+n`, `-n`) or the same (`*`)."""
    if text == "*":
        return last
    if text[0] in "+-":
        return last + int(text)
    return int(text, 0)


def per_pass(few: Profile, many: Profile, event: str, by: str) -> tuple[dict[Key | str, float], int]:
    """The event's cost of one pass by `by`, and the number of passes apart."""
    if event not in few.events or event not in many.events:
        raise ValueError(f"event {event} not recorded (recorded: {' '.join(many.events)})")
    apart = many.passes() - few.passes()
    if apart <= 0:
        raise ValueError("the second run must make more passes than the first")

    def grouped(p: Profile) -> Counter[Key | str]:
        out: Counter[Key | str] = Counter()
        for (f, ln, fn), v in p.own.get(event, Counter()).items():
            out[(f, ln, fn) if by == "line" else fn] += v
        if by == "inclusive":
            for fn, v in p.calls.get(event, Counter()).items():
                out[fn] += v
        return out

    a, b = grouped(few), grouped(many)
    return {k: (b[k] - a.get(k, 0)) / apart for k in set(a) | set(b)}, apart


def source_line(path: str, line: int, cache: dict[str, list[str]]) -> str:
    if path not in cache:
        try:
            cache[path] = Path(path).read_text(errors="replace").splitlines()
        except OSError:
            cache[path] = []
    lines = cache[path]
    return lines[line - 1].strip() if 0 < line <= len(lines) else ""


def report(few: Profile, many: Profile, event: str, by: str, top: int) -> list[str]:
    costs, apart = per_pass(few, many, event, by)
    own_total = sum(v for v in per_pass(few, many, event, "function")[0].values())
    out = [f"{event} per pass ({apart} passes apart), by {by}: total {own_total:,.0f}"]
    cache: dict[str, list[str]] = {}
    ranked = sorted(costs.items(), key=lambda kv: (-kv[1], str(kv[0])))
    # A function is shown by its name, and its object's too when another
    # object has a function of that name.
    objects: dict[str, set[str]] = {}
    for key in costs:
        name, _, obj = (key[2] if isinstance(key, tuple) else key).partition("\t")
        objects.setdefault(name, set()).add(obj)

    def shown(fn: str) -> str:
        name, _, obj = fn.partition("\t")
        return f"{name} ({Path(obj).name})" if len(objects.get(name, ())) > 1 else name

    for key, v in ranked[:top]:
        if isinstance(key, tuple):
            f, ln, fn = key
            # (the line as the file reads now: it may differ from the build's)
            text = source_line(f, ln, cache)[:80]
            name = shown(fn).split("::")[-1][:40]
            out.append(f"{v:12,.0f}  {Path(f).name}:{ln}  [{name}]  {text}")
        else:
            out.append(f"{v:12,.0f}  {shown(key)}")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("few", type=Path)
    ap.add_argument("many", type=Path)
    ap.add_argument("--event", default="Ir")
    ap.add_argument("--by", choices=("function", "line", "inclusive"), default="function")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    try:
        lines = report(load(args.few), load(args.many), args.event, args.by, args.top)
    except (OSError, ValueError) as e:
        print(f"profile.py: {e}", file=sys.stderr)
        return 2
    try:
        print("\n".join(lines))
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
