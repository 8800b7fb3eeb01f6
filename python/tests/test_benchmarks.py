"""The benchmark scripts run: each step of python/benchmarks/counted.py once on a sample."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from types import ModuleType

import pytest

from conftest import REPO

COUNTED = REPO / "python" / "benchmarks" / "counted.py"
SAMPLE = REPO / "examples" / "data" / "sample-2021.txt"


def counted_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("counted", COUNTED)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", counted_module().STEPS)
def test_each_counted_step_runs(name: str) -> None:
    run = counted_module().step(name, str(SAMPLE))
    assert run() is not None


def test_counted_rejects_an_unknown_step() -> None:
    done = subprocess.run(
        [sys.executable, str(COUNTED), "no_such_step", str(SAMPLE), "1"], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "unknown step 'no_such_step'" in done.stderr
