"""The distribution: a PyPI name that is not the unrelated ``fou``, installed here,
shipping the ``fou`` package; extras that name what the docs install."""

from __future__ import annotations

import importlib.metadata
import re
import sys
from pathlib import Path

import fou
from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # the test extra installs tomli there
    import tomli as tomllib

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def test_distribution_name_is_not_the_unrelated_fou() -> None:
    name = PYPROJECT["project"]["name"]
    # `fou` on PyPI is another project; fou_nav, FOU-nav … are all one name to pip
    assert normalized(name) != "fou"
    assert normalized(name) == "fou-nav"


def test_the_distribution_is_installed_and_ships_fou() -> None:
    name = PYPROJECT["project"]["name"]
    dist = importlib.metadata.distribution(name)
    assert normalized(dist.metadata["Name"]) == normalized(name)
    assert dist.version == fou.__version__
    files = {str(f) for f in dist.files or []}
    assert {"fou/__init__.py", "fou/py.typed", "fou/_fou.pyi"} <= files
    assert any(re.fullmatch(r"fou/_fou\..*(so|pyd)", f) for f in files), sorted(files)
    # the fou we import is the one this distribution installed
    installed = {Path(str(dist.locate_file(f))).resolve() for f in dist.files or []}
    assert Path(fou.__file__).resolve() in installed


def test_extras() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    names = {k: {re.split(r"[<>=!~; \[]", req, maxsplit=1)[0].lower() for req in v} for k, v in extras.items()}
    assert names["pandas"] == {"pandas"}
    assert names["notebook"] == {"pandas", "matplotlib", "ipykernel", "nbclient", "nbformat"}
    assert names["notebook"] <= names["test"]
    assert {"pytest", "mypy"} <= names["test"]
    assert names["dask"] == {"dask"} and names["dask"] <= names["test"]  # examples/dask_collect.py is tested
    dist = importlib.metadata.distribution(PYPROJECT["project"]["name"])
    assert set(dist.metadata.get_all("Provides-Extra") or []) == set(extras)
