#!/usr/bin/env bash
# The whole `fou parse` process against `pandoc -f markdown -t json` on each
# real report (issue 12's goal: fou 50 times as fast or more), with
# hyperfine; both must be installed (Debian: apt-get install pandoc
# hyperfine).
#
# The two are measured in turn, round by round (fou's runs, then pandoc's,
# ROUNDS times), and each round's ratio is taken from that round's medians:
# a virtual machine's speed drifts over minutes, and a ratio of two runs
# made minutes apart measures the drift as much as the programs. Prints each
# round's medians, and the median, least and greatest of the rounds' ratios.
#
#   benches/pandoc.sh                 # ../shared/corpus/fou-2020.txt and fou-2022.md
#   benches/pandoc.sh FILE...         # other texts
#   ROUNDS=5 FOU_RUNS=60 PANDOC_RUNS=8 benches/pandoc.sh   # the defaults (runs per round)
#   FOU=/path/to/fou benches/pandoc.sh                      # another build of fou (not built here)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in pandoc hyperfine python3; do
  command -v "$tool" > /dev/null || { echo "benches/pandoc.sh: $tool is not installed" >&2; exit 2; }
done
if [ -z "${FOU:-}" ]; then
  cargo build --release --locked -q -p fou-cli
  target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
  FOU="$target/release/fou"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- ../shared/corpus/fou-2020.txt ../shared/corpus/fou-2022.md
echo "$(pandoc --version | head -1), $(hyperfine --version), $FOU, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
# hyperfine's own output (and its warnings of outliers) only if it fails.
measure() { # name warmup runs command... -> $tmp/name.json
  local name=$1 warmup=$2 runs=$3
  shift 3
  hyperfine -N --warmup "$warmup" --runs "$runs" --output=null --export-json "$tmp/$name.json" \
    "$*" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
}
for f in "$@"; do
  for round in $(seq "${ROUNDS:-5}"); do
    measure "fou-$round" 10 "${FOU_RUNS:-60}" "$FOU" parse "$f"
    measure "pandoc-$round" 1 "${PANDOC_RUNS:-8}" pandoc -f markdown -t json "$f"
  done
  python3 - "$f" "$tmp" "${ROUNDS:-5}" <<'PY'
import json, statistics, sys
name, tmp, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
median = lambda tool, r: json.load(open(f"{tmp}/{tool}-{r}.json"))["results"][0]["median"] * 1000
rows = [(median("fou", r), median("pandoc", r)) for r in range(1, rounds + 1)]
ratios = [p / f for f, p in rows]
print(f"{name}: rounds' medians (fou / pandoc, ms): " + ", ".join(f"{f:.2f} / {p:.1f}" for f, p in rows))
print(f"{name}: pandoc / fou {statistics.median(ratios):.1f}x (median of {rounds} rounds; "
      f"{min(ratios):.1f}-{max(ratios):.1f}x)")
PY
done
