#!/usr/bin/env bash
# Build the Python package and run its tests: stubtest, mypy, pytest (incl. the notebook).
# Works on a fresh machine with Rust and Python 3 (>= 3.9): it creates .venv at the
# repository root if missing and installs what it needs from PyPI.
#   scripts/test-python.sh            # everything
#   scripts/test-python.sh -k pickle  # extra arguments go to pytest
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared/corpus ]; then
  echo "error: ../shared/corpus is missing (the real reports the golden tests read)" >&2
  exit 1
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv with $("$PYTHON" --version 2>&1)"
  "$PYTHON" -m venv .venv
fi
VPY=.venv/bin/python

echo "== installing build and test tools into .venv"
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade pip
"$VPY" -m pip install --quiet --disable-pip-version-check --upgrade \
  "maturin>=1.9.4,<2" pytest pandas matplotlib nbclient nbformat ipykernel mypy

echo "== pip install .[pandas] (maturin builds fou._fou)"
# maturin is in the venv already, so skip pip's isolated build environment.
"$VPY" -m pip install --quiet --disable-pip-version-check --no-build-isolation ".[pandas]"

echo "== stubtest"
"$VPY" -m mypy.stubtest fou --mypy-config-file pyproject.toml --allowlist python/stubtest-allowlist.txt

echo "== mypy (package and stubs, strict)"
"$VPY" -m mypy

echo "== pytest"
"$VPY" -m pytest -q python/tests "$@"
