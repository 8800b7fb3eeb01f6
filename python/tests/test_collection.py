"""fou.collect / fou.Collection: the core's collection seen from Python, and its frames
against the SQLite database of the same collection."""

from __future__ import annotations

import faulthandler
import os
import pickle
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import fou
from fou._collection import ITEMS_COLUMNS, TIMELINES_COLUMNS
from conftest import CORPUS, REPO, corpus_paths

SAMPLES = REPO / "examples" / "data"

# Invented texts: a project listed as ongoing in 2020, renamed and completed in 2022.
Y2020 = """FoU-rapport 2020

Bidragsfinansierte prosjekter

Ved utgangen av 2020 hadde vi 2 pågående prosjekter.

Fiske

- Bruken av digitale skjema i fiskeriet, Nordlandsforskning (2019-2021)
- Trygge havner for små båter, Sintef (2020-2022)
"""
Y2022 = """FoU-rapport 2022

Bidragsfinansierte prosjekter

Ved utgangen av 2022 hadde vi 2 pågående prosjekter.

Fiske

- Digitale skjema for fiskere og NAV, Nordlandsforskning (2019-2022)
- Kystkultur og arbeid, Kystforskningsinstituttet (2021-2023)
"""


@pytest.fixture()
def two_years(tmp_path: Path) -> Path:
    d = tmp_path / "texts"
    d.mkdir()
    (d / "a-2020.txt").write_text(Y2020, encoding="utf-8")
    (d / "b-2022.txt").write_text(Y2022, encoding="utf-8")
    (d / "b-2022-copy.md").write_text(Y2022, encoding="utf-8")  # the same report again
    (d / "notes.pdf").write_bytes(b"%PDF not a text")  # not a text file: skipped
    return d


@pytest.fixture(scope="module")
def real(shared_dir: Path) -> fou.Collection:
    """The two real reports and the invented samples (and pages, when the branch has them)."""
    return fou.collect([CORPUS, SAMPLES])


def test_collect_reads_directories_and_files(two_years: Path) -> None:
    c = fou.collect([two_years])
    assert len(c) == 3 == len(c.texts)
    assert [Path(t.path).name for t in c.texts if t.path] == ["a-2020.txt", "b-2022-copy.md", "b-2022.txt"]
    dup = [t for t in c.texts if t.duplicate_of is not None]
    assert len(dup) == 1 and dup[0].duplicate_reason
    assert c.texts[dup[0].duplicate_of].duplicate_of is None
    # items of the kept texts only: 2 + 2, not 2 + 2 + 2
    assert len(c.items) == 4
    assert {i.kind for i in c.items} == {"portfolio"}
    # a file given twice (as itself and through its directory) is read once
    again = fou.collect([two_years, two_years / "a-2020.txt"])
    assert len(again) == 3
    assert "texts=3" in repr(c) and "links=1" in repr(c)


def test_links_follow_a_renamed_project(two_years: Path) -> None:
    c = fou.collect([two_years])
    assert len(c.links) == 1
    link = c.links[0]
    assert len(link) == 2 == len(link.appearances)
    assert [a.year for a in link.appearances] == [2020, 2022]
    assert [a.kind for a in link.appearances] == ["portfolio", "portfolio"]
    assert all(a.status == "ongoing" for a in link.appearances)
    assert link.appearances[0].title.startswith("Bruken av digitale skjema")
    assert link.appearances[0].institution_raw == "Nordlandsforskning"
    assert link.appearances[0].period == fou.grammar.period("2019-2021")
    assert link.score >= 0.85 and "Nordlandsforskning" in link.reason  # LINK_THRESHOLD
    assert link.id and link.id == fou.collect([two_years]).links[0].id  # stable
    assert len(c.appearances) == 4
    assert "Link(" in repr(link) and "Appearance(" in repr(link.appearances[0])


def test_institutions_resolved_and_unknown_reported_once(two_years: Path) -> None:
    c = fou.collect([two_years])
    by_title = {i.item.title: i for i in c.items}
    sintef = by_title["Trygge havner for små båter"].institutions
    assert [(r.id, r.raw) for r in sintef] == [("sintef", "Sintef")]
    assert sintef[0].name
    kfi = by_title["Kystkultur og arbeid"].institutions
    assert [(r.id, r.name, r.raw) for r in kfi] == [(None, None, "Kystforskningsinstituttet")]
    unknown = c.unknown_institutions
    assert [(u.name, u.items) for u in unknown] == [("Kystforskningsinstituttet", 1)]
    assert unknown[0].first_text == next(i for i, t in enumerate(c.texts) if t.path and t.path.endswith("b-2022-copy.md"))
    codes = [d.diagnostic.code for d in c.diagnostics]
    assert "duplicate-text" in codes and "unknown-institution" in codes
    d = next(d for d in c.diagnostics if d.diagnostic.code == "duplicate-text")
    assert d.text is not None and d.path == c.texts[d.text].path


def test_a_user_registry_resolves_a_name(two_years: Path, tmp_path: Path) -> None:
    reg = tmp_path / "mine.toml"
    reg.write_text(
        '[[institution]]\nid = "kfi"\nname = "Kystforskningsinstituttet"\nshort = ["KFI"]\nkind = "institute"\n',
        encoding="utf-8",
    )
    c = fou.collect([str(two_years)], registry=str(reg))
    assert c.unknown_institutions == []
    refs = [r for i in c.items for r in i.institutions if r.raw == "Kystforskningsinstituttet"]
    assert [(r.id, r.name) for r in refs] == [("kfi", "Kystforskningsinstituttet")]
    assert ("kfi", "Kystforskningsinstituttet", None, "institute") in c.rows("institutions")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[institution]]\nid = 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml"):
        fou.collect([two_years], registry=bad)
    with pytest.raises(ValueError, match="missing.toml"):
        fou.collect([two_years], registry=tmp_path / "missing.toml")


def test_unreadable_files_raise_or_are_kept(two_years: Path) -> None:
    missing = two_years / "missing.txt"
    with pytest.raises(fou.ReadError) as exc:
        fou.collect([two_years, missing])
    assert exc.value.path == str(missing)
    c = fou.collect([two_years, missing], errors="keep")
    assert len(c) == 3
    assert len(c.errors) == 1 and isinstance(c.errors[0], fou.ReadError) and "errors=1" in repr(c)
    with pytest.raises(ValueError, match="errors must be"):
        fou.collect([two_years], errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="list of paths"):
        fou.collect(str(two_years))
    with pytest.raises(ValueError, match="threads"):
        fou.collect([two_years], threads=0)
    with pytest.raises(fou.ReadError):
        fou.text_files(missing)


def test_threads_do_not_change_the_result(two_years: Path) -> None:
    one = fou.collect([two_years], threads=1)
    two = fou.collect([two_years], threads=2)
    assert [t.hash for t in one.texts] == [t.hash for t in two.texts]
    assert [(lk.id, lk.score) for lk in one.links] == [(lk.id, lk.score) for lk in two.links]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_the_gil_is_released_while_parsing(tmp_path: Path) -> None:
    # collect() reads a FIFO whose writer is this (Python) thread: the read blocks
    # until we write, which we can only do if collect() let go of the GIL.
    fifo = tmp_path / "page.txt"
    os.mkfifo(fifo)
    result: list[fou.Collection] = []
    reader = threading.Thread(target=lambda: result.append(fou.collect([fifo], threads=1)), daemon=True)
    # Were the GIL kept, no Python thread could run again: a watchdog thread of C
    # (no GIL needed) then ends the run with tracebacks instead of hanging forever.
    faulthandler.dump_traceback_later(300, exit=True)
    try:
        reader.start()
        with open(fifo, "w", encoding="utf-8") as w:  # blocks until collect() opens it
            w.write(Y2020)
        reader.join(timeout=120)  # a safety net, not a measurement
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert not reader.is_alive(), "collect() kept the GIL while reading"
    assert len(result) == 1 and len(result[0].items) == 2


def test_from_reports_equals_collect(two_years: Path) -> None:
    paths = fou.text_files(two_years)
    assert [Path(p).name for p in paths] == ["a-2020.txt", "b-2022-copy.md", "b-2022.txt"]
    a = fou.collect([two_years])
    b = fou.Collection.from_reports([pickle.loads(pickle.dumps(fou.parse_file(p))) for p in paths])
    for table in fou.Collection.tables():
        assert a.rows(table) == b.rows(table), table


def test_rows_and_columns_agree(real: fou.Collection) -> None:
    assert fou.Collection.tables()[0] == "texts"
    for table in fou.Collection.tables():
        columns = fou.Collection.columns(table)
        rows = real.rows(table)
        assert all(len(r) == len(columns) for r in rows), table
    with pytest.raises(ValueError, match="unknown table"):
        real.rows("nope")  # type: ignore[arg-type]
    records = fou.collection_records(real, "links")
    assert len(records) == len(real.links) and set(records[0]) == {"id", "size", "score", "reason"}


def test_real_reports_link_and_resolve(real: fou.Collection) -> None:
    years = {t.year for t in real.texts}
    assert {2020, 2022} <= years
    assert real.links, "the two real reports share projects"
    spans = [(lk.appearances[0].year, lk.appearances[-1].year) for lk in real.links]
    assert (2020, 2022) in spans
    # every institution of the real reports resolves or is reported unknown, once
    refs = [r for i in real.items for r in i.institutions]
    unknown = {u.name.casefold() for u in real.unknown_institutions}
    assert all(r.id is not None or r.raw.casefold() in unknown for r in refs)
    assert len(unknown) == len(real.unknown_institutions)


# -- the frames are the database's tables ---------------------------------------------


def _normal(frame: pd.DataFrame, keys: list[str]) -> list[tuple[Any, ...]]:
    """Rows as plain tuples, NaN/NA as None, whole floats as ints, sorted: SQLite and
    pandas store missing numbers differently."""

    def plain(v: Any) -> Any:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v.item() if hasattr(v, "item") else v

    rows = [tuple(plain(v) for v in row) for row in frame.astype(object).itertuples(index=False)]
    idx = [list(frame.columns).index(k) for k in keys]
    return sorted(rows, key=lambda r: tuple((r[i] is None, r[i] if r[i] is not None else 0) for i in idx))


@pytest.fixture(scope="module")
def db(real: fou.Collection, tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("db") / "fou.sqlite"
    real.to_sqlite(path)
    real.to_sqlite(str(path))  # a rerun replaces, never doubles
    return sqlite3.connect(path)


@pytest.mark.parametrize("table", fou.Collection.tables())
def test_each_table_frame_equals_the_sqlite_table(real: fou.Collection, db: sqlite3.Connection, table: str) -> None:
    frame = fou.collection_frame(real, table)  # type: ignore[arg-type]
    stored = pd.read_sql(f"SELECT * FROM {table}", db)
    assert list(frame.columns) == list(stored.columns)
    keys = list(frame.columns)
    assert _normal(frame, keys) == _normal(stored, keys)
    assert len(frame) == len(real.rows(table))  # type: ignore[arg-type]


def test_whole_number_columns_are_int64_with_gaps_or_without(real: fou.Collection) -> None:
    """A column of whole numbers is ``Int64`` whether or not some rows have none (a
    portfolio item without a period, a text without a year), as in the report frames;
    read from pandas, such a column with gaps had come out ``float64``."""
    portfolio = fou.collection_frame(real, "portfolio")
    assert portfolio["period_start"].isna().any() and portfolio["period_start"].notna().any()
    apps = fou.collection_frame(real, "appearances")
    texts = fou.collection_frame(real, "texts")
    timelines = fou.timelines_frame(real)
    for frame, cols in [
        (portfolio, ["period_start", "period_end", "idx", "line_start"]),
        (apps, ["year", "period_start", "period_end", "idx"]),
        (texts, ["year", "items"]),
        (timelines, ["year", "period_start", "idx"]),
    ]:
        assert {c: str(frame[c].dtype) for c in cols} == dict.fromkeys(cols, "Int64")
    # the numbers are those of the rows, the gaps <NA>
    starts = [row[fou.Collection.columns("portfolio").index("period_start")] for row in real.rows("portfolio")]
    assert portfolio["period_start"].astype(object).where(portfolio["period_start"].notna(), None).tolist() == starts
    # text, fractions and an empty table keep their types
    assert str(fou.links_frame(real)["score"].dtype) == "float64"
    assert str(portfolio["title"].dtype) not in {"Int64", "float64"}  # object, or str in pandas 3
    empty = fou.collection_frame(fou.Collection.from_reports([]), "portfolio")
    assert empty.empty and list(empty.columns) == fou.Collection.columns("portfolio")
    assert str(empty["period_start"].dtype) == "Int64"
    # the types are the core's, one per column
    assert fou.Collection.column_types("links") == ["text", "integer", "real", "text"]
    for table in fou.Collection.tables():
        types = fou.Collection.column_types(table)
        assert len(types) == len(fou.Collection.columns(table)) and set(types) <= {"integer", "real", "text"}
    with pytest.raises(ValueError, match="unknown table"):
        fou.Collection.column_types("nope")  # type: ignore[arg-type]


def test_a_cell_like_the_one_above_it_is_the_same_object(real: fou.Collection) -> None:
    rows = real.rows("item_institutions")
    pairs = [(a, b) for a, b in zip(rows, rows[1:]) if a[0] == b[0]]
    assert pairs, "texts with more than one item institution"
    assert all(a[0] is b[0] for a, b in pairs)


def test_column_values_are_the_rows_column_by_column(real: fou.Collection) -> None:
    for table in fou.Collection.tables():
        columns = fou.Collection.columns(table)
        rows = real.rows(table)
        every = real.column_values(table)
        assert list(every) == columns, table
        assert all(every[c] == [r[k] for r in rows] for k, c in enumerate(columns)), table
    # some columns, in the order asked, one of them twice
    picked = real.column_values("portfolio", ["title", "text_hash", "title"])
    assert list(picked) == ["title", "text_hash"]
    k = fou.Collection.columns("portfolio").index("title")
    assert picked["title"] == [r[k] for r in real.rows("portfolio")]
    hashes = picked["text_hash"]
    same = [(a, b) for a, b in zip(hashes, hashes[1:]) if a == b]
    assert same and all(a is b for a, b in same)
    with pytest.raises(ValueError, match='has no column "nope"; its columns are text_hash, idx'):
        real.column_values("portfolio", ["title", "nope"])
    with pytest.raises(ValueError, match="unknown table"):
        real.column_values("nope")  # type: ignore[arg-type]


def test_a_frame_of_some_columns_is_those_of_the_whole_frame(real: fou.Collection) -> None:
    whole = fou.collection_frame(real, "appearances")
    some = fou.collection_frame(real, "appearances", ["year", "title", "period_start"])
    assert list(some.columns) == ["year", "title", "period_start"]
    assert some.dtypes.astype(str).tolist() == whole[list(some.columns)].dtypes.astype(str).tolist()
    assert str(some["year"].dtype) == "Int64"
    assert some.equals(whole[list(some.columns)])
    empty = fou.collection_frame(fou.Collection.from_reports([]), "links", ["score", "id"])
    assert empty.empty and list(empty.columns) == ["score", "id"] and str(empty["score"].dtype) == "float64"
    with pytest.raises(ValueError, match="has no column"):
        fou.collection_frame(real, "texts", ["hash", "nope"])
    with pytest.raises(TypeError, match="not the string 'hash'"):
        fou.collection_frame(real, "texts", "hash")
    with pytest.raises(ValueError, match="names no column"):
        fou.collection_frame(real, "texts", [])
    assert list(fou.collection_frame(real, "texts", ["year", "hash", "year"]).columns) == ["year", "hash"]


def test_items_frame_equals_its_sql(real: fou.Collection, db: sqlite3.Connection) -> None:
    frame = fou.items_frame(real)
    assert list(frame.columns)[:6] == ["text_hash", "path", "year", "kind", "idx", "title"]
    stored = pd.read_sql(fou.ITEMS_SQL, db)
    assert list(frame.columns) == list(stored.columns)
    keys = ["text_hash", "kind", "idx", "position"]
    assert _normal(frame, keys) == _normal(stored, keys)
    # one row per item and institution, with the registry's id and name where known
    refs = [(i.kind, r) for i in real.items for r in i.institutions]
    assert len(frame) == len(refs)
    known = frame[frame["institution_id"].notna()]
    assert known["institution_name"].notna().all() and len(known) > 0
    assert frame["kind"].isin(["project", "portfolio", "phd"]).all()


def test_links_and_timelines_frames(real: fou.Collection, db: sqlite3.Connection) -> None:
    links = fou.links_frame(real)
    assert list(links["id"]) == [lk.id for lk in real.links]
    assert list(links["size"]) == [len(lk) for lk in real.links]
    timelines = fou.timelines_frame(real)
    stored = pd.read_sql(fou.TIMELINES_SQL, db)
    assert list(timelines.columns) == list(stored.columns)
    keys = ["link_id", "text_hash", "kind", "idx"]
    assert _normal(timelines, keys) == _normal(stored, keys)
    assert len(timelines) == sum(len(lk) for lk in real.links)
    assert set(timelines["link_id"]) == {lk.id for lk in real.links}
    # the documented 2020 -> 2022 question, answered from the timelines
    followed = timelines.groupby("link_id")["year"].agg(["min", "max"])
    assert ((followed["min"] == 2020) & (followed["max"] == 2022)).any()


def _items_by_joins(c: fou.Collection) -> pd.DataFrame:
    """``items_frame`` as pandas joins of the tables (how it was built before the view)."""
    links = fou.collection_frame(c, "item_institutions")
    texts = fou.collection_frame(c, "texts", ["hash", "path", "year"]).rename(columns={"hash": "text_hash"})
    names = fou.collection_frame(c, "institutions", ["id", "name"])
    names = names.rename(columns={"id": "institution_id", "name": "institution_name"})
    parts = []
    for table, kind in (("projects", "project"), ("portfolio", "portfolio"), ("phd", "phd")):
        f = fou.collection_frame(c, table)  # type: ignore[arg-type]
        theme = f["theme"] if "theme" in f else pd.Series([None] * len(f), dtype=object)
        parts.append(pd.DataFrame({"text_hash": f["text_hash"], "kind": kind, "idx": f["idx"], "title": f["title"], "theme": theme}))  # fmt: skip
    titles = pd.concat(parts, ignore_index=True)
    frame = links.merge(texts, on="text_hash").merge(titles, on=["text_hash", "kind", "idx"])
    frame = frame.merge(names, on="institution_id", how="left")
    frame = frame[list(ITEMS_COLUMNS)].sort_values(["path", "kind", "idx", "position"], kind="stable")
    return frame.reset_index(drop=True)


def _timelines_by_joins(c: fou.Collection) -> pd.DataFrame:
    """``timelines_frame`` as pandas joins of the tables (how it was built before the view)."""
    apps = fou.collection_frame(c, "appearances")
    texts = fou.collection_frame(c, "texts", ["hash", "path"]).rename(columns={"hash": "text_hash"})
    linked = apps[apps["link_id"].notna()].merge(texts, on="text_hash")
    keys = ["link_id", "year", "path", "kind", "idx"]
    frame = linked[list(TIMELINES_COLUMNS)].sort_values(keys, kind="stable", na_position="first")
    return frame.reset_index(drop=True)


def _same_frames(a: pd.DataFrame, b: pd.DataFrame, types: list[str]) -> None:
    """The same columns and values in the same order; the whole-number columns
    ``Int64`` in both, the text ones text (pandas' ``str``, or ``object`` when
    empty or all missing: the joins made some ``object`` that were not)."""
    assert list(a.columns) == list(b.columns)
    for col, kind in zip(a.columns, types):
        if kind == "integer":
            assert str(a[col].dtype) == str(b[col].dtype) == "Int64", col
        else:
            assert str(a[col].dtype) in {"str", "object"}, col
        assert [None if pd.isna(v) else v for v in a[col]] == [None if pd.isna(v) else v for v in b[col]], col


def test_the_views_are_the_joins_of_the_tables_in_the_same_order(
    real: fou.Collection, two_years: Path, tmp_path: Path
) -> None:
    """The frames of the views hold the rows the pandas joins of the tables
    give, in the same order (a text without a path last in items, first in
    timelines), with the same types."""
    unnamed = fou.Collection.from_reports([fou.parse(Y2022), fou.parse(Y2020), fou.parse(Y2022 + "\n")])
    mixed = fou.Collection.from_reports([fou.parse(Y2020), fou.parse(Y2022, path="b-2022.txt")])
    assert {t.path for t in mixed.texts} == {None, "b-2022.txt"}
    # two texts of one year, the later path first, and a text without a year or path
    renamed = Y2020.replace("Trygge havner", "Trygge hamner").replace("Sintef (", "SINTEF (")
    same_year = fou.Collection.from_reports(
        [fou.parse(Y2020, path="b.txt"), fou.parse(renamed, path="a.txt"), fou.parse(Y2022, path="c.txt"),
         fou.parse(Y2022.replace("FoU-rapport 2022\n\n", ""))]
    )  # fmt: skip
    tied = fou.timelines_frame(same_year).groupby(["link_id", "year"]).size()
    assert (tied > 1).any(), "a link seen twice in one year"
    for c in (real, fou.collect([two_years]), unnamed, mixed, same_year, fou.Collection.from_reports([])):
        _same_frames(fou.items_frame(c), _items_by_joins(c), fou.Collection.view_column_types("items"))
        _same_frames(fou.timelines_frame(c), _timelines_by_joins(c), fou.Collection.view_column_types("timelines"))
    assert len(fou.items_frame(real)) > 100 and len(fou.timelines_frame(real)) > 10
    assert fou.timelines_frame(unnamed)["path"].isna().all() and len(fou.timelines_frame(unnamed)) > 0
    assert list(real.view_values("items")) == list(ITEMS_COLUMNS)
    # the SQL gives the same rows in the same order (a text without a path last)
    for c in (real, mixed, same_year):
        path = tmp_path / f"views-{id(c)}.sqlite"
        c.to_sqlite(path)
        with sqlite3.connect(path) as db:
            for frame, sql in ((fou.items_frame(c), fou.ITEMS_SQL), (fou.timelines_frame(c), fou.TIMELINES_SQL)):
                keys = ["text_hash", "kind", "idx"] + (["position"] if "position" in frame else [])
                stored = pd.read_sql(sql, db)
                assert list(frame[keys].itertuples(index=False)) == list(stored[keys].itertuples(index=False))
    assert fou.Collection.view_column_types("timelines")[:2] == ["text", "integer"]
    with pytest.raises(ValueError, match="unknown view"):
        real.view_values("nope")  # type: ignore[arg-type]


def test_frames_reject_other_objects() -> None:
    with pytest.raises(TypeError, match="fou.Collection"):
        fou.items_frame([])  # type: ignore[arg-type]


def test_to_sqlite_errors_name_the_file(two_years: Path, tmp_path: Path) -> None:
    c = fou.collect([two_years])
    with pytest.raises(fou.FouError, match="SQLite") as exc:
        c.to_sqlite(tmp_path)  # a directory, not a database file
    assert exc.value.path == str(tmp_path)
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("dette er ingen database\n" * 100, encoding="utf-8")
    with pytest.raises(fou.FouError, match="notes.sqlite"):
        c.to_sqlite(not_a_db)
