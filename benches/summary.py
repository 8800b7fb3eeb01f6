#!/usr/bin/env python3
"""Summarise criterion results of the fou-bench benches as Markdown tables.

Reads ``<target>/criterion/<group>/<function>/<value>/new/{benchmark,estimates}.json``
(``<target>`` is ``$CARGO_TARGET_DIR`` or ``target``) and prints, for the
``layers`` bench, throughput in MiB/s per layer, style and tier, and for the
``collection`` bench, time per run, throughput and speedup over one thread.

The median of the samples is used (more robust than the mean on a shared
machine); the range shown is the median's 95 % confidence interval.

    python3 benches/summary.py            # every table (layers, collection, versus ratios)
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

LAYERS = ["decode", "lines", "lines_clean", "blocks", "blocks_sections", "full"]
STYLES = ["plain", "markdown"]
TIERS = ["small", "medium", "large"]
MIB = 1024 * 1024


def load(root: Path) -> dict[str, dict]:
    out = {}
    for bench in root.glob("*/**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        out[meta["full_id"]] = {"meta": meta, "median": est["median"]}
    return out


def rate(entry: dict) -> tuple[float, float, float]:
    """MiB/s at the median and at the ends of its confidence interval."""
    nbytes = entry["meta"]["throughput"]["Bytes"]
    m = entry["median"]
    ci = m["confidence_interval"]
    to_rate = lambda ns: nbytes / MIB / (ns / 1e9)  # noqa: E731
    return to_rate(m["point_estimate"]), to_rate(ci["upper_bound"]), to_rate(ci["lower_bound"])


def fmt_time(ns: float) -> str:
    if ns >= 1e9:
        return f"{ns / 1e9:.2f} s"
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    return f"{ns / 1e3:.0f} µs"


def layers(results: dict[str, dict]) -> None:
    sizes = {}
    for s in STYLES:
        for t in TIERS:
            e = results.get(f"full/{s}/{t}")
            if e:
                sizes[(s, t)] = e["meta"]["throughput"]["Bytes"]
    print("Input sizes: " + ", ".join(f"{s}/{t} {n / 1000:.0f} KB" for (s, t), n in sizes.items()))
    print()
    head = [f"{s} {t}" for s in STYLES for t in TIERS]
    print("| layer (MiB/s, median) | " + " | ".join(head) + " |")
    print("|---|" + "---:|" * len(head))
    for layer in LAYERS:
        cells = []
        for s in STYLES:
            for t in TIERS:
                e = results.get(f"{layer}/{s}/{t}")
                cells.append(f"{rate(e)[0]:,.1f}" if e else "–")
        print(f"| `{layer}` | " + " | ".join(cells) + " |")
    print()
    print("| layer | style | small → large throughput ratio | small (time) | large (time) |")
    print("|---|---|---:|---:|---:|")
    for layer in LAYERS:
        for s in STYLES:
            a, b = results.get(f"{layer}/{s}/small"), results.get(f"{layer}/{s}/large")
            if a and b:
                ratio = rate(b)[0] / rate(a)[0]
                print(
                    f"| `{layer}` | {s} | {ratio:.2f} | {fmt_time(a['median']['point_estimate'])} "
                    f"| {fmt_time(b['median']['point_estimate'])} |"
                )


def collection(results: dict[str, dict]) -> None:
    rows = [k for k in results if k.startswith("collection/")]
    if not rows:
        return
    order = sorted(rows, key=lambda k: (k != "collection/sequential", len(k), k))
    base = results.get("collection/rayon/1") or results[order[0]]
    nbytes = base["meta"]["throughput"]["Bytes"]
    print(f"Collection: {nbytes / 1e6:.1f} MB in 1,000 reports.")
    print()
    print("| run | time per collection (median) | 95 % CI | MiB/s | speedup vs rayon/1 |")
    print("|---|---:|---:|---:|---:|")
    for k in order:
        e = results[k]
        m = e["median"]
        ci = m["confidence_interval"]
        speed = base["median"]["point_estimate"] / m["point_estimate"]
        print(
            f"| `{k}` | {fmt_time(m['point_estimate'])} | {fmt_time(ci['lower_bound'])} – "
            f"{fmt_time(ci['upper_bound'])} | {rate(e)[0]:.1f} | {speed:.2f}× |"
        )


VERSUS = ["memchr_newlines", "str_lines", "pulldown_cmark", "fou_lines_clean", "fou_parse"]


def versus(results: dict[str, dict]) -> None:
    """The `versus` bench: MiB/s per contender and input, and issue 12's ratios."""
    inputs = sorted({k.split("/")[1] for k in results if k.startswith("versus/")})
    if not inputs:
        return
    print("| input | size | " + " | ".join(f"`{c}` MiB/s" for c in VERSUS) + " |")
    print("|---|---:|" + "---:|" * len(VERSUS))
    for name in inputs:
        es = [results.get(f"versus/{name}/{c}") for c in VERSUS]
        size = next((e["meta"]["throughput"]["Bytes"] for e in es if e), 0)
        cells = [f"{rate(e)[0]:,.1f}" if e else "–" for e in es]
        print(f"| {name} | {size / 1e6:.2f} MB | " + " | ".join(cells) + " |")
    print()
    ratios = [
        ("fou_parse", "pulldown_cmark", "full parse vs pulldown-cmark", "×"),
        ("fou_parse", "memchr_newlines", "full parse vs memchr newline count", "%"),
        ("fou_lines_clean", "str_lines", "lines + cleaning vs `str::lines()`", "×"),
    ]
    print("| ratio | " + " | ".join(inputs) + " |")
    print("|---|" + "---:|" * len(inputs))
    for a, b, label, unit in ratios:
        cells = []
        for name in inputs:
            ea, eb = results.get(f"versus/{name}/{a}"), results.get(f"versus/{name}/{b}")
            if not (ea and eb):
                cells.append("–")
                continue
            r = rate(ea)[0] / rate(eb)[0]
            cells.append(f"{r * 100:.2f} %" if unit == "%" else f"{r:.3f}×")
        print(f"| {label} | " + " | ".join(cells) + " |")


def main() -> int:
    target = Path(os.environ.get("CARGO_TARGET_DIR", "target"))
    root = target / "criterion"
    if not root.is_dir():
        print(f"no criterion results under {root}", file=sys.stderr)
        return 1
    results = load(root)
    layers(results)
    print()
    collection(results)
    print()
    versus(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
