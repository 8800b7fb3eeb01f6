"""The type stubs (python/fou/_fou.pyi) match the installed native module."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_stubtest() -> None:
    cmd = [
        sys.executable, "-m", "mypy.stubtest", "fou",
        "--mypy-config-file", str(REPO / "pyproject.toml"),
        "--allowlist", str(REPO / "python" / "stubtest-allowlist.txt"),
    ]  # fmt: skip
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"stubtest failed:\n{proc.stdout}\n{proc.stderr}"
    assert "Success" in proc.stdout
