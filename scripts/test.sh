#!/usr/bin/env bash
# Run every test, stage by stage, and report them all at the end:
#   fmt, clippy, Rust tests (unit, doc, golden, grammar, property, renderings,
#   encodings, linear work, CLI, snapshots), cargo doc without warnings, the
#   example, the benches build, the fuzz targets (build + corpus replay; when
#   CI is set or with --fuzz), then the Python package in .venv (stubtest, mypy, pytest incl. the notebook),
#   then the core's and the integration tests with the portable byte scans (as on aarch64).
# A failing stage does not stop the others; the summary table lists each
# stage with its result and time, and the exit status is 1 if any failed.
#
#   scripts/test.sh            # everything (fuzz only when CI is set)
#   scripts/test.sh --quick    # the core's unit and doc tests and the golden and grammar tests
#   scripts/test.sh --fuzz     # also build the fuzz targets and replay their corpora
#   scripts/test.sh --no-python
#
# Works on a fresh machine with Rust and Python 3 installed: it fetches what it
# needs (crates, cargo-fuzz for the fuzz stage, Python packages into .venv).
# The cargo stages and the Python build share one target directory (target/, or
# CARGO_TARGET_DIR); the fuzz targets build in crates/fou/fuzz/target (other flags).
set -uo pipefail
cd "$(dirname "$0")/.."

quick=0 fuzz=0 python=1
[ -n "${CI:-}" ] && fuzz=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --fuzz) fuzz=1 ;;
    --no-python) python=0 ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

names=() results=() times=()
failed=0

# run_stage NAME COMMAND…: run one stage, record its result and time.
run_stage() {
  local name=$1 start rc
  shift
  echo
  echo "== $name: $*"
  start=$(date +%s)
  "$@"
  rc=$?
  names+=("$name")
  times+=($(($(date +%s) - start)))
  if [ "$rc" -eq 0 ]; then
    results+=("pass")
  else
    results+=("FAIL ($rc)")
    failed=1
  fi
}

summary() {
  echo
  echo "== summary"
  printf '%-14s %-10s %8s\n' stage result seconds
  local total=0 i
  for i in "${!names[@]}"; do
    printf '%-14s %-10s %8s\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
    total=$((total + times[i]))
  done
  printf '%-14s %-10s %8s\n' total "" "$total"
  if [ "$failed" -eq 0 ]; then
    echo "== all stages passed"
  else
    echo "== some stages FAILED (see above)"
  fi
}

if [ ! -d ../shared/corpus ]; then
  echo "error: ../shared/corpus is missing (the real reports the golden tests read)" >&2
  exit 1
fi

# Disk: a cold run needs about 3 GB (target/, the fuzz targets, .venv). A CI
# run once failed half-way with "No space left on device", so say up front
# when the disk is short, and keep the footprint down where nobody rebuilds
# incrementally: a CI run builds once, so incremental caches are dead weight.
if [ -n "${CI:-}" ]; then
  export CARGO_INCREMENTAL=0
fi
free_mb=$(df -Pm . 2>/dev/null | awk 'NR == 2 { print $4 }')
if [ -n "$free_mb" ] && [ "$free_mb" -lt 4096 ]; then
  echo "warning: only ${free_mb} MB free on this disk; a cold run needs about 3 GB" >&2
fi

if [ "$quick" -eq 1 ]; then
  run_stage core cargo test --locked -p fou
  run_stage golden cargo test --locked -p fou-tests --test golden --test grammar
  summary
  exit "$failed"
fi

run_stage fmt cargo fmt --all -- --check
run_stage clippy cargo clippy --workspace --all-targets --locked -- -D warnings
run_stage rust-tests cargo test --workspace --locked
run_stage docs env RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
run_stage example cargo run --locked -q -p fou-examples --example summary_table -- examples/data/sample-2021.txt
run_stage benches cargo bench --locked -p fou-bench --no-run
if [ "$fuzz" -eq 1 ]; then
  run_stage fuzz scripts/fuzz-build.sh
fi
if [ "$python" -eq 1 ]; then
  run_stage python scripts/test-python.sh
fi
# The core's and the integration tests again with the portable byte scans an
# aarch64 build runs (crates/fou/build.rs); last, since fou is rebuilt for it.
run_stage portable env FOU_PORTABLE_SCANS=1 cargo test --locked -p fou -p fou-tests
summary
exit "$failed"
