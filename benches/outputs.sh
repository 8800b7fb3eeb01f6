#!/usr/bin/env bash
# What a build of `fou` prints for every text the repository and ../shared
# hold, one file per command and input, so that two builds (before and after
# a change meant to keep the output) are compared with `diff -r`:
#
#   benches/outputs.sh FOU OUTDIR
#   benches/outputs.sh /tmp/before/fou /tmp/out-before
#   benches/outputs.sh target/release/fou /tmp/out-after
#   diff -r /tmp/out-before /tmp/out-after && echo identical
#
# For each real report (../shared/corpus), example, sample page and fixture
# (`.txt`, `.md`, `.html`): `fou parse` (JSON) and `fou explain`, each with
# its standard error and exit status; and one `fou parse --format ndjson` of
# 30 copies of the first real report (several files read side by side).
# OUTDIR must be new or empty (what an earlier run left would be compared
# too). Needs ../shared/corpus beside the repository. Prints the number of
# inputs.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: benches/outputs.sh FOU OUTDIR" >&2; exit 2; }
fail() { echo "benches/outputs.sh: $*" >&2; exit 2; }
fou=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$fou" ] && [ ! -d "$fou" ] || fail "$1 is not an executable"
mkdir -p "$2"
out=$(cd "$2" && pwd)
[ -z "$(ls -A "$out")" ] || fail "$2 is not empty"
cd "$(dirname "$0")/.."
[ -d ../shared/corpus ] || fail "../shared/corpus is missing beside the repository"

# (command substitutions, so that a failing `find` stops the script)
corpus=$(find ../shared/corpus -type f | sort)
texts=$(find examples tests/fixtures -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort)
inputs=()
while IFS= read -r f; do [ -n "$f" ] && inputs+=("$f"); done <<< "$corpus"$'\n'"$texts"
n=${#inputs[@]}
[ -n "$corpus" ] || fail "../shared/corpus holds no file"

# One command's output, its standard error and its exit status, in one file.
keep() { # name command...
  local name=$1 status=0
  shift
  "$@" > "$out/$name" 2> "$out/$name.err" || status=$?
  echo "exit $status" >> "$out/$name.err"
}

for f in "${inputs[@]}"; do
  name=$(printf '%s' "${f#../}" | tr '/' '_') # ../shared/corpus/x → shared_corpus_x
  keep "$name.parse.json" "$fou" parse "$f"
  keep "$name.explain.txt" "$fou" explain "$f"
done
copies=()
for _ in $(seq 30); do copies+=("${inputs[0]}"); done
keep "copies.ndjson" "$fou" parse --format ndjson "${copies[@]}"
echo "$n inputs"
