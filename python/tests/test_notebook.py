"""examples/notebook.ipynb runs, shows its plots inline, and ships with its outputs.

The test executes the notebook from the repository root (as a reader would) and checks
that every code cell ran, that the plot cells produced an ``image/png`` output, and that
the outputs stored in the committed file are there and are what a fresh run gives (the
same output types and texts per cell; images are not compared byte for byte).

Cells tagged ``corpus`` read NAV's real reports (``../shared/corpus``): they run in the
fresh run like every cell, but their outputs are never stored (the committed file holds
nothing taken from the real reports; the test checks that no real title is in it).

After changing the notebook, the samples or the package, store fresh outputs with::

    .venv/bin/python python/tests/test_notebook.py --update
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import REPO, SHARED

NOTEBOOK = REPO / "examples" / "notebook.ipynb"
UPDATE = f"{Path(sys.executable).name} python/tests/test_notebook.py --update"

# Appended to the fresh run only (never stored): what the institution chart shows.
PROBE = """\
import json as _json
print(_json.dumps({
    "bars": [t.get_text() for t in ax_inst.get_yticklabels()],
    "counts": {k: int(v) for k, v in per_institution.sum(axis=1).items()},
    "written": sorted(set(projects.explode("institutions")["institutions"].dropna())),
}))
"""


def execute(nb: Any) -> Any:
    """Run a notebook in place from the repository root, as a reader would."""
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=180,
        record_timing=False,
        resources={"metadata": {"path": str(REPO)}},  # kernel cwd: the repository root
        extra_arguments=["--InteractiveShell.colors=nocolor"],
    )
    client.execute()
    return nb


def code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def reads_corpus(cell: Any) -> bool:
    """A cell that reads the real reports: run, never stored with its outputs."""
    return "corpus" in cell.get("metadata", {}).get("tags", [])


def real_titles() -> list[str]:
    """The titles of the real reports' items (from the gold files), for the check that
    none is stored in the notebook."""
    titles = []
    for gold in sorted((SHARED / "gold").glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        for kind in ("projects", "portfolio", "analyses", "phd"):
            titles.extend(item["title"] for item in data.get(kind, []) if len(item.get("title", "")) >= 20)
    return titles


def summary(cell: Any) -> list[tuple[str, str, str]]:
    """(output type, stream name or MIME types, text) per output of a code cell."""
    out = []
    for o in cell.get("outputs", []):
        if o.output_type == "stream":
            out.append(("stream", o.name, o.text))
        elif o.output_type in ("display_data", "execute_result"):
            text = o.data.get("text/plain", "")
            out.append((o.output_type, ",".join(sorted(o.data)), text))
        else:
            out.append((o.output_type, o.get("ename", ""), o.get("evalue", "")))
    return [(kind, what, "\n".join(line.rstrip() for line in text.splitlines())) for kind, what, text in out]


def is_plot_cell(cell: Any) -> bool:
    return "plt.show()" in cell.source or ".plot" in cell.source


@pytest.fixture(scope="module")
def stored() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def fresh(stored: Any) -> Any:
    nb = copy.deepcopy(stored)
    for cell in code_cells(nb):
        cell.outputs = []
        cell.execution_count = None
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    try:
        execute(nb)
    except CellExecutionError as exc:
        pytest.fail(f"{NOTEBOOK.name} failed:\n{exc}")
    return nb


def test_stored_outputs_are_there(stored: Any) -> None:
    cells = code_cells(stored)
    assert len(cells) >= 5
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1)), (
        f"the stored notebook was not run top to bottom in one go: run {UPDATE}"
    )
    # every cell but the imports shows something, but those that read the real reports
    samples = [c for c in cells[1:] if not reads_corpus(c)]
    assert all(c.outputs for c in samples), f"cells without stored outputs: run {UPDATE}"
    corpus = [c for c in cells if reads_corpus(c)]
    assert len(corpus) >= 3 and not any(c.outputs for c in corpus), "outputs of the real reports are stored"
    assert not any(o.output_type == "error" for c in cells for o in c.outputs)
    assert any(is_plot_cell(c) for c in samples)
    for cell in filter(is_plot_cell, samples):
        assert any("image/png" in o.get("data", {}) for o in cell.outputs), cell.source
    # no figure written to disk instead of shown; no paths of this machine, no real titles
    text = NOTEBOOK.read_text(encoding="utf-8")
    assert "savefig" not in text
    assert "%matplotlib inline" in cells[0].source
    assert str(REPO) not in text and str(SHARED.resolve()) not in text
    titles = real_titles()
    assert len(titles) > 20
    assert not [t for t in titles if t in text]
    assert 'pip install \\".[notebook]\\"' in text


def test_every_cell_runs_and_plots_inline(fresh: Any) -> None:
    cells = code_cells(fresh)
    assert all(c.execution_count is not None for c in cells)
    assert not any(o.output_type == "error" for c in cells for o in c.outputs)
    plots = [c for c in cells if is_plot_cell(c)]
    assert plots
    for cell in plots:
        pngs = [o.data["image/png"] for o in cell.outputs if "image/png" in o.get("data", {})]
        assert pngs and all(len(p) > 10_000 for p in pngs), cell.source  # base64 of a real figure


def test_stored_outputs_match_a_fresh_run(stored: Any, fresh: Any) -> None:
    old, new = code_cells(stored), code_cells(fresh)[:-1]  # without the probe
    assert [c.source for c in old] == [c.source for c in new]
    for i, (a, b) in enumerate(zip(old, new), start=1):
        if reads_corpus(a):
            continue  # not stored; test_every_cell_runs_and_plots_inline and the section test cover it
        assert summary(a) == summary(b), f"code cell {i} gives other outputs than stored: run {UPDATE}"


def test_one_organisation_is_one_bar(fresh: Any) -> None:
    probe = code_cells(fresh)[-1]
    shown = json.loads(probe.outputs[0].text)
    # the samples do write one organisation two ways ...
    written = set(shown["written"])
    assert {"Proba", "Proba samfunnsanalyse", "Fjordforsk", "Fjordforsk AS", "UiB", "Institutt for sosiologi"} <= written
    # ... and the chart has one bar for each
    bars = shown["bars"]
    assert len(bars) == len(set(bars)) == len(shown["counts"])
    assert {"Proba", "Fjordforsk", "UiB"} <= set(bars)
    assert not {"Proba samfunnsanalyse", "Fjordforsk AS", "Institutt for sosiologi"} & set(bars)
    assert (shown["counts"]["Proba"], shown["counts"]["Fjordforsk"], shown["counts"]["UiB"]) == (3, 5, 2)


def test_the_collection_section_follows_2020_to_2022(fresh: Any) -> None:
    cells = [c for c in code_cells(fresh) if reads_corpus(c)]
    text = "\n".join(o.get("text", "") for c in cells for o in c.outputs if o.output_type == "stream")
    assert "Collection(texts=" in text
    # the real reports are read, and projects are followed from one to the other
    followed = int(text.split(" of ")[0].split("\n")[-1])
    assert followed > 0, text
    table = next(o for o in cells[1].outputs if o.output_type == "execute_result")
    assert "projects" in table.data["text/plain"]


def main(argv: list[str]) -> int:
    if argv != ["--update"]:
        print(f"usage: {UPDATE}\n(runs {NOTEBOOK.relative_to(REPO)} and stores its outputs)", file=sys.stderr)
        return 2
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in code_cells(nb):
        cell.outputs = []
        cell.execution_count = None
    execute(nb)
    for cell in filter(reads_corpus, code_cells(nb)):
        cell.outputs = []  # the real reports' figures stay out of the repository
    nbformat.write(nb, NOTEBOOK)
    print(f"stored the outputs of {len(code_cells(nb))} code cells in {NOTEBOOK.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
