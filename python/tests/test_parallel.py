"""parse_many on Rust threads, and parse from many Python threads."""

from __future__ import annotations

import multiprocessing
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

import fou
from conftest import corpus_paths


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """200 files: 100 copies of each real report, interleaved."""
    if not all(p.is_file() for p in corpus_paths()):
        pytest.fail("../shared/corpus is missing")
    d = tmp_path_factory.mktemp("copies")
    out = []
    for i in range(100):
        for src in corpus_paths():
            dst = d / f"{i:03d}-{src.name}"
            shutil.copyfile(src, dst)
            out.append(dst)
    return out


@pytest.fixture(scope="module")
def sequential(copies: list[Path]) -> list[fou.Report]:
    return [fou.parse_file(p) for p in copies]


@pytest.mark.parametrize("threads", [None, 1, 2, 5])
def test_parse_many_equals_sequential_parse(
    copies: list[Path], sequential: list[fou.Report], threads: int | None
) -> None:
    parallel = fou.parse_many(copies, threads=threads)
    assert len(parallel) == len(copies) == 200
    assert parallel == sequential  # same reports, same order
    assert [r.source.path for r in parallel] == [str(p) for p in copies]


def test_parse_many_takes_any_iterable(copies: list[Path]) -> None:
    few = copies[:6]
    expected = [fou.parse_file(p) for p in few]
    assert fou.parse_many(str(p) for p in few) == expected
    assert fou.parse_many(tuple(few)) == expected


def test_parse_from_many_python_threads() -> None:
    texts = [p.read_text(encoding="utf-8") for p in corpus_paths()]
    expected = [fou.parse(t) for t in texts]
    jobs = [i % 2 for i in range(64)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: fou.parse(texts[i]), jobs))
        files = list(pool.map(lambda i: fou.parse_file(corpus_paths()[i]), jobs))
        many = list(pool.map(lambda _: fou.parse_many(corpus_paths(), threads=2), range(8)))
    assert results == [expected[i] for i in jobs]
    assert [r.projects for r in files] == [expected[i].projects for i in jobs]
    assert all([r.portfolio for r in m] == [e.portfolio for e in expected] for m in many)


def test_parse_many_releases_the_gil(copies: list[Path]) -> None:
    """A Python thread keeps running while parse_many works (on one Rust thread)."""
    ticks = 0
    stop = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    def ticks_during(fn: object) -> tuple[int, float]:
        before = ticks
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        return ticks - before, time.perf_counter() - t0

    counter = threading.Thread(target=count, daemon=True)
    counter.start()
    try:
        # the counter's pace while the main thread only sleeps (sleep releases the GIL)
        idle_ticks, idle_s = ticks_during(lambda: time.sleep(0.3))
        busy_ticks, busy_s = ticks_during(lambda: fou.parse_many(copies[:120], threads=1))
    finally:
        stop.set()
        counter.join()
    idle_rate, busy_rate = idle_ticks / idle_s, busy_ticks / busy_s
    # Holding the GIL for the whole call would leave the counter a few switch
    # intervals (5 ms each) at most; released, it runs at a good part of its pace.
    assert busy_s > 0.1
    assert busy_rate > 0.2 * idle_rate, (busy_rate, idle_rate, busy_s)


def _parse_many_in_child(paths: list[Path]) -> list[str]:
    return [r.source.path or "" for r in fou.parse_many(paths)]


# Python >= 3.12 warns about fork() in a process with threads; that is the point here.
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_parse_many_in_a_forked_child() -> None:
    """parse_many works in a process forked after parse_many ran (rayon's global pool would hang)."""
    paths = corpus_paths()
    assert len(fou.parse_many(paths)) == 2  # the parent has used its threads
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        assert pool.submit(_parse_many_in_child, paths).result(timeout=60) == [str(p) for p in paths]
