#!/usr/bin/env bash
# Instructions per call of each step of python/benchmarks/counted.py on each
# input, counted by callgrind (N = 1 and N = 3 passes, the difference halved),
# next to the Rust parse of the same file (benches/counted.sh's fou_parse), as
# ratios. Deterministic: it holds on a busy machine.
# Usage (after scripts/test-python.sh built the release extension into .venv):
#   python/benchmarks/counted.sh [FILE...]   (default: ../shared/corpus/*)
# PYTHON=/path/to/python picks another interpreter with fou installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
py=${PYTHON:-.venv/bin/python}
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release -p fou-bench --example counted
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(../shared/corpus/*)
refs() { sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' | tr -d ,; }
per_pass() { # command... -> instructions of one pass (N = 1 and 3), callgrind options "${opts[@]}"
  local one three
  one=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "${opts[@]}" "$@" 1 2>&1 >/dev/null | refs)
  three=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "${opts[@]}" "$@" 3 2>&1 >/dev/null | refs)
  echo $(( (three - one) / 2 ))
}
# counted.py runs its passes inside functools.reduce, and only that is counted
# (for parse_many, also the parse of each file on the pool's threads,
# _fou::read_file: a toggle is per thread, so it would switch counting off
# inside reduce on the main thread, where parse_file calls it); a fixed hash
# seed keeps dict layouts, and so pandas' work, the same each run.
export PYTHONHASHSEED=0
# the steps of counted.py, in its order
read -r -a steps <<< "$("$py" -c 'import sys; sys.path.insert(0, "python/benchmarks"); import counted; print(*counted.STEPS)')"
echo "| input | Rust fou::parse | $(printf '%s | ' "${steps[@]}")"
echo "|---|---:|$(printf -- '---:|%.0s' "${steps[@]}")"
for f in "${files[@]}"; do
  opts=()
  rust=$(per_pass "$target/release/examples/counted" fou_parse "$f")
  row="| $(basename "$f") | $(python3 -c "print(f'{$rust:,}')") |"
  for s in "${steps[@]}"; do
    opts=(--toggle-collect=functools_reduce)
    [ "$s" = parse_many ] && opts+=(--toggle-collect=_fou::read_file)
    n=$(per_pass "$py" python/benchmarks/counted.py "$s" "$f")
    row+=" $(python3 -c "print(f'{$n:,} ({$n / $rust:.2f}×)')") |"
  done
  echo "$row"
done
