#!/usr/bin/env bash
# The whole `fou parse` process against `pandoc -f markdown -t json` on each
# real report (issue 12's goal: fou 50 times as fast or more), with
# hyperfine; both must be installed (Debian: apt-get install pandoc
# hyperfine). Prints the mean and median of each and their ratios.
#
#   benches/pandoc.sh                 # ../shared/corpus/fou-2020.txt and fou-2022.md
#   benches/pandoc.sh FILE...         # other texts
#   FOU_RUNS=100 PANDOC_RUNS=20 benches/pandoc.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in pandoc hyperfine python3; do
  command -v "$tool" > /dev/null || { echo "benches/pandoc.sh: $tool is not installed" >&2; exit 2; }
done
cargo build --release --locked -q -p fou-cli
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
fou="$target/release/fou"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ $# -gt 0 ] || set -- ../shared/corpus/fou-2020.txt ../shared/corpus/fou-2022.md
echo "$(pandoc --version | head -1), $(hyperfine --version), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
for f in "$@"; do
  # hyperfine's own output (and its warnings of outliers) only if it fails.
  hyperfine -N --warmup 20 --runs "${FOU_RUNS:-300}" --output=null --export-json "$tmp/fou.json" \
    "$fou parse $f" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
  hyperfine -N --warmup 3 --runs "${PANDOC_RUNS:-40}" --output=null --export-json "$tmp/pandoc.json" \
    "pandoc -f markdown -t json $f" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 1; }
  python3 - "$f" "$tmp/fou.json" "$tmp/pandoc.json" <<'PY'
import json, sys
name, fou, pandoc = sys.argv[1], *(json.load(open(p))["results"][0] for p in sys.argv[2:])
ms = lambda r, k: r[k] * 1000
print(f"{name}: fou {ms(fou, 'mean'):.3f} ms mean, {ms(fou, 'median'):.3f} median; "
      f"pandoc {ms(pandoc, 'mean'):.1f} mean, {ms(pandoc, 'median'):.1f} median; "
      f"pandoc / fou {pandoc['mean'] / fou['mean']:.1f}x (means), "
      f"{pandoc['median'] / fou['median']:.1f}x (medians)")
PY
done
