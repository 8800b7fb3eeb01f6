#!/usr/bin/env python3
"""Texts cut at random from the real reports, for measuring `fou collect` and
`fou links` on a collection that holds many copies of the same items.

Usage: benches/cut.py OUTDIR [N [SEED]]   (defaults: 200 texts, seed 7)

Each text is a run of whole lines of one report (the report repeated when the
run is longer), starting at a random line, of a size log-uniform between 4 and
100 KB, written as `tNNNN.txt` or `.md` after its report. The reports are read
from ../shared/corpus and the texts written outside the repository: none of
their words is kept here. Measured with (BENCHMARKS.md, "Sixteenth pass"):

    RAYON_NUM_THREADS=1 valgrind --tool=callgrind fou collect OUTDIR
"""
import math
import os
import random
import sys
from pathlib import Path

REPORTS = ("fou-2020.txt", "fou-2022.md")
SMALLEST, LARGEST = 4_000, 100_000


def main() -> None:
    out = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    corpus = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    texts = [(corpus / name).read_text(encoding="utf-8") for name in REPORTS]
    out.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        which = rng.randrange(len(texts))
        text = texts[which]
        size = int(math.exp(rng.uniform(math.log(SMALLEST), math.log(LARGEST))))
        repeated = (text + "\n") * (size // len(text) + 2)
        start = repeated.find("\n", rng.randrange(len(text))) + 1
        end = repeated.find("\n", start + size) + 1 or len(repeated)
        ext = os.path.splitext(REPORTS[which])[1]
        (out / f"t{k:04d}{ext}").write_text(repeated[start:end], encoding="utf-8")


if __name__ == "__main__":
    main()
