"""examples/dask_collect.py: parsing on a Dask LocalCluster of worker *processes* gives
the same collection as fou.collect (texts, items, links, diagnostics, every table).

Robust on a busy machine: two workers of one thread each, a generous start-up
timeout, nothing timed."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import fou
from conftest import REPO, corpus_paths

distributed = pytest.importorskip("dask.distributed", reason="the test extra installs dask[distributed]")

EXAMPLE = REPO / "examples" / "dask_collect.py"
STARTUP = "120s"


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_collect", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        timeout=STARTUP,
    )
    c = distributed.Client(cluster, timeout=STARTUP)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture()
def directory(shared_dir: Path, tmp_path: Path) -> Path:
    """The two real reports, one of them twice, and the invented samples, in subdirectories."""
    d = tmp_path / "reports"
    (d / "real").mkdir(parents=True)
    for p in corpus_paths():
        shutil.copy(p, d / "real" / p.name)
    shutil.copy(corpus_paths()[0], d / "real" / "copy-of-2020.txt")
    # a file beside the directory of its stem: paths sort `real/…` first, strings `real.txt`
    shutil.copy(corpus_paths()[1], d / "real.txt")
    shutil.copytree(REPO / "examples" / "data", d / "samples")
    return d


def item_keys(c: fou.Collection) -> list[tuple[Any, ...]]:
    return [(i.path, i.kind, i.index, i.item.to_json(), tuple(r.to_json() for r in i.institutions)) for i in c.items]


def link_keys(c: fou.Collection) -> list[tuple[Any, ...]]:
    return [
        (lk.id, lk.score, lk.reason, [(a.path, a.year, a.kind, a.item, a.title, a.status) for a in lk.appearances])
        for lk in c.links
    ]


def test_workers_are_processes(client: Any) -> None:
    info = client.scheduler_info()
    workers = info["workers"]
    assert len(workers) == 2
    assert all(w["nthreads"] == 1 for w in workers.values())
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2 and __import__("os").getpid() not in pids.values()


def test_the_example_reads_the_files_in_the_order_collect_does(directory: Path) -> None:
    example = load_example()
    files = example.files_of([directory, directory / "real.txt"])
    assert files == [t.path for t in fou.collect([directory]).texts]
    assert files.index(str(directory / "real.txt")) > files.index(str(directory / "real" / "copy-of-2020.txt"))


def test_dask_gives_the_same_collection_as_collect(client: Any, directory: Path) -> None:
    example = load_example()
    by_dask = example.collect_with_dask(client, [directory])
    local = fou.collect([directory])
    assert len(by_dask) == len(local) >= 5
    assert [t.hash for t in by_dask.texts] == [t.hash for t in local.texts]
    assert [t.duplicate_of for t in by_dask.texts] == [t.duplicate_of for t in local.texts]
    assert item_keys(by_dask) == item_keys(local)
    assert link_keys(by_dask) == link_keys(local)
    assert local.links  # the comparison is not of two empty lists
    assert [d.diagnostic for d in by_dask.diagnostics] == [d.diagnostic for d in local.diagnostics]
    for table in fou.Collection.tables():
        assert by_dask.rows(table) == local.rows(table), table


def test_dask_with_a_registry_and_a_bad_file(client: Any, directory: Path, tmp_path: Path) -> None:
    example = load_example()
    reg = tmp_path / "mine.toml"
    reg.write_text('[[institution]]\nid = "x-inst"\nname = "Et oppdiktet institutt"\nkind = "institute"\n', encoding="utf-8")
    by_dask = example.collect_with_dask(client, [directory], registry=reg)
    local = fou.collect([directory], registry=reg)
    assert by_dask.rows("item_institutions") == local.rows("item_institutions")
    assert by_dask.rows("links") == local.rows("links")
    with pytest.raises(fou.ReadError):
        example.collect_with_dask(client, [directory / "missing.txt"])
