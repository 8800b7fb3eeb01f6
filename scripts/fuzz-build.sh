#!/usr/bin/env bash
# CI for the fuzz targets of crates/fou/fuzz (stable toolchain, no sanitizer):
#   1. install cargo-fuzz if it is missing;
#   2. build every fuzz target (`cargo fuzz build --sanitizer none`);
#   3. replay each target's committed corpus once (`-runs=0`): a regression check, < 1 s each
#      (`cli_files` runs the command line in process on files it writes under TMPDIR).
# With FUZZ_SECONDS=N each target is then also fuzzed for N seconds with the report
# dictionary, in a temporary corpus so the committed seeds stay as they are.
# A crash exits non-zero; the input is left in crates/fou/fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../crates/fou"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

# Scratch space, removed at the end: the temporary corpora, and TMPDIR, where
# `cli_files` writes the files it passes to the command line.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/tmp"
export TMPDIR="$scratch/tmp"

echo "== cargo fuzz build --sanitizer none"
cargo fuzz build --sanitizer none

targets=$(cargo fuzz list)
for t in $targets; do
  if [ -d "fuzz/corpus/$t" ]; then
    n=$(find -L "fuzz/corpus/$t" -type f | wc -l)
    echo "== replay $t ($n inputs)"
    cargo fuzz run --sanitizer none "$t" "fuzz/corpus/$t" -- -runs=0
  else
    echo "== $t: no committed corpus (fuzz/corpus/$t)" >&2
  fi
done

if [ "${FUZZ_SECONDS:-0}" -gt 0 ]; then
  for t in $targets; do
    echo "== fuzz $t for ${FUZZ_SECONDS}s"
    mkdir -p "$scratch/$t"
    seeds=()
    [ -d "fuzz/corpus/$t" ] && seeds=("fuzz/corpus/$t")
    cargo fuzz run --sanitizer none "$t" "$scratch/$t" "${seeds[@]}" -- \
      -max_total_time="$FUZZ_SECONDS" -dict=fuzz/fou.dict -timeout=10
  done
fi
echo "== fuzz targets OK"
