#!/usr/bin/env bash
# Run every test: Rust (unit, doc, golden, grammar, property, renderings,
# encodings, scaling, CLI), the examples, the benches and fuzz targets build
# (fuzz corpora replayed once), then the Python suite in a fresh .venv.
# Works on a fresh machine with Rust and Python 3 installed: it fetches what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/corpus ]; then
  echo "error: ../shared/corpus is missing (the real reports the golden tests read)" >&2
  exit 1
fi

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test (workspace)"
cargo test --workspace --locked
echo "== examples"
cargo run --locked -q -p fou-examples --example summary_table -- examples/data/sample-2021.txt
echo "== benches build"
cargo bench --locked -p fou-bench --no-run
echo "== fuzz targets build and corpus replay"
scripts/fuzz-build.sh

if [ -x scripts/test-python.sh ]; then
  echo "== python"
  scripts/test-python.sh
fi
echo "== all tests passed"
