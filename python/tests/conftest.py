"""Shared fixtures: where the real reports and their gold files are."""

from __future__ import annotations

from pathlib import Path

import pytest

import fou

REPO = Path(__file__).resolve().parents[2]
# ../shared beside the repository: CI always has it; the corpus is never copied in.
SHARED = REPO / ".." / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
REPORTS = {"fou-2020.txt": "fou-2020.json", "fou-2022.md": "fou-2022.json"}


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
