"""Shared fixtures: where the real reports are."""

from __future__ import annotations

from pathlib import Path

import pytest

import fou

REPO = Path(__file__).resolve().parents[2]
# ../shared beside the repository: CI always has it; the corpus is never copied in.
# (Its gold files are read by the Rust golden test, tests/golden.rs.)
SHARED = REPO / ".." / "shared"
CORPUS = SHARED / "corpus"
REPORTS = ["fou-2020.txt", "fou-2022.md"]


def corpus_paths() -> list[Path]:
    return [CORPUS / name for name in REPORTS]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"{CORPUS} is missing: the golden tests need ../shared/corpus beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def reports(shared_dir: Path) -> list[fou.Report]:
    """The two real reports, parsed once."""
    return [fou.parse_file(p) for p in corpus_paths()]
