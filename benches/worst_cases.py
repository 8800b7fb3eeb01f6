#!/usr/bin/env python3
"""Worst cases: does any shape of text make a parse grow faster than the text?

Usage: benches/worst_cases.py [NAME...]   (default: every shape below)

Each shape is a piece of text repeated (markup alone, lines of one kind, long
runs of what a reader looks at) into a text of about 20 KB and one four times
as long. Both are parsed once by `examples/counted.rs` (`fou_parse`) under
callgrind, and the instructions beyond an empty text's are printed per input
byte at each size, with their growth: about 4× is linear; a shape whose
instructions grow more than 1.5 times as fast as its text is flagged (`<<<`).
Instructions, not seconds, so a busy machine cannot move the figures. The
texts are made here, of no real report's words. Found with it, and now
guarded by counting in tests/linear_time.rs (BENCHMARKS.md, "Thirty-first
pass"): a clause of counts with no `og` between them, lines that each end in a
hyphen with no space, lines that end in Unicode line separators alone.

Run from the repository's root after

    cargo build --release -p fou-bench --example counted

(`CARGO_TARGET_DIR` is honoured). About five minutes on two cores.
"""
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

# A piece repeated: markup, line ends, words and lines the readers look at.
PIECES = {
    "open brackets": "[",
    "image brackets": "![",
    "angle brackets": "<",
    "stars": "*",
    "underscores": "_",
    "backslashes": "\\",
    "unclosed bold": "**a ",
    "bold tags": "<b>x ",
    "nested links": "[[a](b) ",
    "no-break spaces": "a\u00a0",
    "soft hyphens": "ord\u00ad",
    "tabs": "a\t",
    "returns": "linje\r",
    "crlf": "linje\r\n",
    "line separators": "linje\u2028",
    "hyphen line ends": "ord-\n",
    "bullets": "- a\n",
    "numbered items": "1. a\n",
    "page numbers": "Tekst.\n12\n",
    "headings": "# a\n",
    "bold lines": "**A**\n",
    "blank lines": "\n",
    "one-word lines": "ord\n",
    "spaced dashes": "a - b ",
    "caps into lower": "NAVkontor ",
    "spaced hyphens": "Fjord- forsk ",
    "mid-line bullets": "a \u2022 b ",
    "contents lines": "Kapittel ..... 12\n",
    "labels": "Prosjekttittel: a\n",
    "periods": "Tittel (2020-2022) ",
    "institution commas": "NTNU, ",
    "og chain": "Fafo og ",
    "references": "Nordmann, O. (2020). Tittel. ",
    "dates": "1. mars 2020 ",
    "quotes": "\u00aba\u00bb ",
    "number words": "tre prosjekter fire rapporter ni ",
    "digit counts": "3 prosjekter ",
    "counts and og": "tre prosjekter og ",
    "partitives": "3 av disse ",
    "project lines": "- Tittel, Fjellvik forskning (2020-2022)\n",
    "table rows": "| a | b |\n",
    "one long word": "a",
    "initials": "Kari M. Nordmann. ",
    "plain links": "[a](https://x.no) ",
    "autolinks": "<https://x.no> ",
    "line breaks": "a<br>",
    "emphasis words": "_a_ ",
    "double dashes": "a -- b ",
    "open parentheses": "(a ",
    "open guillemets": "\u00aba ",
    "table cells": "| a ",
    "hyphenated word": "a-",
    "years": "2020 ",
    "spaced thousands": "1 000 ",
    "edition headings": "# Utgave 1 \u2013 2020\n",
    "period labels": "Prosjektperiode: 2020\u20132022\n",
    "leader labels": "Prosjektleder: Kari Nordmann (Fjellvik)\n",
    "phd lines": "Ph.d.-prosjekt: Tittel, Fjellvik (2020-2024)\n",
    "numbered contents": "1.2.3 Tittel 12\n",
    "author lists": "Nordmann, K., Hansen, P. og ",
    "capital words": "ARBEID OG VELFERD ",
    "slashes": "NIBR/OsloMet/",
    "apostrophes": "NAV\u2019s ",
    "colons": "a: ",
    "long heading": "# " ,
}


def structured(n: int) -> dict:
    """Shapes of whole reports and pages, `n` of their parts."""
    items = "".join(f"- Prosjekt {i}, Fjellvik forskning (2020-2022)\n" for i in range(n))
    return {
        "contents and headings": "FoU-rapport 2020\n\nInnhold\n"
        + "".join(f"Kapittel {i} om arbeid ..... {i}\n" for i in range(n))
        + "".join(f"\n# Kapittel {i} om arbeid\n\nTekst {i}.\n" for i in range(n)),
        "counts in sections": "".join(
            f"## Del {i}\n\nVi avsluttet {i % 9 + 2} prosjekter.\n\n- P {i}, Fjellvik (2020-2022)\n\n"
            for i in range(n)
        ),
        "list with a stated count": "Følgende 3 prosjekter ble avsluttet:\n\n" + items,
        "project records": "## Avsluttede prosjekter\n\n"
        + "".join(
            f"**Prosjekt {i}**\nFjellvik forskning\nProsjektperiode: 2020-2022\n\nOm {i}.\n\n"
            for i in range(n)
        ),
        "page of themes": "Prosjekter som pågår\n\n"
        + "".join(f"Tema {i}\nTittel {i}, Fjellvik forskning (2020-2022)\n\n" for i in range(n)),
        "run-together list": "Prosjekter: "
        + " - ".join(f"Tittel {i}, Fjellvik forskning (2020-2022)" for i in range(n)),
        "one item, many institutions": "- Tittel, "
        + ", ".join(f"Fjellvik {i} forskning" for i in range(n))
        + " (2020-2022)\n",
        "a paragraph of counts and dates": "".join(
            f"Den {i % 28 + 1}. mars 2020 ble {i % 9 + 2} prosjekter avsluttet. " for i in range(n)
        ),
        "completed sections": "".join(
            f"## Avsluttede prosjekter\n\n- P {i}, Fjellvik (2020-2022)\n\n" for i in range(n)
        ),
        "contents alone": "Innhold\n" + "".join(f"{i} Kapittel {i} ..... {i}\n" for i in range(n)),
        "one heading again": "".join("# Forord\n\nTekst.\n\n" for _ in range(n)),
        "labelled records": "## Avsluttede prosjekter\n\n"
        + "".join(
            f"Prosjekttittel: P {i}\nProsjektleder: K {i}\nProsjektperiode: 2020-2022\n"
            f"Sammendrag: Resultatene er publisert i {i % 9 + 2} rapporter.\n\n"
            for i in range(n)
        ),
    }


def counted_binary() -> str:
    target = os.environ.get("CARGO_TARGET_DIR", "target")
    return os.path.join(target, "release", "examples", "counted")


def instructions(binary: str, text: str) -> int:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
    try:
        err = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, "fou_parse", f.name, "1"],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
    finally:
        os.unlink(f.name)
    return int(re.search(r"refs:\s*([\d,]+)", err).group(1).replace(",", ""))


def shapes() -> dict:
    """Each shape as a function of a size in bytes."""
    out = {name: (lambda size, p=piece: (p * (size // len(p) + 1))[:size]) for name, piece in PIECES.items()}

    def grown(name):
        def make(size):
            n = 1
            while len(structured(n)[name]) < size:
                n *= 2
            return structured(n)[name]

        return make

    out.update({name: grown(name) for name in structured(1)})
    return out


def main() -> None:
    binary = counted_binary()
    all_shapes = shapes()
    names = sys.argv[1:] or list(all_shapes)
    empty = instructions(binary, "")

    def probe(name):
        small, large = all_shapes[name](20_000), all_shapes[name](80_000)
        return name, small, large, instructions(binary, small), instructions(binary, large)

    print(f"{'shape':26} {'bytes':>8} {'instr/B':>8} {'bytes':>8} {'instr/B':>8} {'growth':>7}")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for name, small, large, a, b in pool.map(probe, names):
            na, nb = len(small.encode()), len(large.encode())
            growth = (b - empty) / max(a - empty, 1)
            flag = "  <<<" if growth > 1.5 * nb / na else ""
            print(
                f"{name:26} {na:8} {(a - empty) / na:8.0f} {nb:8} {(b - empty) / nb:8.0f} "
                f"{growth:6.1f}×{flag}",
                flush=True,
            )


if __name__ == "__main__":
    main()
