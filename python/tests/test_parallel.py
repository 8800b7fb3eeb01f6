"""parse_many on Rust threads, and parse from many Python threads."""

from __future__ import annotations

import multiprocessing
import shutil
import sys
import threading
from collections.abc import Callable
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


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_a_large_file_read_side_by_side_equals_its_sequential_parse(
    tmp_path: Path, threads: int
) -> None:
    """A text of 1 MiB or more has its sections read in parallel on
    parse_many's threads; the report is the one parse_file gives."""
    texts = [p.read_text(encoding="utf-8") for p in corpus_paths()]
    joined = "\n".join(texts)
    big = tmp_path / "big.txt"
    big.write_text(joined * (2**20 // len(joined.encode("utf-8")) + 1), encoding="utf-8")
    assert big.stat().st_size >= 2**20
    small = corpus_paths()[0]
    expected = [fou.parse_file(small), fou.parse_file(big, threads=1)]
    assert fou.parse_many([small, big], threads=threads) == expected
    assert len(expected[1].projects) > len(expected[0].projects)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real reports joined and repeated to 1 MiB or more."""
    joined = "\n".join(p.read_text(encoding="utf-8") for p in corpus_paths())
    big = tmp_path_factory.mktemp("big") / "big.txt"
    big.write_text(joined * (2**20 // len(joined.encode("utf-8")) + 1), encoding="utf-8")
    assert big.stat().st_size >= 2**20
    return big


@pytest.mark.parametrize("threads", [None, 2, 3])
def test_one_large_text_read_side_by_side_equals_its_parse_on_one_thread(
    big_file: Path, threads: int | None
) -> None:
    """parse() and parse_file() of a text of 1 MiB or more read its sections
    on a pool of `threads`; the report is the one the calling thread makes."""
    data = big_file.read_bytes()
    text = data.decode("utf-8")
    in_turn = fou.parse_file(big_file, threads=1)
    assert fou.parse_file(big_file, threads=threads) == in_turn
    side_by_side = fou.parse(data, path=str(big_file), threads=threads)
    assert side_by_side == fou.parse(data, path=str(big_file), threads=1) == in_turn
    assert fou.parse(text, threads=threads) == fou.parse(text, threads=1)
    assert len(in_turn.projects) > 100


@pytest.mark.parametrize("threads", [0, -1])
def test_threads_below_one_are_refused_whatever_the_size(threads: int) -> None:
    for call in (
        lambda: fou.parse("Tittel", threads=threads),
        lambda: fou.parse(b"Tittel", threads=threads),
        lambda: fou.parse_file(corpus_paths()[0], threads=threads),
    ):
        with pytest.raises(ValueError, match="threads must be at least 1"):
            call()


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


def _main_ran_during(call: Callable[[], object]) -> bool:
    """Whether this thread ran while `call` was working on another thread.

    The switch interval is set far longer than the call, so the interpreter never
    takes the GIL from the worker: this thread can run before the call returns
    only if the call releases the GIL. Nothing is timed.
    """
    started = threading.Event()
    finished = threading.Event()

    def work() -> None:
        started.set()
        call()
        finished.set()

    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        started.wait()
        ran_during_call = not finished.is_set()
        worker.join()
    finally:
        sys.setswitchinterval(old)
    assert finished.is_set()
    return ran_during_call


def test_parse_many_releases_the_gil(copies: list[Path]) -> None:
    assert _main_ran_during(lambda: fou.parse_many(copies, threads=1))


def test_a_call_that_keeps_the_gil_is_caught() -> None:
    """The check above can fail: pure Python work keeps the GIL to the end."""
    assert not _main_ran_during(lambda: sum(i * i for i in range(3_000_000)))


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
