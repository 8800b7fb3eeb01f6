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
# Prints the number of inputs.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: benches/outputs.sh FOU OUTDIR" >&2; exit 2; }
fou=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$(dirname "$0")/.."
[ -x "$fou" ] || { echo "benches/outputs.sh: $fou is not an executable" >&2; exit 2; }

inputs=()
[ -d ../shared/corpus ] && while IFS= read -r f; do inputs+=("$f"); done < <(find ../shared/corpus -type f | sort)
while IFS= read -r f; do inputs+=("$f"); done < <(
  find examples tests/fixtures -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort)

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
if [ ${#inputs[@]} -gt 0 ]; then
  copies=()
  for _ in $(seq 30); do copies+=("${inputs[0]}"); done
  keep "copies.ndjson" "$fou" parse --format ndjson "${copies[@]}"
fi
echo "${#inputs[@]} inputs"
