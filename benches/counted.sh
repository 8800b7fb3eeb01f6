#!/usr/bin/env bash
# Instructions per pass of each contender of benches/versus.rs on each input,
# counted by callgrind (examples/counted.rs), and fou's ratios to them.
# Usage: benches/counted.sh FILE...   (default: ../shared/corpus/*)
set -euo pipefail
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release -p fou-bench --example counted
bin=$target/release/examples/counted
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(../shared/corpus/*)
count() { # contender file n -> instructions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 >/dev/null |
    sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | tr -d ,
}
echo "| input | memchr_newlines | str_lines | pulldown_cmark | fou_lines_clean | fou_parse | parse vs pulldown | lines+clean vs str::lines |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for f in "${files[@]}"; do
  declare -A per
  for c in memchr_newlines str_lines pulldown_cmark fou_lines_clean fou_parse; do
    n=10
    [ "$c" = fou_parse ] && n=3
    one=$(count "$c" "$f" 1)
    runs=$(count "$c" "$f" "$n")
    per[$c]=$(( (runs - one) / (n - 1) ))
  done
  python3 - "$(basename "$f")" "${per[memchr_newlines]}" "${per[str_lines]}" "${per[pulldown_cmark]}" \
    "${per[fou_lines_clean]}" "${per[fou_parse]}" <<'PY'
import sys
name, *v = sys.argv[1:]
m, s, p, l, f = map(int, v)
print(f"| {name} | {m:,} | {s:,} | {p:,} | {l:,} | {f:,} | {p / f:.3f}× | {s / l:.3f}× |")
PY
done
