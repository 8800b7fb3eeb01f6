"""examples/notebook.ipynb runs from top to bottom (so it cannot rot)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import REPO

NOTEBOOK = REPO / "examples" / "notebook.ipynb"


def test_notebook_runs(shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    monkeypatch.setenv("FOU_NOTEBOOK_OUT", str(tmp_path))  # the kernel inherits the environment
    monkeypatch.setenv("MPLBACKEND", "Agg")
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=180,
        resources={"metadata": {"path": str(REPO)}},  # kernel cwd: the repository root
        extra_arguments=["--InteractiveShell.colors=nocolor"],
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        pytest.fail(f"{NOTEBOOK.name} failed:\n{exc}")
    figure = tmp_path / "projects.png"
    assert figure.stat().st_size > 10_000
    outputs = "".join(
        str(out.get("text", "")) + str(out.get("data", {}).get("text/plain", ""))
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
    )
    assert "Report(year=2020" in outputs and "Report(year=2022" in outputs
    assert "total" in outputs
