#!/usr/bin/env bash
# Build the Python package and run its tests: stubtest, mypy, pytest (incl. the notebook).
# Works on a fresh machine with Rust and Python 3 (>= 3.9): it creates .venv at the
# repository root if missing and installs what it needs from PyPI.
#   scripts/test-python.sh            # everything
#   scripts/test-python.sh -k pickle  # extra arguments go to pytest
#   VENV=/path/to/venv scripts/test-python.sh   # another virtualenv than .venv
# The extension is built by cargo (through maturin), so CARGO_TARGET_DIR is honoured.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/corpus ]; then
  echo "error: ../shared/corpus is missing (the real reports the golden tests read)" >&2
  exit 1
fi

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV with $("$PYTHON" --version 2>&1)"
  "$PYTHON" -m venv "$VENV"
fi
VPY="$VENV/bin/python"

echo "== installing the build tool into $VENV"
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade "maturin>=1.9.4,<2"
# The distribution was called `fou` before it became `fou-nav` (`fou` on PyPI is
# an unrelated project); a .venv from before the rename still has it.
"$VPY" -m pip uninstall --quiet --disable-pip-version-check -y fou 2>/dev/null || true

echo "== pip install .[test] (maturin builds fou._fou; the test extra brings pytest, mypy, pandas, matplotlib, the notebook kernel)"
# maturin is in the venv already, so skip pip's isolated build environment; the
# build shares the workspace's target/ directory with the cargo stages.
"$VPY" -m pip install --quiet --disable-pip-version-check --no-build-isolation ".[test]"

echo "== stubtest"
"$VPY" -m mypy.stubtest fou --mypy-config-file pyproject.toml --allowlist python/stubtest-allowlist.txt

echo "== mypy (package and stubs, strict)"
"$VPY" -m mypy

echo "== pytest"
"$VPY" -m pytest -q python/tests "$@"
